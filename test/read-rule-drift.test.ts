import type { DataSource } from 'typeorm';
import type { Viewer } from '../src/modules/auth/viewer';
import { AssessmentStatus } from '../src/modules/assessment/assessment.enums';
import { assessmentPolicy, assessmentVisibilitySql } from '../src/modules/assessment/assessment.policy';
import { CycleStatus } from '../src/modules/cycle/cycle.enums';
import { Confidentiality } from '../src/modules/evidence/evidence.enums';
import { evidencePolicy, evidenceVisibilitySql } from '../src/modules/evidence/evidence.policy';
import { OrganisationKind } from '../src/modules/organisation/organisation.enums';
import { commentPolicy, commentReadSql } from '../src/modules/review-comment/review-comment.policy';
import {
  followUpVisibilitySql,
  recommendationVisibilitySql,
} from '../src/modules/recommendation/recommendation.policy';
import { can } from '../src/modules/authz/authz';
import { Capability } from '../src/modules/authz/capabilities';
import { Role } from '../src/modules/user/user.enums';
import { signInAsProof, storeRowSecurityKey } from '../src/db/row-security-key';
import { appDataSourceFor } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { TEST_JWT_SECRET } from './support/server';

/**
 * The read rules are said three times: as the policies' decisions on a loaded row (TypeScript), as the SQL filters
 * the services build from the same grants, and as the row-level security policies of the database. For every kind
 * of caller (anonymous, each role as a user and as an API key, an integrator's key) and every state of a row
 * (each cycle status × each assessment status × own or other country × each confidentiality, with a comment on
 * each assessment), the three must pick exactly the same rows. The database policies are judged by what they
 * return under each caller's sealed settings, not by their text.
 */

/** Reference data every caller reads (the API's rules: public reads), under row-level security for writes. */
const PUBLIC_TABLES = [
  'breakdown_category',
  'breakdown_dimension',
  'indicator_breakdown',
  'locale_fallback',
  'recommendation_source',
];

const OWN = 'AL';
const OTHER = 'RS';

interface Actor {
  name: string;
  viewer: Viewer;
  settings: [principal: string, role: string, countries: string];
}

const ID = '00000000-0000-0000-0000-000000000000';
const ROLES = Object.values(Role);

// Every role is given a country, whether it works on countries or not: a role that does not must read nothing
// more for having one.
const ACTORS: Actor[] = [
  { name: 'anonymous', viewer: { kind: 'anonymous' }, settings: ['', '', '{}'] },
  {
    name: "an integrator's key",
    viewer: {
      kind: 'apiKey',
      apiKeyId: ID,
      organisationId: ID,
      organisationKind: OrganisationKind.INTEGRATOR,
      role: null,
      countries: [],
    },
    settings: ['apiKey', '', '{}'],
  },
  ...ROLES.map((role) => ({
    name: `a ${role} user of ${OWN}`,
    viewer: {
      kind: 'user' as const,
      userId: ID,
      organisationId: ID,
      organisationKind: OrganisationKind.PARTNER,
      role,
      countries: [OWN],
    },
    settings: ['user', role, `{${OWN}}`] as Actor['settings'],
  })),
  ...ROLES.map((role) => ({
    name: `a ${role} key of ${OWN}`,
    viewer: {
      kind: 'apiKey' as const,
      apiKeyId: ID,
      organisationId: ID,
      organisationKind: OrganisationKind.PARTNER,
      role,
      countries: [OWN],
    },
    settings: ['apiKey', role, `{${OWN}}`] as Actor['settings'],
  })),
];

interface AssessmentCase {
  id: string;
  country: string;
  status: AssessmentStatus;
  cycleStatus: CycleStatus;
}
interface EvidenceCase extends AssessmentCase {
  assessmentId: string;
  confidentiality: Confidentiality;
}

