import { createHash, randomBytes } from 'node:crypto';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { buildTypeSchema } from '../../src/graphql/schema';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { databaseFingerprint, fingerprintedTables } from '../support/fingerprint';
import { DEMO_PASSWORD, signIn, startTestServer, type TestServer } from '../support/server';

/**
 * Every actor through every mutation, on its own country and on another, in the states that matter. Each case
 * prepares its rows with SQL, runs the mutation over HTTP and checks the outcome; after a refusal the whole
 * database must be byte for byte as before, after a success something must have changed.
 */

type Role = 'anonymous' | 'apiKey' | 'lead' | 'editor' | 'viewer' | 'reviewer' | 'framework' | 'admin';
interface Actor {
  name: string;
  role: Role;
  country?: string;
}
type Outcome = 'OK' | 'FORBIDDEN' | 'UNAUTHENTICATED' | string;

const COUNTRIES = ['AL', 'BA', 'ME', 'MK', 'RS'];
const ACTORS: Actor[] = [
  { name: 'anonymous', role: 'anonymous' },
  { name: 'apiKey(ASTRA)', role: 'apiKey', country: 'RS' },
  ...COUNTRIES.flatMap((c) =>
    (['lead', 'editor', 'viewer'] as const).map((role) => ({
      name: `${role}.${c.toLowerCase()}`,
      role,
      country: c,
    })),
  ),
  { name: 'reviewer', role: 'reviewer' },
  { name: 'framework', role: 'framework' },
  { name: 'admin', role: 'admin' },
];

interface Case {
  name: string;
  mutation: string;
  /** Gets the actor for the cases that act on the actor's own account. */
  prepare: (actor: Actor) => Promise<Record<string, unknown>>;
  outcome: (actor: Actor) => Outcome | undefined;
  /** False for a mutation that changes nothing in the database even when it succeeds (signing in). */
  writes?: boolean;
  /**
   * Actors from whom the database hides the target row (another country's draft, say): they are answered
   * NOT_FOUND, as for a row that does not exist, instead of FORBIDDEN.
   */
  hiddenFrom?: (actor: Actor) => boolean;
  cleanup?: (actor: Actor) => Promise<void>;
}

const isWriter = (a: Actor, country: string) =>
  (a.role === 'editor' || a.role === 'lead') && a.country === country;
/** A lead or editor of another country than RS, whose own country's rows are the targets. */
const otherWriter = (a: Actor) => (a.role === 'editor' || a.role === 'lead') && a.country !== 'RS';
const otherLead = (a: Actor) => a.role === 'lead' && a.country !== 'RS';

