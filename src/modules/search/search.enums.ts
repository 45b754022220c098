import { registerEnumType } from 'type-graphql';

/**
 * What `search` looks through. Each kind has one source in search.sources.ts (the type check asks for it): a
 * new kind is a value here, its description, and its source there.
 */
export enum SearchKind {
  INDICATOR = 'INDICATOR',
  STANDARD = 'STANDARD',
  ASSESSMENT = 'ASSESSMENT',
  EVIDENCE = 'EVIDENCE',
  REVIEW_COMMENT = 'REVIEW_COMMENT',
  RECOMMENDATION = 'RECOMMENDATION',
}

registerEnumType(SearchKind, {
  name: 'SearchKind',
  description: 'A kind of thing `search` finds.',
  valuesConfig: {
    INDICATOR: {
      description: 'An indicator of the framework: its code, title, guidance and means of verification.',
    },
    STANDARD: { description: 'A provision of an instrument: its reference, title and summary.' },
    ASSESSMENT: { description: 'An assessment, by its narrative (the partner’s findings).' },
    EVIDENCE: {
      description: 'A piece of evidence: its title, citation and issuing institution.',
    },
    REVIEW_COMMENT: { description: 'A review comment, by its text.' },
    RECOMMENDATION: {
      description: 'A recommendation of the register, by its reference and its text in every language.',
    },
  },
});
