import type { DataSource } from 'typeorm';
import type { Viewer } from '../src/modules/auth/viewer';
import { assessmentVisibilitySql, canReadAssessment } from '../src/modules/assessment/assessment.policy';
import { AssessmentStatus } from '../src/modules/assessment/assessment.enums';
import { CycleStatus } from '../src/modules/cycle/cycle.enums';
import { Confidentiality } from '../src/modules/evidence/evidence.enums';
import { canReadEvidenceOf, evidenceVisibilitySql } from '../src/modules/evidence/evidence.policy';
import { OrganisationKind } from '../src/modules/organisation/organisation.enums';
import { Role } from '../src/modules/user/user.enums';
import { signInAsProof, storeRowSecurityKey } from '../src/db/row-security-key';
import { appDataSourceFor } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { TEST_JWT_SECRET } from './support/server';

/**
 * The database's read policy on evidence and the API's rules must agree on every row: for each kind of caller,
 * each state of the assessment (in an open and in a published cycle) and each confidentiality, plain SQL under
 * row-level security returns exactly the evidence that the API's rules let the caller read.
 */

interface Actor {
  name: string;
  viewer: Viewer;
  settings: [principal: string, role: string, countries: string];
}

const user = (role: Role, countries: string[]): Viewer => ({
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000000',
  organisationId: '00000000-0000-0000-0000-000000000000',
  organisationKind: OrganisationKind.PARTNER,
  role,
  countries,
});

const ACTORS: Actor[] = [
  { name: 'anonymous', viewer: { kind: 'anonymous' }, settings: ['', '', '{}'] },
  {
    name: 'integrator key',
    viewer: {
      kind: 'apiKey',
      apiKeyId: '00000000-0000-0000-0000-000000000000',
      organisationId: '00000000-0000-0000-0000-000000000000',
      organisationKind: OrganisationKind.INTEGRATOR,
      role: null,
      countries: [],
    },
    settings: ['apiKey', '', '{}'],
  },
  ...(['AL', 'RS'] as const).flatMap((country) =>
    [Role.COUNTRY_VIEWER, Role.COUNTRY_EDITOR, Role.COUNTRY_LEAD].map((role) => ({
      name: `${role} of ${country}`,
      viewer: user(role, [country]),
      settings: ['user', role, `{${country}}`] as Actor['settings'],
    })),
  ),
  {
    name: 'partner key of AL',
    viewer: {
      kind: 'apiKey',
      apiKeyId: '00000000-0000-0000-0000-000000000000',
      organisationId: '00000000-0000-0000-0000-000000000000',
      organisationKind: OrganisationKind.PARTNER,
      role: Role.COUNTRY_VIEWER,
      countries: ['AL'],
    },
    settings: ['apiKey', Role.COUNTRY_VIEWER, '{AL}'],
  },
  { name: 'reviewer', viewer: user(Role.REVIEWER, []), settings: ['user', Role.REVIEWER, '{}'] },
  { name: 'admin', viewer: user(Role.ADMIN, []), settings: ['user', Role.ADMIN, '{}'] },
];

interface Row {
  id: string;
  country: string;
  status: AssessmentStatus;
  cycleStatus: CycleStatus;
  confidentiality: Confidentiality;
}

