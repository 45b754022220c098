import { registerEnumType } from 'type-graphql';

export enum SourceBody {
  GRETA = 'GRETA',
  TIP = 'TIP',
  UPR = 'UPR',
  CEDAW = 'CEDAW',
  NATIONAL_ACTION_PLAN = 'NATIONAL_ACTION_PLAN',
  OTHER = 'OTHER',
}

registerEnumType(SourceBody, {
  name: 'SourceBody',
  description: 'The body or instrument a recommendation comes from.',
  valuesConfig: {
    GRETA: {
      description:
        'GRETA, the Council of Europe’s Group of Experts on Action against Trafficking in Human Beings: its country evaluation reports, by round.',
    },
    TIP: { description: 'The United States Department of State’s annual Trafficking in Persons report.' },
    UPR: { description: 'The UN Human Rights Council’s Universal Periodic Review, by cycle.' },
    CEDAW: {
      description:
        'The UN Committee on the Elimination of Discrimination against Women: its concluding observations.',
    },
    NATIONAL_ACTION_PLAN: { description: 'A measure of the country’s own national action plan.' },
    OTHER: { description: 'Any other source (an ombudsperson, an OSCE or EU report, …).' },
  },
});

export enum RecommendationStrength {
  URGE = 'URGE',
  CONSIDER = 'CONSIDER',
  INVITE = 'INVITE',
}

registerEnumType(RecommendationStrength, {
  name: 'RecommendationStrength',
  description:
    'How strongly GRETA words a recommendation; only GRETA’s recommendations have one, the other sources none.',
  valuesConfig: {
    URGE: {
      description: 'GRETA “urges” the authorities: the most pressing, often a breach of the Convention.',
    },
    CONSIDER: { description: 'GRETA “considers that the authorities should” act.' },
    INVITE: { description: 'GRETA “invites” the authorities: a suggestion for improvement.' },
  },
});

export enum ImplementationStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  PARTIALLY_IMPLEMENTED = 'PARTIALLY_IMPLEMENTED',
  IMPLEMENTED = 'IMPLEMENTED',
  NO_LONGER_RELEVANT = 'NO_LONGER_RELEVANT',
}

registerEnumType(ImplementationStatus, {
  name: 'ImplementationStatus',
  description: 'How far a recommendation was implemented, as a partner found it in one monitoring cycle.',
  valuesConfig: {
    NOT_STARTED: { description: 'Nothing has been done yet.' },
    IN_PROGRESS: { description: 'Work has started (a draft law, a working group) but nothing is in force.' },
    PARTIALLY_IMPLEMENTED: { description: 'Some of what was asked is in force or in practice, not all.' },
    IMPLEMENTED: { description: 'What was asked is in force and applied.' },
    NO_LONGER_RELEVANT: { description: 'Overtaken by events (a repealed law, a later recommendation).' },
  },
});

/** The order of progress; NO_LONGER_RELEVANT has none. */
export const IMPLEMENTATION_RANK: Partial<Record<ImplementationStatus, number>> = {
  [ImplementationStatus.NOT_STARTED]: 0,
  [ImplementationStatus.IN_PROGRESS]: 1,
  [ImplementationStatus.PARTIALLY_IMPLEMENTED]: 2,
  [ImplementationStatus.IMPLEMENTED]: 3,
};

export enum ImplementationTrend {
  IMPROVED = 'IMPROVED',
  UNCHANGED = 'UNCHANGED',
  WORSENED = 'WORSENED',
  FIRST_FOLLOW_UP = 'FIRST_FOLLOW_UP',
  NOT_COMPARABLE = 'NOT_COMPARABLE',
  NO_FOLLOW_UP = 'NO_FOLLOW_UP',
}

registerEnumType(ImplementationTrend, {
  name: 'ImplementationTrend',
  description:
    'How a recommendation’s implementation moved between its last two visible follow-ups, in the order ' +
    'NOT_STARTED < IN_PROGRESS < PARTIALLY_IMPLEMENTED < IMPLEMENTED.',
  valuesConfig: {
    IMPROVED: { description: 'The later follow-up is further along.' },
    UNCHANGED: { description: 'Both follow-ups have the same status.' },
    WORSENED: { description: 'The later follow-up is less far along (a law repealed, a service closed).' },
    FIRST_FOLLOW_UP: { description: 'Only one follow-up can be seen: nothing to compare with.' },
    NOT_COMPARABLE: { description: 'One of the two is NO_LONGER_RELEVANT, which has no place in the order.' },
    NO_FOLLOW_UP: { description: 'No follow-up can be seen.' },
  },
});
