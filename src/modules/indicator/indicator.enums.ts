import { registerEnumType } from 'type-graphql';

export enum IndicatorType {
  STRUCTURAL = 'STRUCTURAL',
  PROCESS = 'PROCESS',
  OUTCOME = 'OUTCOME',
}

registerEnumType(IndicatorType, {
  name: 'IndicatorType',
  description: 'What an indicator looks at, following the structure–process–outcome model.',
  valuesConfig: {
    STRUCTURAL: { description: 'Laws, institutions and policies in place.' },
    PROCESS: { description: 'What institutions do to apply them.' },
    OUTCOME: { description: 'The results for victims and for justice.' },
  },
});

export enum AnswerType {
  SCORE = 'SCORE',
  NUMBER = 'NUMBER',
  PERCENT = 'PERCENT',
  BOOLEAN = 'BOOLEAN',
  TEXT = 'TEXT',
}

registerEnumType(AnswerType, {
  name: 'AnswerType',
  description: 'What kind of answer an assessment of the indicator records.',
  valuesConfig: {
    SCORE: { description: 'A score on the framework’s 0–3 scale, or not applicable / no data.' },
    NUMBER: { description: 'A number, e.g. identified victims in the year.' },
    PERCENT: { description: 'A percentage from 0 to 100.' },
    BOOLEAN: { description: 'Yes or no.' },
    TEXT: { description: 'A short free-text answer.' },
  },
});
