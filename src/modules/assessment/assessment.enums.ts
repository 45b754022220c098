import { registerEnumType } from 'type-graphql';

export enum AssessmentStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(AssessmentStatus, {
  name: 'AssessmentStatus',
  description: 'Where an assessment is in the review workflow.',
  valuesConfig: {
    DRAFT: { description: 'Being written by the country’s partner; seen only by that partner.' },
    SUBMITTED: { description: 'Submitted by the country lead, waiting for review.' },
    CHANGES_REQUESTED: {
      description: 'Sent back by the reviewer with comments; the partner may edit again.',
    },
    APPROVED: { description: 'Accepted by the reviewer; published with the cycle.' },
    PUBLISHED: { description: 'Part of a published cycle; frozen.' },
  },
});

export enum ConfidenceLevel {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

registerEnumType(ConfidenceLevel, {
  name: 'ConfidenceLevel',
  description: 'How much trust the evidence warrants.',
  valuesConfig: {
    HIGH: { description: 'Several reliable, consistent sources.' },
    MEDIUM: { description: 'Some reliable sources, or sources that partly disagree.' },
    LOW: { description: 'Few, indirect or unverified sources.' },
  },
});

export enum NotScoredReason {
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  NO_DATA = 'NO_DATA',
}

registerEnumType(NotScoredReason, {
  name: 'NotScoredReason',
  description: 'Why a score indicator has no score.',
  valuesConfig: {
    NOT_APPLICABLE: { description: 'The indicator does not apply to the country.' },
    NO_DATA: { description: 'No data was available to assess it.' },
  },
});
