import type { Viewer } from '../src/modules/auth/viewer';
import { can, grantsOf, holds } from '../src/modules/authz/authz';
import {
  CAPABILITIES,
  Capability,
  EVERY_API_KEY,
  EVERYONE,
  ROLES,
  rolesForOrganisationKind,
  Scope,
} from '../src/modules/authz/capabilities';
import { OrganisationKind } from '../src/modules/organisation/organisation.enums';
import { Role } from '../src/modules/user/user.enums';

const ORG = '00000000-0000-0000-0000-000000000001';
const OTHER_ORG = '00000000-0000-0000-0000-000000000002';

const user = (role: Role, countries: string[] = ['RS']): Viewer => ({
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000009',
  organisationId: ORG,
  organisationKind: ROLES[role].organisationKinds[0],
  role,
  countries,
});
const key = (role: Role | null, countries: string[] = ['RS']): Viewer => ({
  kind: 'apiKey',
  apiKeyId: '00000000-0000-0000-0000-000000000008',
  organisationId: ORG,
  organisationKind: OrganisationKind.PARTNER,
  role,
  countries,
});

describe('the capability table', () => {
  it('grants every capability to someone, and OWN only where a row can be one’s own', () => {
    const granted = new Set<string>();
    const ownOfNothing: string[] = [];
    for (const grants of [EVERYONE, EVERY_API_KEY, ...Object.values(ROLES).map((r) => r.grants)]) {
      for (const [capability, scope] of Object.entries(grants)) {
        granted.add(capability);
        if (scope === Scope.OWN && CAPABILITIES[capability as Capability].over === 'platform') {
          ownOfNothing.push(capability);
        }
      }
    }
    expect(ownOfNothing).toEqual([]);
    expect(Object.values(Capability).filter((c) => !granted.has(c))).toEqual([]);
  });

  it('gives an API key the reads of its organisation’s role and never a write or people’s data', () => {
    for (const role of Object.values(Role)) {
      const held = Object.keys(grantsOf(key(role))) as Capability[];
      expect(held.filter((c) => !CAPABILITIES[c].apiKeys)).toEqual([]);
    }
    expect(holds(key(Role.ADMIN), Capability.EVIDENCE_READ_INTERNAL)).toBe(true);
    expect(holds(key(Role.ADMIN), Capability.CYCLE_MANAGE)).toBe(false);
    expect(holds(key(Role.COUNTRY_LEAD), Capability.ASSESSMENT_EDIT)).toBe(false);
    expect(holds(key(Role.COUNTRY_LEAD), Capability.ASSESSMENT_WORK_READ)).toBe(false);
  });

  it('gives the anonymous public and an integrator’s key what was published, and every key its own webhooks', () => {
    const anonymous: Viewer = { kind: 'anonymous' };
    expect(grantsOf(anonymous)).toEqual(EVERYONE);
    expect(grantsOf(key(null, []))).toEqual({ ...EVERYONE, ...EVERY_API_KEY });
    expect(can(key(null, []), Capability.WEBHOOK_READ, { organisationId: ORG })).toBe(true);
    expect(can(key(null, []), Capability.WEBHOOK_READ, { organisationId: OTHER_ORG })).toBe(false);
  });

  it('reads OWN as the holder’s countries or organisation, and ALL as every row', () => {
    const editor = user(Role.COUNTRY_EDITOR, ['RS']);
    expect(can(editor, Capability.ASSESSMENT_EDIT, { countryCode: 'RS' })).toBe(true);
    expect(can(editor, Capability.ASSESSMENT_EDIT, { countryCode: 'AL' })).toBe(false);
    expect(can(editor, Capability.ASSESSMENT_EDIT)).toBe(false);
    const lead = user(Role.COUNTRY_LEAD);
    expect(can(lead, Capability.USER_ADMIN, { organisationId: ORG })).toBe(true);
    expect(can(lead, Capability.USER_ADMIN, { organisationId: OTHER_ORG })).toBe(false);
    expect(can(user(Role.ADMIN, []), Capability.USER_ADMIN, { organisationId: OTHER_ORG })).toBe(true);
    expect(can(user(Role.REVIEWER, []), Capability.ASSESSMENT_REVIEW, { countryCode: 'AL' })).toBe(true);
    // A role that works on no country gains nothing from having one.
    expect(
      can(user(Role.FRAMEWORK_EDITOR, ['RS']), Capability.ASSESSMENT_READ_DRAFT, { countryCode: 'RS' }),
    ).toBe(false);
  });

  it('says which roles each kind of organisation’s users may have', () => {
    expect(rolesForOrganisationKind(OrganisationKind.PARTNER)).toEqual([
      Role.COUNTRY_LEAD,
      Role.COUNTRY_EDITOR,
      Role.COUNTRY_VIEWER,
    ]);
    expect(rolesForOrganisationKind(OrganisationKind.REVIEWER)).toEqual([Role.REVIEWER]);
    expect(rolesForOrganisationKind(OrganisationKind.PLATFORM)).toEqual([Role.ADMIN, Role.FRAMEWORK_EDITOR]);
    expect(rolesForOrganisationKind(OrganisationKind.INTEGRATOR)).toEqual([]);
  });
});
