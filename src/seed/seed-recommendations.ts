import type { EntityManager } from 'typeorm';
import { insertMany } from './bulk';
import {
  COUNTRY_NAME,
  RECOMMENDATION_COUNTRIES,
  SHARED_SOURCES,
  sourcesFor,
  THEME_SOURCES,
  THEMES,
} from './data/recommendations';
import { partnerEditorEmail } from './data/tenants';

const IMPLEMENTATION = ['NOT_STARTED', 'IN_PROGRESS', 'PARTIALLY_IMPLEMENTED', 'IMPLEMENTED'] as const;
const WORKFLOW_2025 = ['DRAFT', 'SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED', 'APPROVED', 'DRAFT'] as const;

const NARRATIVE: Record<string, string> = {
  NOT_STARTED: 'no step towards it could be found',
  IN_PROGRESS: 'a working group has a draft, nothing is in force yet',
  PARTIALLY_IMPLEMENTED: 'part of what was asked is in force, practice lags behind',
  IMPLEMENTED: 'what was asked is in force and applied',
  NO_LONGER_RELEVANT: 'a later reform overtook it',
};

/** The implementation status of theme `t` of country `c` in 2024 and 2025 (null: no follow-up that cycle). */
export function demoStatuses(t: number, c: number): { y2024: string | null; y2025: string | null } {
  const rank = (t * 7 + c * 3) % 4;
  const y2024 =
    (t + c) % 4 === 3 ? null : t === 11 && c % 2 === 0 ? 'NO_LONGER_RELEVANT' : IMPLEMENTATION[rank];
  if ((t + 2 * c) % 5 === 4) return { y2024, y2025: null };
  if (y2024 === 'NO_LONGER_RELEVANT') return { y2024, y2025: y2024 };
  const next = (t * c) % 7 === 5 ? Math.max(0, rank - 1) : (t + c) % 3 === 1 ? Math.min(3, rank + 1) : rank;
  return { y2024, y2025: IMPLEMENTATION[next] };
}

/**
 * The demo register (illustrative, see data/recommendations.ts): for each country three sources of its own and
 * the shared one, a dozen recommendations linked to standards and indicators, and follow-ups across the two demo
 * cycles, published in 2024 and at every step of the review in 2025, citing the country's own evidence. Added
 * once: a database that has sources already keeps them.
 */
