import { registerEnumType } from 'type-graphql';

export enum OrganisationKind {
  PARTNER = 'PARTNER',
  REVIEWER = 'REVIEWER',
  INTEGRATOR = 'INTEGRATOR',
  PLATFORM = 'PLATFORM',
}

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What part an organisation plays in the monitoring.',
  valuesConfig: {
    PARTNER: { description: 'A national NGO that assesses its own country or countries.' },
    REVIEWER: { description: 'The organisation that reviews the partners’ assessments across countries.' },
    INTEGRATOR: { description: 'An organisation that reads the data into its own tools.' },
    PLATFORM: { description: 'The operator of this database.' },
  },
});