describe('permission matrix', () => {
  let db: TestDatabase;
  let api: TestServer;
  const headers: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};
  let counter = 0;

  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);
  const one = async (text: string, params: unknown[] = []) => (await sql(text, params))[0];

  /** A SCORE assessment of the country and cycle, put into `status`; returns its id, version and keys. */
  async function assessment(country: string, status: string, cycle = '2025') {
    counter += 1;
    const row = await one(
      `SELECT a.id, a.cycle_id, a.indicator_id FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE a.country_code = $1 AND c.code = $2 AND i.answer_type = 'SCORE'
       ORDER BY a.id OFFSET $3 LIMIT 1`,
      [country, cycle, counter % 10],
    );
    const [[updated]] = await sql(`UPDATE assessment SET status = $2 WHERE id = $1 RETURNING version`, [
      row.id,
      status,
    ]);
    return {
      id: row.id as string,
      version: updated.version as number,
      cycleId: row.cycle_id as string,
      indicatorId: row.indicator_id as string,
    };
  }

  async function evidenceOn(assessmentId: string, country: string) {
    return (
      await one(
        `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
         VALUES ($1, $2, 'REPORT', 'Matrix evidence', 'en', 'MEDIUM', 'PARTNERS') RETURNING id`,
        [assessmentId, country],
      )
    ).id as string;
  }

  /** A draft framework version with one pillar area and one indicator measuring one standard. */
  async function draftVersion() {
    counter += 1;
    const version = await one(
      `INSERT INTO framework_version (framework_id, label, status) VALUES ($1, $2, 'DRAFT') RETURNING id`,
      [ids.framework, `D${counter}`],
    );
    const area = await one(
      `INSERT INTO area (framework_version_id, code, pillar, title, description, position)
       VALUES ($1, 'PREV', 'PREVENTION', '{"en":"Prevention"}', '{"en":"Prevention"}', 0) RETURNING id`,
      [version.id],
    );
    const indicator = await one(
      `INSERT INTO indicator (framework_version_id, area_id, code, type, answer_type, title, guidance, means_of_verification, position)
       VALUES ($1, $2, 'PREV-1', 'STRUCTURAL', 'SCORE', '{"en":"A plan exists"}', '{"en":"Check it"}', '{"en":"The plan"}', 0) RETURNING id`,
      [version.id, area.id],
    );
    await sql(`INSERT INTO indicator_standard (indicator_id, standard_id) VALUES ($1, $2)`, [
      indicator.id,
      ids.standard,
    ]);
    return {
      versionId: version.id as string,
      areaId: area.id as string,
      indicatorId: indicator.id as string,
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    headers.anonymous = {};
    for (const actor of ACTORS) {
      if (actor.role === 'anonymous' || actor.role === 'apiKey') continue;
      headers[actor.name] = await signIn(api, `${actor.name}@demo.example`);
    }
    const prefix = randomBytes(6).toString('hex');
    const key = `tia_${prefix}${randomBytes(24).toString('base64url')}`;
    await sql(
      `INSERT INTO api_key (organisation_id, created_by, name, prefix, key_hash)
       SELECT o.id, u.id, 'Matrix', $1, $2 FROM organisation o, app_user u WHERE o.short_name = 'ASTRA' AND u.email = 'lead.rs@demo.example'`,
      [prefix, createHash('sha256').update(key).digest('hex')],
    );
    headers['apiKey(ASTRA)'] = { authorization: `Bearer ${key}` };
    ids.astra = (await one(`SELECT id FROM organisation WHERE short_name = 'ASTRA'`)).id;
    ids.version = (
      await one(`SELECT framework_version_id AS id FROM monitoring_cycle WHERE code = '2025'`)
    ).id;
    ids.framework = (await one(`SELECT id FROM framework LIMIT 1`)).id;
    ids.standard = (
      await one(`SELECT id FROM standard WHERE instrument = 'COE_CONVENTION' ORDER BY reference LIMIT 1`)
    ).id;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const save = `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) { assessment { id } userErrors { code } } }`;
  const saveInput = async (country: string, status: string, cycle = '2025', stale = false) => {
    const a = await assessment(country, status, cycle);
    return {
      cycleId: a.cycleId,
      countryCode: country,
      indicatorId: a.indicatorId,
      score: 2,
      expectedVersion: stale ? a.version - 1 || 99 : a.version,
    };
  };

  /** RS's count of identified victims in 2025, a DRAFT, with a new breakdown of its total. */
  const breakdownInput = async () => {
    counter += 1;
    const [[row]] = await sql(
      `UPDATE assessment a SET status = 'DRAFT' FROM indicator i, monitoring_cycle c
       WHERE i.id = a.indicator_id AND c.id = a.cycle_id AND a.country_code = 'RS' AND c.code = '2025' AND i.code = 'PROT-1.3'
       RETURNING a.id, a.version, a.cycle_id, a.indicator_id`,
    );
    const total = 20 + counter;
    return {
      cycleId: row.cycle_id,
      countryCode: 'RS',
      indicatorId: row.indicator_id,
      value: String(total),
      expectedVersion: row.version,
      breakdown: [
        { categories: [{ dimension: 'sex', category: 'female' }], value: total - 3 },
        { categories: [{ dimension: 'sex', category: 'male' }], value: 3 },
      ],
    };
  };

  const cases: Case[] = [
    {
      name: 'assessmentSave with a breakdown on a draft of RS',
      mutation: save,
      prepare: breakdownInput,
      outcome: (a) => (isWriter(a, 'RS') ? 'OK' : undefined),
    },
    {
      name: 'assessmentSave on a draft of RS',
      mutation: save,
      prepare: () => saveInput('RS', 'DRAFT'),
      outcome: (a) => (isWriter(a, 'RS') ? 'OK' : undefined),
    },
    {
      name: 'assessmentSave on a draft of AL',
      mutation: save,
      prepare: () => saveInput('AL', 'DRAFT'),
      outcome: (a) => (isWriter(a, 'AL') ? 'OK' : undefined),
    },
    {
      name: 'assessmentSave on changes requested',
      mutation: save,
      prepare: () => saveInput('RS', 'CHANGES_REQUESTED'),
      outcome: (a) => (isWriter(a, 'RS') ? 'OK' : undefined),
    },
    {
      name: 'assessmentSave on a submitted one',
      mutation: save,
      prepare: () => saveInput('RS', 'SUBMITTED'),
      outcome: (a) => (isWriter(a, 'RS') ? 'NOT_EDITABLE' : undefined),
    },
    {
      name: 'assessmentSave in the published cycle',
      mutation: save,
      prepare: () => saveInput('RS', 'PUBLISHED', '2024'),
      outcome: (a) => (isWriter(a, 'RS') ? 'CYCLE_NOT_OPEN' : undefined),
    },
    {
      name: 'assessmentSave from a stale version',
      mutation: save,
      prepare: () => saveInput('RS', 'DRAFT', '2025', true),
      outcome: (a) => (isWriter(a, 'RS') ? 'STALE_VERSION' : undefined),
    },
    {
      name: 'assessmentSubmit of a draft',
      mutation: `mutation($input: AssessmentSubmitInput!) { assessmentSubmit(input: $input) { assessment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'DRAFT');
        return { id: a.id, expectedVersion: a.version };
      },
      outcome: (a) => (a.role === 'lead' && a.country === 'RS' ? 'OK' : undefined),
      hiddenFrom: otherLead,
    },
    {
      name: 'assessmentSubmit of a submitted one',
      mutation: `mutation($input: AssessmentSubmitInput!) { assessmentSubmit(input: $input) { assessment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'SUBMITTED');
        return { id: a.id, expectedVersion: a.version };
      },
      outcome: (a) => (a.role === 'lead' && a.country === 'RS' ? 'INVALID_TRANSITION' : undefined),
      hiddenFrom: otherLead,
    },
    {
      name: 'assessmentSubmit in a closed cycle',
      mutation: `mutation($input: AssessmentSubmitInput!) { assessmentSubmit(input: $input) { assessment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'DRAFT');
        await sql(`UPDATE monitoring_cycle SET status = 'CLOSED' WHERE code = '2025'`);
        return { id: a.id, expectedVersion: a.version };
      },
      cleanup: async () => {
        await sql(`UPDATE monitoring_cycle SET status = 'OPEN' WHERE code = '2025'`);
      },
      outcome: (a) => (a.role === 'lead' && a.country === 'RS' ? 'CYCLE_NOT_OPEN' : undefined),
      hiddenFrom: otherLead,
    },
    {
      name: 'assessmentReview approving a submitted one',
      mutation: `mutation($input: AssessmentReviewInput!) { assessmentReview(input: $input) { assessment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'SUBMITTED');
        return { id: a.id, expectedVersion: a.version, decision: 'APPROVE' };
      },
      outcome: (a) => (a.role === 'reviewer' ? 'OK' : undefined),
    },
    {
      name: 'assessmentReview requesting changes without a comment',
      mutation: `mutation($input: AssessmentReviewInput!) { assessmentReview(input: $input) { assessment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'SUBMITTED');
        return { id: a.id, expectedVersion: a.version, decision: 'REQUEST_CHANGES' };
      },
      outcome: (a) => (a.role === 'reviewer' ? 'COMMENT_REQUIRED' : undefined),
    },
    {
      name: 'assessmentReview of an approved one',
      mutation: `mutation($input: AssessmentReviewInput!) { assessmentReview(input: $input) { assessment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'APPROVED');
        return { id: a.id, expectedVersion: a.version, decision: 'APPROVE' };
      },
      outcome: (a) => (a.role === 'reviewer' ? 'INVALID_TRANSITION' : undefined),
    },
    {
      name: 'assessmentReview of a draft the reviewer cannot see',
      mutation: `mutation($input: AssessmentReviewInput!) { assessmentReview(input: $input) { assessment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'DRAFT');
        return { id: a.id, expectedVersion: a.version, decision: 'APPROVE' };
      },
      outcome: () => undefined,
      hiddenFrom: (a) => a.role === 'reviewer',
    },
    {
      name: 'assessmentReopen of an approved one',
      mutation: `mutation($input: AssessmentReopenInput!) { assessmentReopen(input: $input) { assessment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'APPROVED');
        return { id: a.id, expectedVersion: a.version, reason: 'The data were revised.' };
      },
      outcome: (a) => (a.role === 'reviewer' ? 'OK' : undefined),
    },
    {
      name: 'assessmentReopen of a published one',
      mutation: `mutation($input: AssessmentReopenInput!) { assessmentReopen(input: $input) { assessment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'PUBLISHED', '2024');
        return { id: a.id, expectedVersion: a.version, reason: 'Late correction.' };
      },
      outcome: (a) => (a.role === 'reviewer' ? 'INVALID_TRANSITION' : undefined),
    },
    {
      name: 'evidenceCreate on a draft',
      mutation: `mutation($input: EvidenceCreateInput!) { evidenceCreate(input: $input) { evidence { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'DRAFT');
        return {
          assessmentId: a.id,
          kind: 'REPORT',
          title: 'Annual report',
          language: 'en',
          reliability: 'HIGH',
          confidentiality: 'PUBLIC',
        };
      },
      outcome: (a) => (isWriter(a, 'RS') ? 'OK' : undefined),
      hiddenFrom: otherWriter,
    },
    {
      name: 'evidenceCreate on a submitted one',
      mutation: `mutation($input: EvidenceCreateInput!) { evidenceCreate(input: $input) { evidence { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'SUBMITTED');
        return {
          assessmentId: a.id,
          kind: 'REPORT',
          title: 'Annual report',
          language: 'en',
          reliability: 'HIGH',
          confidentiality: 'PUBLIC',
        };
      },
      outcome: (a) => (isWriter(a, 'RS') ? 'NOT_EDITABLE' : undefined),
      hiddenFrom: otherWriter,
    },
    {
      name: 'evidenceUpdate on a draft',
      mutation: `mutation($input: EvidenceUpdateInput!) { evidenceUpdate(input: $input) { evidence { id } userErrors { code } } }`,
      prepare: async () => ({
        id: await evidenceOn((await assessment('RS', 'DRAFT')).id, 'RS'),
        title: 'Renamed',
        confidentiality: 'INTERNAL',
      }),
      outcome: (a) => (isWriter(a, 'RS') ? 'OK' : undefined),
      hiddenFrom: otherWriter,
    },
    {
      name: 'evidenceDelete on a draft',
      mutation: `mutation($input: EvidenceDeleteInput!) { evidenceDelete(input: $input) { deletedEvidenceId userErrors { code } } }`,
      prepare: async () => ({ id: await evidenceOn((await assessment('RS', 'DRAFT')).id, 'RS') }),
      outcome: (a) => (isWriter(a, 'RS') ? 'OK' : undefined),
      hiddenFrom: otherWriter,
    },
    {
      name: 'evidenceDelete in the published cycle',
      mutation: `mutation($input: EvidenceDeleteInput!) { evidenceDelete(input: $input) { deletedEvidenceId userErrors { code } } }`,
      prepare: async () => ({ id: await evidenceOn((await assessment('RS', 'PUBLISHED', '2024')).id, 'RS') }),
      outcome: (a) => (isWriter(a, 'RS') ? 'CYCLE_NOT_OPEN' : undefined),
    },
    {
      name: 'reviewCommentCreate on a submitted one',
      mutation: `mutation($input: ReviewCommentCreateInput!) { reviewCommentCreate(input: $input) { comment { id } userErrors { code } } }`,
      prepare: async () => ({
        assessmentId: (await assessment('RS', 'SUBMITTED')).id,
        body: 'Which year?',
        field: 'NARRATIVE',
      }),
      outcome: (a) => (isWriter(a, 'RS') || a.role === 'reviewer' ? 'OK' : undefined),
      hiddenFrom: otherWriter,
    },
    {
      name: 'reviewCommentCreate on a draft',
      mutation: `mutation($input: ReviewCommentCreateInput!) { reviewCommentCreate(input: $input) { comment { id } userErrors { code } } }`,
      prepare: async () => ({ assessmentId: (await assessment('RS', 'DRAFT')).id, body: 'Note to self.' }),
      outcome: (a) => (isWriter(a, 'RS') ? 'OK' : undefined),
      hiddenFrom: (a) => otherWriter(a) || a.role === 'reviewer',
    },
    {
      name: 'reviewCommentResolve',
      mutation: `mutation($input: ReviewCommentResolveInput!) { reviewCommentResolve(input: $input) { comment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'CHANGES_REQUESTED');
        const comment = await one(
          `INSERT INTO review_comment (assessment_id, country_code, author_id, body)
           SELECT $1, 'RS', id, 'Please add the source.' FROM app_user WHERE email = 'reviewer@demo.example' RETURNING id`,
          [a.id],
        );
        return { id: comment.id };
      },
      outcome: (a) => (isWriter(a, 'RS') || a.role === 'reviewer' ? 'OK' : undefined),
      hiddenFrom: otherWriter,
    },
    {
      name: 'reviewCommentResolve of a note on a draft',
      mutation: `mutation($input: ReviewCommentResolveInput!) { reviewCommentResolve(input: $input) { comment { id } userErrors { code } } }`,
      prepare: async () => {
        const a = await assessment('RS', 'DRAFT');
        const comment = await one(
          `INSERT INTO review_comment (assessment_id, country_code, author_id, body)
           SELECT $1, 'RS', id, 'Check the figures.' FROM app_user WHERE email = 'editor.rs@demo.example' RETURNING id`,
          [a.id],
        );
        return { id: comment.id };
      },
      outcome: (a) => (isWriter(a, 'RS') ? 'OK' : undefined),
      hiddenFrom: (a) => otherWriter(a) || a.role === 'reviewer',
    },
    {
      name: 'cycleCreate',
      mutation: `mutation($input: CycleCreateInput!) { cycleCreate(input: $input) { cycle { id } userErrors { code } } }`,
      prepare: async () => ({
        code: `M${counter++}`,
        year: 2026,
        title: [{ locale: 'EN', text: 'Matrix round' }],
        frameworkVersionId: ids.version,
      }),
      outcome: (a) => (a.role === 'admin' ? 'OK' : undefined),
    },
    {
      name: 'cycleTransition opening a planned cycle',
      mutation: `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { cycle { id } userErrors { code } } }`,
      prepare: async () => {
        const cycle = await one(
          `INSERT INTO monitoring_cycle (code, year, title, framework_version_id, status) VALUES ($1, 2027, '{"en":"Planned"}', $2, 'PLANNED') RETURNING id`,
          [`P${counter++}`, ids.version],
        );
        return { id: cycle.id, to: 'OPEN' };
      },
      outcome: (a) => (a.role === 'admin' ? 'OK' : undefined),
    },
    {
      name: 'cycleTransition publishing an open cycle',
      mutation: `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { cycle { id } userErrors { code } } }`,
      prepare: async () => ({
        id: (await one(`SELECT id FROM monitoring_cycle WHERE code = '2025'`)).id,
        to: 'PUBLISHED',
      }),
      outcome: (a) => (a.role === 'admin' ? 'INVALID_TRANSITION' : undefined),
    },
    {
      name: 'cycleTransition reopening a published cycle',
      mutation: `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { cycle { id } userErrors { code } } }`,
      prepare: async () => {
        const cycle = await one(
          `INSERT INTO monitoring_cycle (code, year, title, framework_version_id, status, published_at)
           VALUES ($1, 2023, '{"en":"Published"}', $2, 'PUBLISHED', now()) RETURNING id`,
          [`R${counter++}`, ids.version],
        );
        return { id: cycle.id, to: 'OPEN' };
      },
      outcome: (a) => (a.role === 'admin' ? 'OK' : undefined),
    },
    {
      name: 'organisationCreate',
      mutation: `mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id } userErrors { code } } }`,
      prepare: async () => ({
        name: `Integrator ${counter++}`,
        shortName: `INT${counter}`,
        kind: 'INTEGRATOR',
      }),
      outcome: (a) => (a.role === 'admin' ? 'OK' : undefined),
    },
    {
      name: 'organisationUpdate',
      mutation: `mutation($input: OrganisationUpdateInput!) { organisationUpdate(input: $input) { organisation { id } userErrors { code } } }`,
      prepare: async () => ({ id: ids.astra, name: `ASTRA – Anti Trafficking Action ${counter++}` }),
      outcome: (a) => (a.role === 'admin' ? 'OK' : undefined),
    },
    {
      name: 'frameworkCreate',
      mutation: `mutation($input: FrameworkCreateInput!) { frameworkCreate(input: $input) { framework { id } userErrors { code } } }`,
      prepare: async () => ({
        code: `MX-${counter++}`,
        name: [{ locale: 'EN', text: 'Matrix' }],
        description: [{ locale: 'EN', text: 'Matrix' }],
      }),
      outcome: (a) => (a.role === 'framework' || a.role === 'admin' ? 'OK' : undefined),
    },
    ...frameworkCases(),
    {
      name: 'userInvite into ASTRA',
      mutation: `mutation($input: UserInviteInput!) { userInvite(input: $input) { user { id } userErrors { code } } }`,
      prepare: async () => ({
        email: `invitee${counter++}@demo.example`,
        displayName: 'Invitee',
        role: 'COUNTRY_VIEWER',
        organisationId: ids.astra,
      }),
      outcome: (a) => ((a.role === 'lead' && a.country === 'RS') || a.role === 'admin' ? 'OK' : undefined),
    },
    {
      name: 'userDeactivate of an ASTRA member',
      mutation: `mutation($input: UserDeactivateInput!) { userDeactivate(input: $input) { user { id } userErrors { code } } }`,
      prepare: async () => {
        const user = await one(
          `INSERT INTO app_user (email, display_name) VALUES ($1, 'Leaving') RETURNING id`,
          [`leaving${counter++}@demo.example`],
        );
        await sql(
          `INSERT INTO membership (user_id, organisation_id, role) VALUES ($1, $2, 'COUNTRY_EDITOR')`,
          [user.id, ids.astra],
        );
        return { userId: user.id };
      },
      outcome: (a) => ((a.role === 'lead' && a.country === 'RS') || a.role === 'admin' ? 'OK' : undefined),
      hiddenFrom: otherLead,
    },
    {
      name: 'apiKeyCreate',
      mutation: `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { apiKey { id } userErrors { code } } }`,
      prepare: async () => ({ name: `Tool ${counter++}` }),
      outcome: (a) => (a.role === 'lead' || a.role === 'admin' ? 'OK' : undefined),
    },
    {
      name: 'apiKeyRevoke of an ASTRA key',
      mutation: `mutation($input: ApiKeyRevokeInput!) { apiKeyRevoke(input: $input) { apiKey { id } userErrors { code } } }`,
      prepare: async () => {
        const key = await one(
          `INSERT INTO api_key (organisation_id, created_by, name, prefix, key_hash)
           SELECT $1, id, 'Old tool', $2, $3 FROM app_user WHERE email = 'lead.rs@demo.example' RETURNING id`,
          [ids.astra, randomBytes(6).toString('hex'), randomBytes(32).toString('hex')],
        );
        return { id: key.id };
      },
      outcome: (a) => ((a.role === 'lead' && a.country === 'RS') || a.role === 'admin' ? 'OK' : undefined),
      hiddenFrom: otherLead,
    },
    ...accountCases(),
    ...webhookCases(),
    ...recommendationCases(),
  ];

  /**
   * Signing in and setting passwords. A password change succeeds on the actor's own account, whose password and
   * token version are put back afterwards so that the actor's token keeps working for the cases that follow.
   */
  function accountCases(): Case[] {
    const saved = new Map<string, { password_hash: string; token_version: number }>();
    const email = (a: Actor) => `${a.name}@demo.example`;
    const isPerson = (a: Actor) => a.role !== 'anonymous' && a.role !== 'apiKey';
    return [
      {
        name: 'login with a right password',
        mutation: `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`,
        prepare: async () => ({ email: 'viewer.me@demo.example', password: DEMO_PASSWORD }),
        outcome: () => 'OK',
        writes: false,
      },
      {
        name: 'passwordChange of the own password',
        mutation: `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code } } }`,
        prepare: async (a) => {
          if (isPerson(a)) {
            saved.set(
              a.name,
              await one(`SELECT password_hash, token_version FROM app_user WHERE email = $1`, [email(a)]),
            );
          }
          return { currentPassword: DEMO_PASSWORD, newPassword: `Matrix-Password-${counter++}` };
        },
        outcome: (a) => (isPerson(a) ? 'OK' : undefined),
        cleanup: async (a) => {
          const before = saved.get(a.name);
          if (!before) return;
          await sql(`UPDATE app_user SET password_hash = $2, token_version = $3 WHERE email = $1`, [
            email(a),
            before.password_hash,
            before.token_version,
          ]);
        },
      },
      {
        name: 'userSetPassword with an invitation’s setup token',
        mutation: `mutation($input: UserSetPasswordInput!) { userSetPassword(input: $input) { userErrors { code } } }`,
        prepare: async () => {
          const token = randomBytes(24).toString('base64url');
          const invited = await one(
            `INSERT INTO app_user (email, display_name, setup_token_hash, setup_token_expires_at)
             VALUES ($1, 'Invited', $2, now() + interval '1 day') RETURNING id`,
            [`invited${counter++}@demo.example`, createHash('sha256').update(token).digest('hex')],
          );
          await sql(
            `INSERT INTO membership (user_id, organisation_id, role) VALUES ($1, $2, 'COUNTRY_VIEWER')`,
            [invited.id, ids.astra],
          );
          return { setupToken: token, password: 'Matrix-Password-of-the-invited' };
        },
        // The invited person is not signed in yet: anyone holding the token may use it, but no API key.
        outcome: (a) => (a.role === 'apiKey' ? undefined : 'OK'),
      },
    ];
  }

  /** An ASTRA webhook, changed by its managers; other organisations' leads and the reviewer never see it. */
  function webhookCases(): Case[] {
    const webhook = async () =>
      (
        await one(
          `INSERT INTO webhook_subscription (organisation_id, url, events, secret)
           VALUES ($1, 'https://hooks.example.org/in', '{cycle.published}', $2) RETURNING id`,
          [ids.astra, randomBytes(24).toString('hex')],
        )
      ).id as string;
    const managers = (a: Actor) =>
      (a.role === 'lead' && a.country === 'RS') || a.role === 'admin' ? 'OK' : undefined;
    const hidden = (a: Actor) => otherLead(a) || a.role === 'reviewer';
    return [
      {
        // Before the cases below, which fill ASTRA up to its cap of webhooks.
        name: 'webhookCreate for the own organisation',
        mutation: `mutation($input: WebhookCreateInput!) { webhookCreate(input: $input) { webhook { id } userErrors { code } } }`,
        prepare: async () => ({ url: 'https://hooks.example.org/matrix', events: ['CYCLE_PUBLISHED'] }),
        outcome: (a) => (a.role === 'lead' || a.role === 'reviewer' || a.role === 'admin' ? 'OK' : undefined),
      },
      {
        name: 'webhookUpdate of an ASTRA webhook',
        mutation: `mutation($input: WebhookUpdateInput!) { webhookUpdate(input: $input) { webhook { id } userErrors { code } } }`,
        prepare: async () => ({ id: await webhook(), enabled: false }),
        outcome: managers,
        hiddenFrom: hidden,
      },
      {
        name: 'webhookSecretRotate of an ASTRA webhook',
        mutation: `mutation($input: WebhookSecretRotateInput!) { webhookSecretRotate(input: $input) { secret userErrors { code } } }`,
        prepare: async () => ({ id: await webhook() }),
        outcome: managers,
        hiddenFrom: hidden,
      },
      {
        name: 'webhookDelete of an ASTRA webhook',
        mutation: `mutation($input: WebhookDeleteInput!) { webhookDelete(input: $input) { deletedWebhookId userErrors { code } } }`,
        prepare: async () => ({ id: await webhook() }),
        outcome: managers,
        hiddenFrom: hidden,
      },
    ];
  }

  /**
   * A follow-up of Serbia in `cycle`, put into `status`. Its recommendation has a published follow-up, so every
   * partner reads the recommendation; the follow-up itself is hidden from whoever may not read one in `status`.
   */
  async function followUp(status: string, cycle = '2025') {
    counter += 1;
    const row = await one(
      `SELECT f.id, f.recommendation_id, f.cycle_id FROM recommendation_follow_up f JOIN monitoring_cycle c ON c.id = f.cycle_id
       WHERE f.country_code = 'RS' AND c.code = $1 AND EXISTS (SELECT 1 FROM recommendation_follow_up p
         WHERE p.recommendation_id = f.recommendation_id AND p.status = 'PUBLISHED')
       ORDER BY f.id OFFSET $2 LIMIT 1`,
      [cycle, counter % 6],
    );
    const [[updated]] = await sql(
      `UPDATE recommendation_follow_up SET status = $2 WHERE id = $1 RETURNING version`,
      [row.id, status],
    );
    return {
      id: row.id as string,
      version: updated.version as number,
      recommendationId: row.recommendation_id as string,
      cycleId: row.cycle_id as string,
    };
  }

  function recommendationCases(): Case[] {
    const m = (name: string, fields: string) =>
      `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} userErrors { code } } }`;
    const en = (text: string) => [{ locale: 'EN', text }];
    const rsSource = async () =>
      (await one(`SELECT id FROM recommendation_source WHERE country_code = 'RS' AND body = 'UPR'`)).id;
    const rsRecommendation = async () =>
      one(
        `SELECT r.id, r.version FROM recommendation r WHERE r.country_code = 'RS' AND EXISTS (SELECT 1
           FROM recommendation_follow_up p WHERE p.recommendation_id = r.id AND p.status = 'PUBLISHED') ORDER BY r.id LIMIT 1`,
      );
    const writerRs = (ok: string) => (a: Actor) => (isWriter(a, 'RS') ? ok : undefined);
    const leadRs = (ok: string) => (a: Actor) => (a.role === 'lead' && a.country === 'RS' ? ok : undefined);
    const reviewer = (ok: string) => (a: Actor) => (a.role === 'reviewer' ? ok : undefined);
    const save = m('recommendationFollowUpSave', 'followUp { id }');
    const submit = m('recommendationFollowUpSubmit', 'followUp { id }');
    const review = m('recommendationFollowUpReview', 'followUp { id }');
    const reopen = m('recommendationFollowUpReopen', 'followUp { id }');
    return [
      {
        name: 'recommendationSourceCreate for RS',
        mutation: m('recommendationSourceCreate', 'source { id }'),
        prepare: async () => ({
          body: 'OTHER',
          countryCode: 'RS',
          title: en('Ombudsperson report'),
          year: 2025,
        }),
        outcome: (a) => (isWriter(a, 'RS') || a.role === 'admin' ? 'OK' : undefined),
      },
      {
        name: 'recommendationSourceCreate for several countries',
        mutation: m('recommendationSourceCreate', 'source { id }'),
        prepare: async () => ({ body: 'TIP', title: en('Regional report'), year: 2025 }),
        outcome: (a) => (a.role === 'admin' ? 'OK' : undefined),
      },
      {
        name: 'recommendationCreate for RS',
        mutation: m('recommendationCreate', 'recommendation { id }'),
        prepare: async () => ({
          countryCode: 'RS',
          sourceId: await rsSource(),
          reference: `para. ${counter++}`,
          text: en('Adopt a by-law'),
        }),
        outcome: writerRs('OK'),
      },
      {
        name: 'recommendationUpdate of an RS recommendation',
        mutation: m('recommendationUpdate', 'recommendation { id }'),
        prepare: async () => {
          const r = await rsRecommendation();
          return { id: r.id, expectedVersion: r.version, reference: `para. ${counter++}` };
        },
        outcome: writerRs('OK'),
      },
      {
        name: 'recommendationUpdate from a stale version',
        mutation: m('recommendationUpdate', 'recommendation { id }'),
        prepare: async () => {
          const r = await rsRecommendation();
          return { id: r.id, expectedVersion: r.version + 5, reference: 'para. 1' };
        },
        outcome: writerRs('STALE_VERSION'),
      },
      {
        name: 'recommendationFollowUpSave on a draft of RS',
        mutation: save,
        prepare: async () => {
          const f = await followUp('DRAFT');
          return {
            recommendationId: f.recommendationId,
            cycleId: f.cycleId,
            implementationStatus: 'IN_PROGRESS',
            expectedVersion: f.version,
          };
        },
        outcome: writerRs('OK'),
      },
      {
        name: 'recommendationFollowUpSave on a submitted one',
        mutation: save,
        prepare: async () => {
          const f = await followUp('SUBMITTED');
          return {
            recommendationId: f.recommendationId,
            cycleId: f.cycleId,
            implementationStatus: 'IN_PROGRESS',
            expectedVersion: f.version,
          };
        },
        outcome: writerRs('NOT_EDITABLE'),
      },
      {
        name: 'recommendationFollowUpSave in the published cycle',
        mutation: save,
        prepare: async () => {
          const f = await followUp('PUBLISHED', '2024');
          return {
            recommendationId: f.recommendationId,
            cycleId: f.cycleId,
            implementationStatus: 'IMPLEMENTED',
            expectedVersion: f.version,
          };
        },
        outcome: writerRs('CYCLE_NOT_OPEN'),
      },
      {
        name: 'recommendationFollowUpSubmit of a draft',
        mutation: submit,
        prepare: async () => {
          const f = await followUp('DRAFT');
          return { id: f.id, expectedVersion: f.version };
        },
        outcome: leadRs('OK'),
        hiddenFrom: otherLead,
      },
      {
        name: 'recommendationFollowUpSubmit of an approved one',
        mutation: submit,
        prepare: async () => {
          const f = await followUp('APPROVED');
          return { id: f.id, expectedVersion: f.version };
        },
        outcome: leadRs('INVALID_TRANSITION'),
      },
      {
        name: 'recommendationFollowUpReview approving a submitted one',
        mutation: review,
        prepare: async () => {
          const f = await followUp('SUBMITTED');
          return { id: f.id, expectedVersion: f.version, decision: 'APPROVE' };
        },
        outcome: reviewer('OK'),
      },
      {
        name: 'recommendationFollowUpReview requesting changes without a comment',
        mutation: review,
        prepare: async () => {
          const f = await followUp('SUBMITTED');
          return { id: f.id, expectedVersion: f.version, decision: 'REQUEST_CHANGES' };
        },
        outcome: reviewer('COMMENT_REQUIRED'),
      },
      {
        name: 'recommendationFollowUpReview of a draft the reviewer cannot see',
        mutation: review,
        prepare: async () => {
          const f = await followUp('DRAFT');
          return { id: f.id, expectedVersion: f.version, decision: 'APPROVE' };
        },
        outcome: () => undefined,
        hiddenFrom: (a) => a.role === 'reviewer',
      },
      {
        name: 'recommendationFollowUpReopen of an approved one',
        mutation: reopen,
        prepare: async () => {
          const f = await followUp('APPROVED');
          return { id: f.id, expectedVersion: f.version, reason: 'The by-law was withdrawn.' };
        },
        outcome: reviewer('OK'),
      },
      {
        name: 'recommendationFollowUpReopen of a published one',
        mutation: reopen,
        prepare: async () => {
          const f = await followUp('PUBLISHED', '2024');
          return { id: f.id, expectedVersion: f.version, reason: 'Late correction.' };
        },
        outcome: reviewer('INVALID_TRANSITION'),
      },
    ];
  }

  function frameworkCases(): Case[] {
    const editors = (a: Actor) => (a.role === 'framework' || a.role === 'admin' ? 'OK' : undefined);
    const frozen = (a: Actor) =>
      a.role === 'framework' || a.role === 'admin' ? 'FRAMEWORK_VERSION_IN_USE' : undefined;
    const m = (name: string, fields: string) =>
      `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} userErrors { code } } }`;
    const en = (text: string) => [{ locale: 'EN', text }];
    const usedIndicator = async () =>
      (
        await one(
          `SELECT i.id FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id LIMIT 1`,
        )
      ).id;
    return [
      {
        name: 'frameworkVersionCreate copying the used version',
        mutation: m('frameworkVersionCreate', 'frameworkVersion { id }'),
        prepare: async () => ({
          frameworkId: ids.framework,
          label: `C${counter++}`,
          copyFromVersionId: ids.version,
        }),
        outcome: editors,
      },
      {
        name: 'frameworkVersionPublish of a draft',
        mutation: m('frameworkVersionPublish', 'frameworkVersion { id }'),
        prepare: async () => ({ id: (await draftVersion()).versionId }),
        outcome: editors,
      },
      {
        name: 'areaCreate in a draft',
        mutation: m('areaCreate', 'area { id }'),
        prepare: async () => ({
          frameworkVersionId: (await draftVersion()).versionId,
          code: 'PROT',
          pillar: 'PROTECTION',
          title: en('Protection'),
          description: en('Protection'),
        }),
        outcome: editors,
      },
      {
        name: 'areaCreate in the used version',
        mutation: m('areaCreate', 'area { id }'),
        prepare: async () => ({
          frameworkVersionId: ids.version,
          code: 'NEW',
          pillar: 'PROTECTION',
          title: en('New'),
          description: en('New'),
        }),
        outcome: frozen,
      },
      {
        name: 'areaUpdate in a draft',
        mutation: m('areaUpdate', 'area { id }'),
        prepare: async () => ({ id: (await draftVersion()).areaId, title: en('Prevention and awareness') }),
        outcome: editors,
      },
      {
        name: 'areaDelete of an empty area in a draft',
        mutation: m('areaDelete', 'deletedAreaId'),
        prepare: async () => {
          const draft = await draftVersion();
          const area = await one(
            `INSERT INTO area (framework_version_id, code, pillar, title, description, position) VALUES ($1, 'PART', 'PARTNERSHIP', '{"en":"P"}', '{"en":"P"}', 3) RETURNING id`,
            [draft.versionId],
          );
          return { id: area.id };
        },
        outcome: editors,
      },
      {
        name: 'indicatorCreate in a draft',
        mutation: m('indicatorCreate', 'indicator { id }'),
        prepare: async () => {
          const draft = await draftVersion();
          return {
            frameworkVersionId: draft.versionId,
            areaId: draft.areaId,
            code: 'PREV-2',
            type: 'PROCESS',
            answerType: 'NUMBER',
            title: en('Campaigns held'),
            guidance: en('Count them'),
            meansOfVerification: en('Ministry reports'),
            standardIds: [ids.standard],
          };
        },
        outcome: editors,
      },
      {
        name: 'indicatorUpdate of the breakdowns in a draft',
        mutation: m('indicatorUpdate', 'indicator { id breakdowns { dimensionCodes } }'),
        prepare: async () => ({
          id: (await draftVersion()).indicatorId,
          breakdowns: [['sex'], ['sex', 'age']],
        }),
        outcome: editors,
      },
      {
        name: 'indicatorUpdate in the used version',
        mutation: m('indicatorUpdate', 'indicator { id }'),
        prepare: async () => ({ id: await usedIndicator(), title: en('Changed') }),
        outcome: frozen,
      },
      {
        name: 'indicatorUpdate in a draft',
        mutation: m('indicatorUpdate', 'indicator { id }'),
        prepare: async () => ({
          id: (await draftVersion()).indicatorId,
          title: en('A national plan exists'),
        }),
        outcome: editors,
      },
      {
        name: 'indicatorDelete in a draft',
        mutation: m('indicatorDelete', 'deletedIndicatorId'),
        prepare: async () => ({ id: (await draftVersion()).indicatorId }),
        outcome: editors,
      },
      {
        name: 'breakdownDimensionCreate for the framework',
        mutation: m('breakdownDimensionCreate', 'dimension { id }'),
        prepare: async () => ({
          frameworkId: ids.framework,
          code: `region_${counter++}`,
          exhaustive: false,
          title: en('Region'),
          description: en('Where the person was identified.'),
          categories: [{ code: 'north', title: en('North') }],
        }),
        outcome: editors,
      },
      {
        name: 'breakdownDimensionCreate with a standard dimension’s code',
        mutation: m('breakdownDimensionCreate', 'dimension { id }'),
        prepare: async () => ({
          frameworkId: ids.framework,
          code: 'sex',
          exhaustive: true,
          title: en('Sex'),
          description: en('Sex'),
          categories: [{ code: 'female', title: en('Female') }],
        }),
        outcome: (a) => (editors(a) ? 'DUPLICATE' : undefined),
      },
      {
        name: 'standardCreate',
        mutation: m('standardCreate', 'standard { id }'),
        prepare: async () => ({
          instrument: 'NATIONAL_ACTION_PLAN',
          reference: `Measure 9.${counter++}`,
          countryCode: 'RS',
          title: en('Measure'),
          summary: en('Measure'),
        }),
        outcome: editors,
      },
      {
        name: 'standardUpdate',
        mutation: m('standardUpdate', 'standard { id }'),
        prepare: async () => ({ id: ids.standard, summary: en(`Summary ${counter++}`) }),
        outcome: editors,
      },
      {
        name: 'translationSet in a draft',
        mutation: m('translationSet', 'translations { locale }'),
        prepare: async () => ({
          entity: 'INDICATOR',
          id: (await draftVersion()).indicatorId,
          field: 'TITLE',
          locale: 'SQ',
          text: 'Ekziston një plan',
        }),
        outcome: editors,
      },
      {
        name: 'translationSet in the used version',
        mutation: m('translationSet', 'translations { locale }'),
        prepare: async () => ({
          entity: 'INDICATOR',
          id: await usedIndicator(),
          field: 'TITLE',
          locale: 'BS',
          text: 'Promijenjeno',
        }),
        outcome: frozen,
      },
    ];
  }

  const table = cases.flatMap((c) => ACTORS.map((actor) => [c.name, actor.name, c, actor] as const));

  it('has a case for every mutation of the schema', () => {
    const mutations = Object.keys(buildTypeSchema().getMutationType()!.getFields()).sort();
    const covered = new Set(
      cases.flatMap((c) =>
        parse(c.mutation)
          .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
          .flatMap((d) =>
            d.selectionSet.selections.flatMap((f) => (f.kind === Kind.FIELD ? [f.name.value] : [])),
          ),
      ),
    );
    expect(mutations.filter((name) => !covered.has(name))).toEqual([]);
  });

  it('fingerprints every table of the database schema', async () => {
    const rows: Array<{ table_name: string }> = await sql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const tables = rows.map((r) => r.table_name).sort();
    expect(tables).toEqual(expect.arrayContaining(['assessment', 'edition', 'webhook_subscription']));
    expect(Object.keys(await databaseFingerprint(db.dataSource)).sort()).toEqual(tables);
    expect([...(await fingerprintedTables(db.dataSource))].sort()).toEqual(tables);
  });

  it.each(table)('%s as %s', async (_caseName, _actorName, c, actor) => {
    const input = await c.prepare(actor);
    const before = await databaseFingerprint(db.dataSource);
    const res = await api.query(c.mutation, { input }, headers[actor.name]);
    const expected =
      c.outcome(actor) ??
      (actor.role === 'anonymous' ? 'UNAUTHENTICATED' : c.hiddenFrom?.(actor) ? 'NOT_FOUND' : 'FORBIDDEN');
    const payload = res.data
      ? (Object.values(res.data)[0] as { userErrors: Array<{ code: string }> } | null)
      : null;
    const got = res.errors?.length
      ? String(res.errors[0].extensions?.code)
      : payload?.userErrors.length
        ? payload.userErrors[0].code
        : 'OK';
    try {
      expect(got).toBe(expected);
      const after = await databaseFingerprint(db.dataSource);
      if (expected === 'OK' && c.writes !== false) expect(after).not.toEqual(before);
      else expect(after).toEqual(before);
    } finally {
      await c.cleanup?.(actor);
    }
  });
});
