import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  COUNTRY_LEAD = 'COUNTRY_LEAD',
  COUNTRY_EDITOR = 'COUNTRY_EDITOR',
  COUNTRY_VIEWER = 'COUNTRY_VIEWER',
  REVIEWER = 'REVIEWER',
  FRAMEWORK_EDITOR = 'FRAMEWORK_EDITOR',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'The one role a user has in its organisation.',
  valuesConfig: {
    ADMIN: { description: 'Runs the platform: organisations, users and monitoring cycles.' },
    COUNTRY_LEAD: { description: 'Leads a partner’s work on its countries: edits, submits, manages users.' },
    COUNTRY_EDITOR: { description: 'Records assessments and evidence for the organisation’s countries.' },
    COUNTRY_VIEWER: { description: 'Reads the organisation’s countries’ data without changing it.' },
    REVIEWER: { description: 'Reviews submitted assessments across all countries.' },
    FRAMEWORK_EDITOR: { description: 'Maintains the indicator framework, its standards and translations.' },
  },
});
