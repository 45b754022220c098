import type { EntityManager } from 'typeorm';
import { insertMany } from './bulk';
import { answerFor } from './data/answers';
import { breakdownCells, combinationsOf } from './data/answers-breakdowns';
import { indicators } from './data/framework';
import { countries, partnerEditorEmail } from './data/tenants';
import type { CountryCode, SeedIndicator } from './data/types';
import type { SeededFramework } from './seeded';

type Status = 'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'PUBLISHED';

const CYCLES = [
  {
    code: '2024',
    year: 2024,
    title: {
      en: 'Monitoring round 2024',
      'sr-Latn': 'Ciklus praćenja 2024',
      sq: 'Raundi i monitorimit 2024',
      mk: 'Круг на мониторинг 2024',
    },
    status: 'PUBLISHED',
    opens_on: '2025-02-01',
    closes_on: '2025-10-31',
    published_at: '2025-12-10T10:00:00Z',
  },
  {
    code: '2025',
    year: 2025,
    title: {
      en: 'Monitoring round 2025',
      'sr-Latn': 'Ciklus praćenja 2025',
      sq: 'Raundi i monitorimit 2025',
      mk: 'Круг на мониторинг 2025',
    },
    status: 'OPEN',
    opens_on: '2026-02-01',
    closes_on: '2026-12-15',
    published_at: null,
  },
];

/** How far each partner has got with the open 2025 round: the share of indicators it has started. */
const PROGRESS_2025: Record<CountryCode, number> = { AL: 0.85, BA: 0.6, ME: 0.5, MK: 0.75, RS: 0.7 };

function mix(...parts: Array<string | number>): number {
  let h = 2166136261;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) / 4294967296;
}

function status2025(country: CountryCode, indicator: SeedIndicator): Status | null {
  if (mix('progress', country, indicator.code) >= PROGRESS_2025[country]) return null;
  const r = mix('status', country, indicator.code);
  if (r < 0.35) return 'DRAFT';
  if (r < 0.6) return 'SUBMITTED';
  if (r < 0.75) return 'CHANGES_REQUESTED';
  return 'APPROVED';
}

const REVIEW_REQUESTS = [
  {
    field: 'EVIDENCE',
    body: 'Please add the source for the figures (e.g. the ministry’s annual statistics) so the score can be verified.',
  },
  {
    field: 'SCORE',
    body: 'The narrative describes gaps in practice; is a score of this level consistent with GRETA’s latest findings?',
  },
  {
    field: 'NARRATIVE',
    body: 'Please say which period the data cover and whether child victims are included.',
  },
  { field: null, body: 'Please align the assessment with the national action plan measure it refers to.' },
];