describe('read rules: policies, service SQL and row-level security agree', () => {
  let db: TestDatabase;
  let app: DataSource;
  const assessments: AssessmentCase[] = [];
  const evidence: EvidenceCase[] = [];
  const comments: AssessmentCase[] = [];
  // A follow-up in every state (its own status, country and cycle), each of its own recommendation; and one
  // recommendation per country without any follow-up.
  const followUps: Array<AssessmentCase & { recommendationId: string }> = [];
  const recommendations: Array<{ id: string; country: string; followUp?: AssessmentCase }> = [];
  // Evidence cited by a follow-up: keyed `<follow-up id>:<evidence id>`.
  const citations: Array<{ id: string; followUp: AssessmentCase; evidence: EvidenceCase }> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await storeRowSecurityKey(db.dataSource, TEST_JWT_SECRET);
    app = await appDataSourceFor(db.url, 2);
    const owner = db.dataSource;
    const [author] = await owner.query(`SELECT id FROM app_user ORDER BY email LIMIT 1`);
    const [source] = await owner.query(
      `INSERT INTO recommendation_source (body, title, year) VALUES ('OTHER', '{"en":"Drift check"}', 2030)
       RETURNING id`,
    );
    const addRecommendation = async (country: string, reference: string): Promise<string> => {
      const [r] = await owner.query(
        `INSERT INTO recommendation (country_code, source_id, source_body, reference, text)
         VALUES ($1, $2, 'OTHER', $3, '{"en":"Drift check"}') RETURNING id`,
        [country, source.id, reference],
      );
      return r.id as string;
    };
    for (const country of [OWN, OTHER]) {
      recommendations.push({ id: await addRecommendation(country, `drift-${country}`), country });
    }
    // One cycle of each status, on the framework version of the open cycle, with assessments of their own.
    for (const cycleStatus of Object.values(CycleStatus)) {
      const [cycle] = await owner.query(
        `INSERT INTO monitoring_cycle (code, year, title, framework_version_id, status, published_at)
         SELECT $1, 2030, '{"en":"Drift check"}', framework_version_id, $2,
           CASE WHEN $2 = 'PUBLISHED' THEN now() END
         FROM monitoring_cycle WHERE status = 'OPEN' ORDER BY code LIMIT 1 RETURNING id, framework_version_id`,
        [`DRIFT-${cycleStatus}`, cycleStatus],
      );
      const indicators: Array<{ id: string }> = await owner.query(
        `SELECT id FROM indicator WHERE framework_version_id = $1 ORDER BY code LIMIT $2`,
        [cycle.framework_version_id, Object.values(AssessmentStatus).length],
      );
      for (const country of [OWN, OTHER]) {
        for (const [i, status] of Object.values(AssessmentStatus).entries()) {
          const [a] = await owner.query(
            `INSERT INTO assessment (country_code, cycle_id, indicator_id, status) VALUES ($1, $2, $3, $4) RETURNING id`,
            [country, cycle.id, indicators[i].id, status],
          );
          const row = { id: a.id as string, country, status, cycleStatus };
          assessments.push(row);
          for (const confidentiality of Object.values(Confidentiality)) {
            const [e] = await owner.query(
              `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
               VALUES ($1, $2, 'REPORT', 'Drift case', 'en', 'LOW', $3) RETURNING id`,
              [a.id, country, confidentiality],
            );
            evidence.push({ ...row, id: e.id, assessmentId: a.id, confidentiality });
          }
          const [c] = await owner.query(
            `INSERT INTO review_comment (assessment_id, country_code, author_id, body)
             VALUES ($1, $2, $3, 'Drift case') RETURNING id`,
            [a.id, country, author.id],
          );
          comments.push({ ...row, id: c.id });
          const recommendationId = await addRecommendation(country, `drift-${cycleStatus}-${status}`);
          const [f] = await owner.query(
            `INSERT INTO recommendation_follow_up (recommendation_id, country_code, cycle_id, implementation_status, status)
             VALUES ($1, $2, $3, 'IN_PROGRESS', $4) RETURNING id`,
            [recommendationId, country, cycle.id, status],
          );
          const followUp = { ...row, id: f.id as string, recommendationId };
          followUps.push(followUp);
          recommendations.push({ id: recommendationId, country, followUp });
        }
      }
    }
    // A breakdown cell on every assessment; a standard and an indicator linked to every recommendation; every
    // follow-up citing the evidence of its twin assessment, in each confidentiality.
    await owner.query(
      `INSERT INTO assessment_breakdown (assessment_id, country_code, dimension_codes, category_codes, value)
       SELECT id, country_code, '{sex}', '{female}', 1 FROM assessment WHERE id = ANY($1::uuid[])`,
      [assessments.map((a) => a.id)],
    );
    for (const [table, column, target] of [
      ['recommendation_standard', 'standard_id', 'standard'],
      ['recommendation_indicator', 'indicator_id', 'indicator'],
    ]) {
      await owner.query(
        `INSERT INTO ${table} (recommendation_id, country_code, ${column})
         SELECT r.id, r.country_code, (SELECT id FROM ${target} ORDER BY id LIMIT 1)
         FROM recommendation r WHERE r.id = ANY($1::uuid[])`,
        [recommendations.map((r) => r.id)],
      );
    }
    for (const [i, followUp] of followUps.entries()) {
      for (const e of evidence.filter((x) => x.assessmentId === assessments[i].id)) {
        await owner.query(
          `INSERT INTO follow_up_evidence (follow_up_id, evidence_id, country_code) VALUES ($1, $2, $3)`,
          [followUp.id, e.id, followUp.country],
        );
        citations.push({ id: `${followUp.id}:${e.id}`, followUp, evidence: e });
      }
    }
  });
  afterAll(async () => {
    await app.destroy();
    await db.drop();
  });

  /** The ids of `table` among `ids` that the database lets the actor read. */
  async function underRowSecurity(actor: Actor, table: string, ids: string[]): Promise<string[]> {
    return app.transaction(async (m) => {
      const [principal, role, countries] = actor.settings;
      await m.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
        principal,
        role,
        countries,
        signInAsProof(TEST_JWT_SECRET, principal, role, countries),
      ]);
      const rows: Array<{ id: string }> = await m.query(
        `SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return rows.map((r) => r.id).sort();
    });
  }

  /** The keys a statement (selecting `key`) answers when the actor runs it under row-level security. */
  async function keysUnderRowSecurity(actor: Actor, statement: string, params: unknown[]): Promise<string[]> {
    return app.transaction(async (m) => {
      const [principal, role, countries] = actor.settings;
      await m.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
        principal,
        role,
        countries,
        signInAsProof(TEST_JWT_SECRET, principal, role, countries),
      ]);
      const rows: Array<{ key: string }> = await m.query(statement, params);
      return rows.map((r) => r.key).sort();
    });
  }

  /** The keys a statement (selecting `key`) answers as the owner, with a service's SQL filter in it. */
  async function keysUnderServiceSql(
    statement: (params: unknown[]) => string,
    first: unknown,
  ): Promise<string[]> {
    const params: unknown[] = [first];
    const rows: Array<{ key: string }> = await db.dataSource.query(statement(params), params);
    return rows.map((r) => r.key).sort();
  }

  /** The ids among `ids` that a service's SQL filter keeps, run as the owner (no row-level security). */
  async function underServiceSql(statement: (params: unknown[]) => string, ids: string[]): Promise<string[]> {
    const params: unknown[] = [ids];
    const rows: Array<{ id: string }> = await db.dataSource.query(statement(params), params);
    return rows.map((r) => r.id).sort();
  }

  const idsOf = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
  const assessmentOf = (r: AssessmentCase) => ({ countryCode: r.country, status: r.status });

  /** Names the rows on which the three disagree, so that a failure says which state drifted. */
  function disagreements<T extends { id: string }>(
    rows: T[],
    describe: (row: T) => string,
    byPolicy: string[],
    bySql: string[],
    byDatabase: string[],
  ): string[] {
    const policy = new Set(byPolicy);
    const sql = new Set(bySql);
    const database = new Set(byDatabase);
    return rows
      .filter((r) => policy.has(r.id) !== sql.has(r.id) || policy.has(r.id) !== database.has(r.id))
      .map(
        (r) =>
          `${describe(r)}: policy ${policy.has(r.id)}, service SQL ${sql.has(r.id)}, database ${database.has(r.id)}`,
      );
  }

  const describeAssessment = (r: AssessmentCase) =>
    `${r.country === OWN ? 'own' : 'other'} ${r.status} assessment in a ${r.cycleStatus} cycle`;

  describe.each(ACTORS.map((actor) => [actor.name, actor] as const))('for %s', (_name, actor) => {
    it('assessments', async () => {
      const ids = idsOf(assessments);
      const byPolicy = idsOf(
        assessments.filter(
          (r) => assessmentPolicy(actor.viewer, 'read', assessmentOf(r), r.cycleStatus).allowed,
        ),
      );
      const bySql = await underServiceSql(
        (params) =>
          `SELECT a.id FROM assessment a WHERE a.id = ANY($1::uuid[]) AND ${assessmentVisibilitySql(actor.viewer, 'a', params)}`,
        ids,
      );
      const byDatabase = await underRowSecurity(actor, 'assessment', ids);
      expect(disagreements(assessments, describeAssessment, byPolicy, bySql, byDatabase)).toEqual([]);
    });

    it('evidence', async () => {
      const ids = idsOf(evidence);
      const byPolicy = idsOf(
        evidence.filter(
          (r) =>
            evidencePolicy(
              actor.viewer,
              'read',
              { countryCode: r.country, confidentiality: r.confidentiality },
              assessmentOf(r),
              r.cycleStatus,
            ).allowed,
        ),
      );
      const bySql = await underServiceSql(
        (params) =>
          `SELECT e.id FROM evidence e JOIN assessment a ON a.id = e.assessment_id
           WHERE e.id = ANY($1::uuid[]) AND ${evidenceVisibilitySql(actor.viewer, 'e', params)}
             AND ${assessmentVisibilitySql(actor.viewer, 'a', params)}`,
        ids,
      );
      const byDatabase = await underRowSecurity(actor, 'evidence', ids);
      const describe = (r: EvidenceCase) => `${r.confidentiality} evidence of an ${describeAssessment(r)}`;
      expect(disagreements(evidence, describe, byPolicy, bySql, byDatabase)).toEqual([]);
    });

    it('review comments', async () => {
      const ids = idsOf(comments);
      const byPolicy = idsOf(
        comments.filter((r) => commentPolicy(actor.viewer, 'read', assessmentOf(r), r.cycleStatus).allowed),
      );
      const bySql = await underServiceSql(
        (params) =>
          `SELECT c.id FROM review_comment c JOIN assessment a ON a.id = c.assessment_id
           WHERE c.id = ANY($1::uuid[]) AND ${commentReadSql(actor.viewer, 'c', 'a', params)}`,
        ids,
      );
      const byDatabase = await underRowSecurity(actor, 'review_comment', ids);
      const describe = (r: AssessmentCase) => `a comment on an ${describeAssessment(r)}`;
      expect(disagreements(comments, describe, byPolicy, bySql, byDatabase)).toEqual([]);
    });

    it('recommendation follow-ups', async () => {
      const ids = idsOf(followUps);
      // A follow-up is read as an assessment in its state.
      const byPolicy = idsOf(
        followUps.filter(
          (r) => assessmentPolicy(actor.viewer, 'read', assessmentOf(r), r.cycleStatus).allowed,
        ),
      );
      const bySql = await underServiceSql(
        (params) =>
          `SELECT f.id FROM recommendation_follow_up f
           WHERE f.id = ANY($1::uuid[]) AND ${followUpVisibilitySql(actor.viewer, 'f', params)}`,
        ids,
      );
      const byDatabase = await underRowSecurity(actor, 'recommendation_follow_up', ids);
      const describe = (r: AssessmentCase) => `a follow-up like an ${describeAssessment(r)}`;
      expect(disagreements(followUps, describe, byPolicy, bySql, byDatabase)).toEqual([]);
    });

    it('recommendations', async () => {
      const ids = idsOf(recommendations);
      // Read where the register of its country is, or where one of its approved or published follow-ups is.
      const byPolicy = idsOf(
        recommendations.filter(
          (r) =>
            can(actor.viewer, Capability.RECOMMENDATION_READ, { countryCode: r.country }) ||
            (r.followUp !== undefined &&
              [AssessmentStatus.APPROVED, AssessmentStatus.PUBLISHED].includes(r.followUp.status) &&
              assessmentPolicy(actor.viewer, 'read', assessmentOf(r.followUp), r.followUp.cycleStatus)
                .allowed),
        ),
      );
      const bySql = await underServiceSql(
        (params) =>
          `SELECT t.id FROM recommendation t
           WHERE t.id = ANY($1::uuid[]) AND ${recommendationVisibilitySql(actor.viewer, 't', params)}`,
        ids,
      );
      const byDatabase = await underRowSecurity(actor, 'recommendation', ids);
      const describe = (r: (typeof recommendations)[number]) =>
        r.followUp
          ? `a recommendation followed up like an ${describeAssessment(r.followUp)}`
          : `a ${r.country === OWN ? 'own' : 'other'} recommendation without follow-up`;
      expect(disagreements(recommendations, describe, byPolicy, bySql, byDatabase)).toEqual([]);
    });

    it('breakdown cells, which follow their assessment', async () => {
      const ids = idsOf(assessments);
      const byPolicy = idsOf(
        assessments.filter(
          (r) => assessmentPolicy(actor.viewer, 'read', assessmentOf(r), r.cycleStatus).allowed,
        ),
      );
      const bySql = await keysUnderServiceSql(
        (params) =>
          `SELECT b.assessment_id AS key FROM assessment_breakdown b JOIN assessment a ON a.id = b.assessment_id
           WHERE b.assessment_id = ANY($1::uuid[]) AND ${assessmentVisibilitySql(actor.viewer, 'a', params)}`,
        ids,
      );
      const byDatabase = await keysUnderRowSecurity(
        actor,
        `SELECT assessment_id AS key FROM assessment_breakdown WHERE assessment_id = ANY($1::uuid[])`,
        [ids],
      );
      const describe = (r: AssessmentCase) => `a breakdown cell of an ${describeAssessment(r)}`;
      expect(disagreements(assessments, describe, byPolicy, bySql, byDatabase)).toEqual([]);
    });

    it.each(['recommendation_standard', 'recommendation_indicator'])(
      '%s, which follows its recommendation',
      async (table) => {
        const ids = idsOf(recommendations);
        const bySql = await keysUnderServiceSql(
          (params) =>
            `SELECT l.recommendation_id AS key FROM ${table} l JOIN recommendation t ON t.id = l.recommendation_id
             WHERE l.recommendation_id = ANY($1::uuid[]) AND ${recommendationVisibilitySql(actor.viewer, 't', params)}`,
          ids,
        );
        const byRecommendation = await underRowSecurity(actor, 'recommendation', ids);
        const byDatabase = await keysUnderRowSecurity(
          actor,
          `SELECT recommendation_id AS key FROM ${table} WHERE recommendation_id = ANY($1::uuid[])`,
          [ids],
        );
        expect(bySql).toEqual(byRecommendation);
        expect(byDatabase).toEqual(byRecommendation);
      },
    );

    it('evidence cited by follow-ups, read where both the follow-up and the evidence are', async () => {
      const byPolicy = citations
        .filter(
          (c) =>
            assessmentPolicy(actor.viewer, 'read', assessmentOf(c.followUp), c.followUp.cycleStatus)
              .allowed &&
            evidencePolicy(
              actor.viewer,
              'read',
              { countryCode: c.evidence.country, confidentiality: c.evidence.confidentiality },
              assessmentOf(c.evidence),
              c.evidence.cycleStatus,
            ).allowed,
        )
        .map((c) => c.id)
        .sort();
      const followUpIds = idsOf(followUps);
      const bySql = await keysUnderServiceSql(
        (params) =>
          `SELECT fe.follow_up_id || ':' || fe.evidence_id AS key FROM follow_up_evidence fe
           JOIN recommendation_follow_up f ON f.id = fe.follow_up_id
           JOIN evidence e ON e.id = fe.evidence_id JOIN assessment a ON a.id = e.assessment_id
           WHERE fe.follow_up_id = ANY($1::uuid[]) AND ${followUpVisibilitySql(actor.viewer, 'f', params)}
             AND ${evidenceVisibilitySql(actor.viewer, 'e', params)} AND ${assessmentVisibilitySql(actor.viewer, 'a', params)}`,
        followUpIds,
      );
      const byDatabase = await keysUnderRowSecurity(
        actor,
        `SELECT follow_up_id || ':' || evidence_id AS key FROM follow_up_evidence
         WHERE follow_up_id = ANY($1::uuid[])`,
        [followUpIds],
      );
      const describe = (c: (typeof citations)[number]) =>
        `${c.evidence.confidentiality} evidence cited by a follow-up like an ${describeAssessment(c.followUp)}`;
      expect(disagreements(citations, describe, byPolicy, bySql, byDatabase)).toEqual([]);
    });

    it.each(PUBLIC_TABLES)('%s, which everyone reads', async (table) => {
      const all = await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      const seen = await keysUnderRowSecurity(actor, `SELECT count(*)::text AS key FROM ${table}`, []);
      expect(all[0].n).toBeGreaterThan(0);
      expect(seen).toEqual([String(all[0].n)]);
    });
  });

  it('covers every table under row-level security', async () => {
    const rows: Array<{ relname: string }> = await db.dataSource.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relrowsecurity ORDER BY c.relname`,
    );
    // A table added under row-level security needs its rows, its policy's decision and its SQL filter above.
    expect(rows.map((r) => r.relname)).toEqual(
      [
        'assessment',
        'assessment_breakdown',
        'evidence',
        'follow_up_evidence',
        'recommendation',
        'recommendation_follow_up',
        'recommendation_indicator',
        'recommendation_standard',
        'review_comment',
        ...PUBLIC_TABLES,
      ].sort(),
    );
  });

  it('covers every state, so that the comparisons above mean something', () => {
    const states = new Set(assessments.map((r) => `${r.country}/${r.status}/${r.cycleStatus}`));
    expect(states.size).toBe(2 * Object.values(AssessmentStatus).length * Object.values(CycleStatus).length);
    expect(evidence).toHaveLength(assessments.length * Object.values(Confidentiality).length);
    expect(comments).toHaveLength(assessments.length);
    expect(followUps).toHaveLength(assessments.length);
    expect(recommendations).toHaveLength(assessments.length + 2);
    expect(new Set(ACTORS.map((a) => a.settings[1]))).toEqual(new Set(['', ...ROLES]));
  });

  it('hides from the reviewer, in plain SQL, the notes a partner writes on its own drafts', async () => {
    const reviewer = ACTORS.find((a) => a.settings[0] === 'user' && a.settings[1] === Role.REVIEWER)!;
    const visible = new Set(await underRowSecurity(reviewer, 'review_comment', idsOf(comments)));
    const seen = (status: AssessmentStatus) =>
      comments.filter((c) => c.status === status).map((c) => visible.has(c.id));
    expect(new Set(seen(AssessmentStatus.DRAFT))).toEqual(new Set([false]));
    expect(new Set(seen(AssessmentStatus.SUBMITTED))).toEqual(new Set([true]));
    expect(new Set(seen(AssessmentStatus.CHANGES_REQUESTED))).toEqual(new Set([true]));
  });
});
