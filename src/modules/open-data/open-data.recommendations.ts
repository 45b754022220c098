import { localized, perLocale, text, type OpenDataResource } from './open-data.fields';

type Row = Record<string, unknown>;

/** The follow-ups frozen in the edition: published ones only, each with its recommendation and source. */
const followUpsOf = (recommendations: Row[] | undefined): Row[] => recommendations ?? [];

/**
 * The recommendations register as an edition froze it: the recommendations with a follow-up published in the
 * cycle (the public reads no other), those follow-ups, and the public evidence of published assessments they
 * cite. Editions published before the register existed hold none, and their resources have a header row only.
 */
export const RECOMMENDATION_RESOURCES: OpenDataResource[] = [
  {
    name: 'recommendations',
    title: 'Recommendations',
    description:
      'The recommendations of monitoring bodies with a follow-up published in the cycle, with their source, as ' +
      'they stood at publication.',
    primaryKey: ['id'],
    fields: [
      text('id', 'Stable identifier of the recommendation.'),
      text('country_code', 'ISO 3166 code of the country it is addressed to.'),
      text('source_body', 'GRETA, TIP, UPR, CEDAW, NATIONAL_ACTION_PLAN or OTHER.'),
      { name: 'source_year', type: 'integer', description: 'The year of the source.' },
      text('source_round', 'The evaluation round or cycle of the source, if any.'),
      { name: 'source_published_on', type: 'date', description: 'When the source was published, if known.' },
      text('source_url', 'Where the source can be read, if known.'),
      text('reference', 'Where the recommendation is in its source (a paragraph, a measure).'),
      text('strength', 'GRETA’s wording: URGE, CONSIDER or INVITE; empty for other sources.'),
      ...perLocale('source_title', 'The title of the source'),
      ...perLocale('text', 'The recommendation'),
    ],
    rows: ({ content }) => {
      const seen = new Set<unknown>();
      return followUpsOf(content.recommendations)
        .filter((f) => !seen.has(f.recommendationId) && seen.add(f.recommendationId))
        .map((f) => {
          const source = (f.source ?? {}) as Row;
          return {
            id: f.recommendationId,
            country_code: f.countryCode,
            source_body: f.sourceBody,
            source_year: source.year,
            source_round: source.round,
            source_published_on: source.publishedOn,
            source_url: source.url,
            reference: f.reference,
            strength: f.strength,
            ...localized('source_title', source.title),
            ...localized('text', f.text),
          };
        });
    },
  },
  {
    name: 'follow_ups',
    title: 'Follow-ups of recommendations',
    description: 'How far each recommendation was implemented, as published in the cycle.',
    primaryKey: ['id'],
    fields: [
      text('id', 'Stable identifier of the follow-up.'),
      text('recommendation_id', 'The recommendation (see recommendations).'),
      text('country_code', 'ISO 3166 code of the country.'),
      text(
        'implementation_status',
        'NOT_STARTED, IN_PROGRESS, PARTIALLY_IMPLEMENTED, IMPLEMENTED or NO_LONGER_RELEVANT.',
      ),
      { name: 'version', type: 'integer', description: 'The version of the follow-up that was published.' },
      {
        name: 'evidence_count',
        type: 'integer',
        description: 'How many pieces of public evidence it cites (see follow_up_evidence).',
      },
      ...perLocale('narrative', 'What was done and what was missing'),
    ],
    rows: ({ content }) =>
      followUpsOf(content.recommendations).map((f) => ({
        id: f.followUpId,
        recommendation_id: f.recommendationId,
        country_code: f.countryCode,
        implementation_status: f.implementationStatus,
        version: f.version,
        evidence_count: ((f.evidence ?? []) as Row[]).length,
        ...localized('narrative', f.narrative),
      })),
  },
  {
    name: 'follow_up_evidence',
    title: 'Public evidence of follow-ups',
    description:
      'The public evidence the published follow-ups cite, filed with published assessments; confidential ' +
      'evidence is never included.',
    fields: [
      text('follow_up_id', 'The follow-up citing it (see follow_ups).'),
      text('kind', 'What kind of source it is (LAW, REPORT, STATISTICS, …).'),
      text('title', 'The title of the source.'),
      text('citation', 'How the source is cited.'),
      text('url', 'Where the source can be read.'),
      { name: 'document_date', type: 'date', description: 'The date of the document.' },
    ],
    rows: ({ content }) =>
      followUpsOf(content.recommendations).flatMap((f) =>
        ((f.evidence ?? []) as Row[]).map((e) => ({
          follow_up_id: f.followUpId,
          kind: e.kind,
          title: e.title,
          citation: e.citation,
          url: e.url,
          document_date: e.documentDate,
        })),
      ),
  },
];