export async function seedAssessments(
  m: EntityManager,
  framework: SeededFramework,
  userIds: Map<string, string>,
): Promise<{ assessments: number; evidence: number; comments: number }> {
  await insertMany(
    m,
    'monitoring_cycle',
    {
      code: 'text',
      year: 'int',
      title: 'jsonb',
      framework_version_id: 'uuid',
      status: 'text',
      opens_on: 'date',
      closes_on: 'date',
      published_at: 'timestamptz',
    },
    CYCLES.map((c) => ({ ...c, framework_version_id: framework.versionId })),
    'ON CONFLICT (code) DO NOTHING',
  );
  const cycleRows: Array<{ id: string; code: string }> = await m.query(
    `SELECT id, code FROM monitoring_cycle`,
  );
  const cycleIds = new Map(cycleRows.map((r) => [r.code, r.id]));

  const rows: Array<Record<string, unknown>> = [];
  const answers = new Map<string, ReturnType<typeof answerFor>>();
  for (const cycle of CYCLES) {
    for (const { code: country } of countries) {
      const editor = userIds.get(partnerEditorEmail(country));
      for (const indicator of indicators) {
        const status: Status | null = cycle.code === '2024' ? 'PUBLISHED' : status2025(country, indicator);
        if (!status) continue;
        const answer = answerFor(country, indicator, cycle.year, 7);
        answers.set(`${cycle.code}|${country}|${indicator.code}`, answer);
        rows.push({
          country_code: country,
          cycle_id: cycleIds.get(cycle.code),
          indicator_id: framework.indicatorIds.get(indicator.code),
          score: answer.score,
          not_scored_reason: answer.notScoredReason,
          value_number: answer.valueNumber,
          value_boolean: answer.valueBoolean,
          value_text: answer.valueText,
          narrative: answer.narrative,
          confidence: answer.confidence,
          status,
          version:
            status === 'DRAFT' ? 1 : status === 'CHANGES_REQUESTED' ? 3 : status === 'PUBLISHED' ? 5 : 2,
          created_by: editor,
          updated_by: editor,
        });
      }
    }
  }
  const inserted: Array<{
    id: string;
    country_code: string;
    cycle_id: string;
    indicator_id: string;
    status: Status;
  }> = await insertMany(
    m,
    'assessment',
    {
      country_code: 'char(2)',
      cycle_id: 'uuid',
      indicator_id: 'uuid',
      score: 'smallint',
      not_scored_reason: 'text',
      value_number: 'double precision',
      value_boolean: 'boolean',
      value_text: 'text',
      narrative: 'jsonb',
      confidence: 'text',
      status: 'text',
      version: 'int',
      created_by: 'uuid',
      updated_by: 'uuid',
    },
    rows,
    'ON CONFLICT (country_code, cycle_id, indicator_id) DO NOTHING RETURNING id, country_code, cycle_id, indicator_id, status',
  );

  const cycleCodeById = new Map([...cycleIds].map(([code, id]) => [id, code]));
  const indicatorCodeById = new Map([...framework.indicatorIds].map(([code, id]) => [id, code]));
  const evidence: Array<Record<string, unknown>> = [];
  const comments: Array<Record<string, unknown>> = [];
  const reviewer = userIds.get('reviewer@demo.example');
  for (const row of inserted) {
    const cycleCode = cycleCodeById.get(row.cycle_id) as string;
    const indicatorCode = indicatorCodeById.get(row.indicator_id) as string;
    const answer = answers.get(`${cycleCode}|${row.country_code}|${indicatorCode}`);
    const editor = userIds.get(partnerEditorEmail(row.country_code as CountryCode));
    for (const item of answer?.evidence ?? []) {
      evidence.push({
        assessment_id: row.id,
        country_code: row.country_code,
        kind: item.kind,
        title: item.title,
        citation: item.citation,
        url: item.url,
        document_date: item.date,
        language: item.language,
        issuing_institution: item.issuingInstitution,
        reliability: item.reliability,
        confidentiality: item.confidentiality,
        created_by: editor,
      });
    }
    // Keyed on the country and indicator, not the row's random id, so that every seeded database
    // holds the same comments.
    const resolvedComment = row.status === 'APPROVED' && mix('c', row.country_code, indicatorCode) < 0.3;
    if (row.status === 'CHANGES_REQUESTED' || resolvedComment) {
      const request =
        REVIEW_REQUESTS[Math.floor(mix('r', row.country_code, indicatorCode) * REVIEW_REQUESTS.length)];
      const resolved = row.status === 'APPROVED';
      comments.push({
        assessment_id: row.id,
        country_code: row.country_code,
        author_id: reviewer,
        field: request.field,
        body: request.body,
        status: resolved ? 'RESOLVED' : 'OPEN',
        resolved_by: resolved ? editor : null,
        resolved_at: resolved ? '2026-06-15T12:00:00Z' : null,
      });
    }
  }
  await insertMany(
    m,
    'evidence',
    {
      assessment_id: 'uuid',
      country_code: 'char(2)',
      kind: 'text',
      title: 'text',
      citation: 'text',
      url: 'text',
      document_date: 'date',
      language: 'text',
      issuing_institution: 'text',
      reliability: 'text',
      confidentiality: 'text',
      created_by: 'uuid',
    },
    evidence,
  );
  await insertMany(
    m,
    'review_comment',
    {
      assessment_id: 'uuid',
      country_code: 'char(2)',
      author_id: 'uuid',
      field: 'text',
      body: 'text',
      status: 'text',
      resolved_by: 'uuid',
      resolved_at: 'timestamptz',
    },
    comments,
  );
  // Illustrative breakdowns of the outcome counts (small numbers, so that suppression shows).
  const byCode = new Map(indicators.map((ind) => [ind.code, ind]));
  const cells = inserted.flatMap((row) => {
    const code = indicatorCodeById.get(row.indicator_id) as string;
    const indicator = byCode.get(code);
    if (!indicator || indicator.type !== 'OUTCOME' || indicator.answerType !== 'NUMBER') return [];
    const cycleCode = cycleCodeById.get(row.cycle_id) as string;
    const total = answers.get(`${cycleCode}|${row.country_code}|${code}`)?.valueNumber ?? null;
    return breakdownCells(
      combinationsOf(indicator.expectedBreakdowns),
      total,
      7,
      cycleCode,
      row.country_code,
      code,
    ).map((cell) => ({
      assessment_id: row.id,
      country_code: row.country_code,
      dimension_codes: cell.dimensionCodes,
      category_codes: cell.categoryCodes,
      value: cell.value,
    }));
  });
  await insertMany(
    m,
    'assessment_breakdown',
    {
      assessment_id: 'uuid',
      country_code: 'char(2)',
      dimension_codes: 'text[]',
      category_codes: 'text[]',
      value: 'double precision',
    },
    cells,
  );
  return { assessments: inserted.length, evidence: evidence.length, comments: comments.length };
}
