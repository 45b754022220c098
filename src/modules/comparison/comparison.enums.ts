import { registerEnumType } from 'type-graphql';

export enum CellState {
  ASSESSED = 'ASSESSED',
  NOT_ASSESSED = 'NOT_ASSESSED',
  HIDDEN = 'HIDDEN',
}

registerEnumType(CellState, {
  name: 'CellState',
  description: 'What a cell of the comparison holds for the reader.',
  valuesConfig: {
    ASSESSED: { description: 'An assessment the reader may see.' },
    NOT_ASSESSED: { description: 'No assessment exists (the reader could see one if there were).' },
    HIDDEN: {
      description:
        'The reader may not see this cell yet (e.g. another country’s assessment before approval, or an unpublished one); it is not empty.',
    },
  },
});

export enum Trend {
  IMPROVED = 'IMPROVED',
  NO_CHANGE = 'NO_CHANGE',
  DETERIORATED = 'DETERIORATED',
  NOT_COMPARABLE = 'NOT_COMPARABLE',
}

registerEnumType(Trend, {
  name: 'Trend',
  description:
    'How a score moved since the previous cycle that assessed a comparable indicator (same code and answer type).',
  valuesConfig: {
    IMPROVED: { description: 'The score is higher than before.' },
    NO_CHANGE: { description: 'The score is the same.' },
    DETERIORATED: { description: 'The score is lower than before.' },
    NOT_COMPARABLE: {
      description:
        'No earlier score to compare with, no score now, or the indicator is not scored (numbers are not ranked).',
    },
  },
});
