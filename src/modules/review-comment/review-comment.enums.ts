import { registerEnumType } from 'type-graphql';

export enum CommentStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

registerEnumType(CommentStatus, {
  name: 'CommentStatus',
  description: 'Whether a review comment still needs attention.',
  valuesConfig: {
    OPEN: { description: 'Waiting for an answer or a change.' },
    RESOLVED: { description: 'Dealt with.' },
  },
});

export enum AssessmentField {
  SCORE = 'SCORE',
  VALUE = 'VALUE',
  NARRATIVE = 'NARRATIVE',
  CONFIDENCE = 'CONFIDENCE',
  EVIDENCE = 'EVIDENCE',
}

registerEnumType(AssessmentField, {
  name: 'AssessmentField',
  description: 'A part of an assessment that a comment may be about.',
  valuesConfig: {
    SCORE: { description: 'The score or why it is not scored.' },
    VALUE: { description: 'The number, percentage, yes/no or text answer.' },
    NARRATIVE: { description: 'The narrative.' },
    CONFIDENCE: { description: 'The evidence confidence.' },
    EVIDENCE: { description: 'The evidence list.' },
  },
});

export enum ReviewCommentAction {
  CREATED = 'CREATED',
  RESOLVED = 'RESOLVED',
}

registerEnumType(ReviewCommentAction, {
  name: 'ReviewCommentAction',
  description: 'What happened to a review comment, in a `reviewCommentChanged` event.',
  valuesConfig: {
    CREATED: { description: 'The comment was written.' },
    RESOLVED: { description: 'The comment was resolved.' },
  },
});