describe('evidence visibility: the database policy and the API rules agree', () => {
  let db: TestDatabase;
  let app: DataSource;
  const rows: Row[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await storeRowSecurityKey(db.dataSource, TEST_JWT_SECRET);
    app = await appDataSourceFor(db.url, 2);
    const owner = db.dataSource;
    const [open] = await owner.query(
      `SELECT id FROM monitoring_cycle WHERE status = 'OPEN' ORDER BY code LIMIT 1`,
    );
    const [published] = await owner.query(
      `SELECT id FROM monitoring_cycle WHERE status = 'PUBLISHED' ORDER BY code LIMIT 1`,
    );
    for (const country of ['AL', 'RS']) {
      const targets: Array<[string, AssessmentStatus, CycleStatus]> = [
        ...Object.values(AssessmentStatus).map(
          (status) => [open.id, status, CycleStatus.OPEN] as [string, AssessmentStatus, CycleStatus],
        ),
        [published.id, AssessmentStatus.PUBLISHED, CycleStatus.PUBLISHED],
      ];
      const taken: string[] = [];
      for (const [cycleId, status, cycleStatus] of targets) {
        // Any assessment of the cycle will do: it is put in the state the case needs.
        const [assessment] = await owner.query(
          `SELECT id FROM assessment WHERE cycle_id = $1 AND country_code = $2 AND NOT (id = ANY($3::uuid[]))
           ORDER BY id LIMIT 1`,
          [cycleId, country, taken],
        );
        taken.push(assessment.id);
        await owner.query(`UPDATE assessment SET status = $2 WHERE id = $1`, [assessment.id, status]);
        for (const confidentiality of Object.values(Confidentiality)) {
          const [evidence] = await owner.query(
            `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
             VALUES ($1, $2, 'REPORT', 'Drift case', 'en', 'LOW', $3) RETURNING id`,
            [assessment.id, country, confidentiality],
          );
          rows.push({ id: evidence.id, country, status, cycleStatus, confidentiality });
        }
      }
    }
  });
  afterAll(async () => {
    await app.destroy();
    await db.drop();
  });

  const ids = () => rows.map((r) => r.id);

  async function underPolicy(actor: Actor): Promise<string[]> {
    return app.transaction(async (m) => {
      const [principal, role, countries] = actor.settings;
      await m.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
        principal,
        role,
        countries,
        signInAsProof(TEST_JWT_SECRET, principal, role, countries),
      ]);
      const found: Array<{ id: string }> = await m.query(
        `SELECT id FROM evidence WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [ids()],
      );
      return found.map((r) => r.id);
    });
  }

  async function underApiSql(actor: Actor): Promise<string[]> {
    const params: unknown[] = [ids()];
    const evidence = evidenceVisibilitySql(actor.viewer, 'e', params);
    const assessment = assessmentVisibilitySql(actor.viewer, 'a', params);
    const found: Array<{ id: string }> = await db.dataSource.query(
      `SELECT e.id FROM evidence e JOIN assessment a ON a.id = e.assessment_id
       WHERE e.id = ANY($1::uuid[]) AND ${evidence} AND ${assessment} ORDER BY e.id`,
      params,
    );
    return found.map((r) => r.id);
  }

  const describeRow = (r: Row) =>
    `${r.confidentiality} evidence of ${r.country} ${r.status} (${r.cycleStatus} cycle)`;

  it.each(ACTORS.map((actor) => [actor.name, actor] as const))(
    'shows the %s exactly the evidence the API rules allow',
    async (_name, actor) => {
      const allowed = rows.filter(
        (r) =>
          canReadAssessment(actor.viewer, { countryCode: r.country, status: r.status }, r.cycleStatus) &&
          canReadEvidenceOf(actor.viewer, { countryCode: r.country, confidentiality: r.confidentiality }),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const names = (list: string[]) => list.map((id) => describeRow(byId.get(id)!)).sort();
      const expected = names(allowed.map((r) => r.id));
      expect(names(await underPolicy(actor))).toEqual(expected);
      expect(names(await underApiSql(actor))).toEqual(expected);
    },
  );

  async function asCaller<T>(settings: Actor['settings'], run: (m: DataSource['manager']) => Promise<T>) {
    return app.transaction(async (m) => {
      await m.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
        ...settings,
        signInAsProof(TEST_JWT_SECRET, ...settings),
      ]);
      return run(m);
    });
  }

  it('decides on a row of evidence without reading its assessment', async () => {
    const [assessment] = await db.dataSource.query(`SELECT assessment_id AS id FROM evidence WHERE id = $1`, [
      rows[0].id,
    ]);
    const plan = await asCaller(['user', Role.COUNTRY_VIEWER, '{RS}'], async (m) => {
      const lines: Array<{ 'QUERY PLAN': string }> = await m.query(
        `EXPLAIN SELECT * FROM evidence e WHERE e.assessment_id = $1 ORDER BY e.created_at, e.id`,
        [assessment.id],
      );
      return lines.map((l) => l['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Scan (using evidence_\w+ )?on evidence/);
    expect(plan).not.toMatch(/on assessment/);
  });

  it('follows every change of the assessment, and what a writer puts in the copied state is replaced', async () => {
    const submitted = rows.find(
      (r) =>
        r.country === 'RS' &&
        r.status === AssessmentStatus.SUBMITTED &&
        r.confidentiality === Confidentiality.PUBLIC,
    )!;
    const draft = rows.find(
      (r) =>
        r.country === 'RS' &&
        r.status === AssessmentStatus.DRAFT &&
        r.confidentiality === Confidentiality.PUBLIC,
    )!;
    const assessmentOf = async (evidenceId: string): Promise<string> =>
      (await db.dataSource.query(`SELECT assessment_id AS id FROM evidence WHERE id = $1`, [evidenceId]))[0]
        .id;
    const albanianViewer: Actor['settings'] = ['user', Role.COUNTRY_VIEWER, '{AL}'];
    const seenByAlbania = async (evidenceId: string) =>
      (await asCaller(albanianViewer, (m) => m.query(`SELECT id FROM evidence WHERE id = $1`, [evidenceId])))
        .length === 1;
    const reviewer: Actor['settings'] = ['user', Role.REVIEWER, '{}'];
    const setStatus = (id: string, status: AssessmentStatus) =>
      asCaller(reviewer, (m) => m.query(`UPDATE assessment SET status = $2 WHERE id = $1`, [id, status]));

    // The reviewer approves under row-level security: another country's partner now reads the public evidence.
    const submittedId = await assessmentOf(submitted.id);
    expect(await seenByAlbania(submitted.id)).toBe(false);
    await setStatus(submittedId, AssessmentStatus.APPROVED);
    expect(await seenByAlbania(submitted.id)).toBe(true);
    await setStatus(submittedId, AssessmentStatus.CHANGES_REQUESTED);
    expect(await seenByAlbania(submitted.id)).toBe(false);
    await setStatus(submittedId, AssessmentStatus.SUBMITTED);

    // Serbia's editor may change its own evidence, but not the state it carries: the trigger copies it again.
    await asCaller(['user', Role.COUNTRY_EDITOR, '{RS}'], (m) =>
      m.query(`UPDATE evidence SET assessment_status = 'PUBLISHED', title = title WHERE id = $1`, [draft.id]),
    );
    expect(await seenByAlbania(draft.id)).toBe(false);

    const [drift] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence e JOIN assessment a ON a.id = e.assessment_id
       WHERE e.assessment_status IS DISTINCT FROM a.status OR e.assessment_cycle_id IS DISTINCT FROM a.cycle_id`,
    );
    expect(drift.n).toBe(0);
  });

  it('covers every state, cycle and confidentiality, so that the comparison above means something', () => {
    expect(new Set(rows.map((r) => `${r.status}/${r.cycleStatus}`)).size).toBe(
      Object.values(AssessmentStatus).length + 1,
    );
    expect(rows).toHaveLength(2 * (Object.values(AssessmentStatus).length + 1) * 3);
  });
});
