import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/sql';
import type { RequestContext } from '../../common/context';
import { UserError, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { assertId } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import { assertHolds } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import type { OrganisationCreateInput, OrganisationUpdateInput } from './organisation-edit.types';
import { OrganisationCreatePayload, OrganisationUpdatePayload } from './organisation-edit.types';
import { Organisation } from './organisation.entity';
import { OrganisationKind } from './organisation.enums';

function checkName(value: string, max: number, field: string, errors: UserError[]): string {
  const text = value.trim();
  if (text.length < 1 || text.length > max) {
    errors.push(UserError.of(UserErrorCode.INVALID_INPUT, `Give 1 to ${max} characters.`, ['input', field]));
  }
  return text;
}

async function checkCountries(
  m: EntityManager,
  codes: string[],
  kind: OrganisationKind,
  errors: UserError[],
): Promise<string[]> {
  const normalised = [...new Set(codes.map((c) => c.trim().toUpperCase()))].sort();
  if (kind !== OrganisationKind.PARTNER && normalised.length > 0) {
    errors.push(
      UserError.of(UserErrorCode.INVALID_INPUT, 'Only a PARTNER organisation covers countries.', [
        'input',
        'countryCodes',
      ]),
    );
    return normalised;
  }
  const known: Array<{ code: string }> = await m.query(
    `SELECT code FROM country WHERE code = ANY($1::text[])`,
    [normalised],
  );
  const missing = normalised.filter((c) => !known.some((k) => k.code === c));
  if (missing.length) {
    errors.push(
      UserError.of(UserErrorCode.NOT_FOUND, `Unknown countries: ${missing.join(', ')}.`, [
        'input',
        'countryCodes',
      ]),
    );
  }
  return normalised;
}

async function setCountries(m: EntityManager, organisationId: string, codes: string[]): Promise<void> {
  await m.query(
    `DELETE FROM organisation_country WHERE organisation_id = $1 AND NOT (country_code = ANY($2::text[]))`,
    [organisationId, codes],
  );
  await m.query(
    `INSERT INTO organisation_country (organisation_id, country_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [organisationId, codes],
  );
}

export function createOrganisation(
  ctx: RequestContext,
  input: OrganisationCreateInput,
): Promise<OrganisationCreatePayload> {
  assertHolds(ctx.viewer, Capability.ORGANISATION_MANAGE, 'Only admins manage organisations.');
  return runMutation(
    ctx,
    () => new OrganisationCreatePayload(),
    async (m, result) => {
      const errors: UserError[] = [];
      const name = checkName(input.name, 200, 'name', errors);
      const shortName = checkName(input.shortName, 40, 'shortName', errors);
      const countries = await checkCountries(m, input.countryCodes ?? [], input.kind, errors);
      if (errors.length) throw new BusinessRuleError(errors);
      const [row] = await m.query(
        `INSERT INTO organisation (name, short_name, kind) VALUES ($1, $2, $3) RETURNING *`,
        [name, shortName, input.kind],
      );
      const organisation = hydrate(ctx.db, Organisation, row);
      await setCountries(m, organisation.id, countries);
      await recordAudit(m, ctx, {
        entityType: 'organisation',
        entityId: organisation.id,
        action: 'create',
        after: { name, shortName, kind: input.kind, countryCodes: countries },
      });
      result.organisation = organisation;
    },
  );
}

export function updateOrganisation(
  ctx: RequestContext,
  input: OrganisationUpdateInput,
): Promise<OrganisationUpdatePayload> {
  assertHolds(ctx.viewer, Capability.ORGANISATION_MANAGE, 'Only admins manage organisations.');
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new OrganisationUpdatePayload(),
    async (m, result) => {
      const rows = await m.query(`SELECT * FROM organisation WHERE id = $1 FOR UPDATE`, [id]);
      if (rows.length === 0)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such organisation.', [
          'input',
          'id',
        ]);
      const existing = hydrate(ctx.db, Organisation, rows[0]);
      const errors: UserError[] = [];
      const name = input.name != null ? checkName(input.name, 200, 'name', errors) : existing.name;
      const shortName =
        input.shortName != null ? checkName(input.shortName, 40, 'shortName', errors) : existing.shortName;
      const before: Array<{ country_code: string }> = await m.query(
        `SELECT country_code FROM organisation_country WHERE organisation_id = $1 ORDER BY 1`,
        [id],
      );
      const countriesBefore = before.map((r) => r.country_code);
      const countries =
        input.countryCodes != null
          ? await checkCountries(m, input.countryCodes, existing.kind, errors)
          : countriesBefore;
      if (errors.length) throw new BusinessRuleError(errors);
      const [row] = await queryRows(
        m,
        `UPDATE organisation SET name = $2, short_name = $3, updated_at = now() WHERE id = $1 RETURNING *`,
        [id, name, shortName],
      );
      if (input.countryCodes != null) await setCountries(m, id, countries);
      await recordAudit(m, ctx, {
        entityType: 'organisation',
        entityId: id,
        action: 'update',
        before: { name: existing.name, shortName: existing.shortName, countryCodes: countriesBefore },
        after: { name, shortName, countryCodes: countries },
      });
      result.organisation = hydrate(ctx.db, Organisation, row);
    },
  );
}
