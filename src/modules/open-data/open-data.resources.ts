import { localized, perLocale, text, type OpenDataResource, type OpenDataSource } from './open-data.fields';
import { RECOMMENDATION_RESOURCES } from './open-data.recommendations';

export type { OpenDataResource, OpenDataSource };

type Row = Record<string, unknown>;

/**
 * The CSV resources of every edition's data package, in order: the framework and the results, then the
 * recommendations and their follow-ups (open-data.recommendations.ts).
 */
export const OPEN_DATA_RESOURCES: OpenDataResource[] = [
  {
    name: 'indicators',
    title: 'Indicators',
    description: 'The indicators of the framework version the cycle was measured against.',
    primaryKey: ['id'],
    fields: [
      text('id', 'Stable identifier of the indicator.'),
      text('code', 'The indicator code.'),
      text('pillar', 'PREVENTION, PROTECTION, PROSECUTION or PARTNERSHIP.'),
      text('area_code', 'The code of the sub-theme (or pillar) the indicator sits under.'),
      text('type', 'STRUCTURAL, PROCESS or OUTCOME.'),
      text('answer_type', 'SCORE, NUMBER, PERCENT, BOOLEAN or TEXT.'),
      ...perLocale('title', 'The title'),
    ],
    rows: ({ indicators }) =>
      indicators.map((i) => ({
        id: i.id,
        code: i.code,
        pillar: i.pillar,
        area_code: i.area_code,
        type: i.type,
        answer_type: i.answer_type,
        ...localized('title', i.title),
      })),
  },
  {
    name: 'standards',
    title: 'Standards',
    description:
      'The provisions of the instruments the indicators measure, as the database states them, and which ' +
      'indicators measure each (space-separated indicator ids).',
    primaryKey: ['id'],
    fields: [
      text('id', 'Stable identifier of the provision.'),
      text('instrument', 'COE_CONVENTION, EU_DIRECTIVE_2011_36, PALERMO_PROTOCOL or NATIONAL_ACTION_PLAN.'),
      text('reference', 'The article or measure, as the instrument numbers it.'),
      text('country_code', 'The country of a national action plan; empty for international instruments.'),
      text('indicator_ids', 'The indicators measuring it, space-separated.'),
      ...perLocale('title', 'The title'),
    ],
    rows: ({ standards, links }) =>
      standards.map((s) => ({
        id: s.id,
        instrument: s.instrument,
        reference: s.reference,
        country_code: s.country_code,
        indicator_ids: links
          .filter((link) => link.standard_id === s.id)
          .map((link) => link.indicator_id)
          .join(' '),
        ...localized('title', s.title),
      })),
  },
  {
    name: 'assessments',
    title: 'Assessments',
    description: 'The published assessments of the edition: the answer, the confidence and the narrative.',
    primaryKey: ['id'],
    fields: [
      text('id', 'Stable identifier of the assessment.'),
      text('country_code', 'ISO 3166 code of the country assessed.'),
      text('indicator_id', 'The indicator assessed (see indicators).'),
      { name: 'score', type: 'integer', description: 'The score, 0 to 3, for SCORE indicators.' },
      text('not_scored_reason', 'NOT_APPLICABLE or NO_DATA when a SCORE indicator was not scored.'),
      { name: 'value_number', type: 'number', description: 'The answer of a NUMBER or PERCENT indicator.' },
      { name: 'value_boolean', type: 'boolean', description: 'The answer of a BOOLEAN indicator.' },
      text('value_text', 'The answer of a TEXT indicator.'),
      text('confidence', 'HIGH, MEDIUM or LOW.'),
      { name: 'version', type: 'integer', description: 'The version of the assessment that was published.' },
      ...perLocale('narrative', 'The partner’s findings'),
    ],
    rows: ({ content }) =>
      content.assessments.map((a: Row) => ({
        id: a.id,
        country_code: a.countryCode,
        indicator_id: a.indicatorId,
        score: a.score,
        not_scored_reason: a.notScoredReason,
        value_number: a.valueNumber,
        value_boolean: a.valueBoolean,
        value_text: a.valueText,
        confidence: a.confidence,
        version: a.version,
        ...localized('narrative', a.narrative),
      })),
  },
  {
    name: 'evidence',
    title: 'Public evidence',
    description:
      'The evidence behind the published assessments that is public; confidential evidence is never included.',
    fields: [
      text('assessment_id', 'The assessment it supports (see assessments).'),
      text('kind', 'What kind of source it is (LAW, REPORT, STATISTICS, …).'),
      text('title', 'The title of the source.'),
      text('citation', 'How the source is cited.'),
      text('url', 'Where the source can be read.'),
      { name: 'document_date', type: 'date', description: 'The date of the document.' },
      text('language', 'The language of the document (BCP 47).'),
      text('issuing_institution', 'Who issued the document.'),
      text('reliability', 'HIGH, MEDIUM or LOW.'),
    ],
    rows: ({ content }) =>
      content.assessments.flatMap((a: Row) =>
        ((a.evidence ?? []) as Row[]).map((e) => ({
          assessment_id: a.id,
          kind: e.kind,
          title: e.title,
          citation: e.citation,
          url: e.url,
          document_date: e.documentDate,
          language: e.language,
          issuing_institution: e.issuingInstitution,
          reliability: e.reliability,
        })),
      ),
  },
  {
    name: 'comparison',
    title: 'Comparison',
    description:
      'Every country × indicator cell of the published comparison, with the trend from the previous cycle.',
    primaryKey: ['indicator_id', 'country_code'],
    fields: [
      text('indicator_id', 'The indicator (see indicators).'),
      text('indicator_code', 'The indicator code.'),
      text('pillar', 'The pillar of the indicator.'),
      text('country_code', 'ISO 3166 code of the country.'),
      text('state', 'What the cell holds (SCORED, NOT_SCORED, VALUE, …).'),
      { name: 'score', type: 'integer', description: 'The score, 0 to 3.' },
      text('not_scored_reason', 'NOT_APPLICABLE or NO_DATA.'),
      text('value', 'The answer as text, whatever the answer type.'),
      text('confidence', 'HIGH, MEDIUM or LOW.'),
      {
        name: 'evidence_count',
        type: 'integer',
        description: 'How many pieces of public evidence support it.',
      },
      text('trend', 'IMPROVED, DETERIORATED, NO_CHANGE or NOT_COMPARABLE.'),
      { name: 'previous_score', type: 'integer', description: 'The score of the previous cycle.' },
      text('previous_cycle_code', 'The previous cycle compared with.'),
    ],
    rows: ({ content }) =>
      content.cells.map((c) => ({
        indicator_id: c.indicatorId,
        indicator_code: c.indicatorCode,
        pillar: c.pillar,
        country_code: c.countryCode,
        state: c.state,
        score: c.score,
        not_scored_reason: c.notScoredReason,
        value: c.value,
        confidence: c.confidence,
        evidence_count: c.evidenceCount,
        trend: c.trend,
        previous_score: c.previousScore,
        previous_cycle_code: c.previousCycleCode,
      })),
  },
  ...RECOMMENDATION_RESOURCES,
];