export async function seedRecommendations(m: EntityManager, userIds: Map<string, string>): Promise<number> {
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM recommendation_source`);
  if (n > 0) return 0;
  const sources = [...SHARED_SOURCES, ...RECOMMENDATION_COUNTRIES.flatMap(sourcesFor)];
  const sourceRows: Array<{ id: string }> = await insertMany(
    m,
    'recommendation_source',
    { body: 'text', country_code: 'char(2)', title: 'jsonb', year: 'integer' },
    sources.map((s) => ({ body: s.body, country_code: s.countryCode, title: s.title, year: s.year })),
    'RETURNING id',
  );
  const sourceIds = new Map(sources.map((s, i) => [s.key, sourceRows[i].id]));
  const cycles = new Map<string, string>(
    (await m.query(`SELECT id, code FROM monitoring_cycle`)).map((r: { id: string; code: string }) => [
      r.code,
      r.id,
    ]),
  );

  const recommendations: Array<Record<string, unknown>> = [];
  const followUps: Array<Record<string, unknown>> = [];
  RECOMMENDATION_COUNTRIES.forEach((country, c) => {
    const editor = userIds.get(partnerEditorEmail(country)) ?? null;
    THEMES.forEach((theme, t) => {
      const { body, strength } = THEME_SOURCES[t];
      const sourceKey =
        body === 'TIP'
          ? 'tip-2024'
          : `${body === 'NATIONAL_ACTION_PLAN' ? 'nap' : body.toLowerCase()}-${country.toLowerCase()}`;
      const reference =
        body === 'NATIONAL_ACTION_PLAN' ? `Measure ${t - 7}.${c + 1}` : `para. ${10 + t * 6 + c}`;
      recommendations.push({
        key: `${country}:${theme.key}`,
        country_code: country,
        source_id: sourceIds.get(sourceKey),
        source_body: body,
        reference,
        strength,
        text: { en: theme.text(COUNTRY_NAME[country]) },
        created_by: editor,
        updated_by: editor,
      });
      const statuses = demoStatuses(t, c);
      for (const [code, status, workflow] of [
        ['2024', statuses.y2024, 'PUBLISHED'],
        ['2025', statuses.y2025, WORKFLOW_2025[(t + c) % WORKFLOW_2025.length]],
      ] as const) {
        if (!status) continue;
        followUps.push({
          key: `${country}:${theme.key}`,
          cycle_id: cycles.get(code),
          country_code: country,
          implementation_status: status,
          narrative: { en: `Illustrative demo follow-up: ${NARRATIVE[status]}.` },
          status: workflow,
          review_note:
            workflow === 'CHANGES_REQUESTED' ? 'Please name the by-law and its date (demo note).' : null,
          created_by: editor,
          updated_by: editor,
        });
      }
    });
  });
  const inserted: Array<{ id: string }> = await insertMany(
    m,
    'recommendation',
    {
      country_code: 'char(2)',
      source_id: 'uuid',
      source_body: 'text',
      reference: 'text',
      strength: 'text',
      text: 'jsonb',
      created_by: 'uuid',
      updated_by: 'uuid',
    },
    recommendations,
    'RETURNING id',
  );
  const recommendationIds = new Map(recommendations.map((r, i) => [String(r.key), inserted[i].id]));
  await m.query(
    `INSERT INTO recommendation_standard (recommendation_id, country_code, standard_id)
     SELECT l.recommendation_id, l.country_code, s.id FROM jsonb_to_recordset($1::jsonb)
       AS l(recommendation_id uuid, country_code char(2), article text)
     JOIN standard s ON s.instrument = 'COE_CONVENTION' AND s.reference = 'Art. ' || l.article`,
    [
      JSON.stringify(
        recommendations.flatMap((r, i) =>
          THEMES[i % THEMES.length].standards.map((key) => ({
            recommendation_id: recommendationIds.get(String(r.key)),
            country_code: r.country_code,
            article: key.replace('coe-', ''),
          })),
        ),
      ),
    ],
  );
  await m.query(
    `INSERT INTO recommendation_indicator (recommendation_id, country_code, indicator_id)
     SELECT l.recommendation_id, l.country_code, i.id FROM jsonb_to_recordset($1::jsonb)
       AS l(recommendation_id uuid, country_code char(2), code text)
     JOIN indicator i ON i.code = l.code`,
    [
      JSON.stringify(
        recommendations.flatMap((r, i) =>
          THEMES[i % THEMES.length].indicators.map((code) => ({
            recommendation_id: recommendationIds.get(String(r.key)),
            country_code: r.country_code,
            code,
          })),
        ),
      ),
    ],
  );
  const followUpRows: Array<{ id: string }> = await insertMany(
    m,
    'recommendation_follow_up',
    {
      recommendation_id: 'uuid',
      cycle_id: 'uuid',
      country_code: 'char(2)',
      implementation_status: 'text',
      narrative: 'jsonb',
      status: 'text',
      review_note: 'text',
      created_by: 'uuid',
      updated_by: 'uuid',
    },
    followUps.map((f) => ({ ...f, recommendation_id: recommendationIds.get(String(f.key)) })),
    'RETURNING id',
  );
  // Each follow-up cites the first evidence filed with its country's assessment of a linked indicator that cycle.
  await m.query(
    `INSERT INTO follow_up_evidence (follow_up_id, evidence_id, country_code)
     SELECT f.id, e.id, f.country_code FROM recommendation_follow_up f
     CROSS JOIN LATERAL (SELECT e.id FROM recommendation_indicator ri
       JOIN assessment a ON a.indicator_id = ri.indicator_id AND a.country_code = f.country_code AND a.cycle_id = f.cycle_id
       JOIN evidence e ON e.assessment_id = a.id
       WHERE ri.recommendation_id = f.recommendation_id ORDER BY e.created_at, e.id LIMIT 1) e
     WHERE f.id = ANY($1)`,
    [followUpRows.map((r) => r.id)],
  );
  return recommendations.length;
}
