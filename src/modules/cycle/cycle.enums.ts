import { registerEnumType } from 'type-graphql';

export enum CycleStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(CycleStatus, {
  name: 'CycleStatus',
  description: 'Where a monitoring cycle is: PLANNED → OPEN → CLOSED → PUBLISHED.',
  valuesConfig: {
    PLANNED: { description: 'Announced; assessments cannot be recorded yet.' },
    OPEN: { description: 'Partners record and submit assessments; the reviewer reviews them.' },
    CLOSED: { description: 'No more edits; approved results are being prepared for publication.' },
    PUBLISHED: { description: 'Approved results are public and frozen.' },
  },
});
