import { registerEnumType } from 'type-graphql';

export enum Instrument {
  COE_CONVENTION = 'COE_CONVENTION',
  EU_DIRECTIVE_2011_36 = 'EU_DIRECTIVE_2011_36',
  PALERMO_PROTOCOL = 'PALERMO_PROTOCOL',
  NATIONAL_ACTION_PLAN = 'NATIONAL_ACTION_PLAN',
}

registerEnumType(Instrument, {
  name: 'Instrument',
  description: 'The international or national instrument a standard comes from.',
  valuesConfig: {
    COE_CONVENTION: {
      description:
        'Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197).',
    },
    EU_DIRECTIVE_2011_36: {
      description: 'Directive 2011/36/EU on preventing and combating trafficking in human beings.',
    },
    PALERMO_PROTOCOL: {
      description: 'UN Protocol to Prevent, Suppress and Punish Trafficking in Persons (Palermo, 2000).',
    },
    NATIONAL_ACTION_PLAN: { description: 'A measure of a country’s national strategy or action plan.' },
  },
});
