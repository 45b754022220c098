import { registerEnumType } from 'type-graphql';

export enum EvidenceKind {
  LAW = 'LAW',
  BYLAW = 'BYLAW',
  POLICY = 'POLICY',
  SOP = 'SOP',
  COURT_DECISION = 'COURT_DECISION',
  STATISTICS = 'STATISTICS',
  INTERVIEW = 'INTERVIEW',
  MONITORING_VISIT = 'MONITORING_VISIT',
  REPORT = 'REPORT',
  MEDIA = 'MEDIA',
  OTHER = 'OTHER',
}

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What kind of source a piece of evidence is.',
  valuesConfig: {
    LAW: { description: 'A law or code.' },
    BYLAW: { description: 'A by-law, decree, rulebook or other secondary legislation.' },
    POLICY: { description: 'A strategy, action plan or policy document.' },
    SOP: { description: 'Standard operating procedures, protocols or guidelines.' },
    COURT_DECISION: { description: 'A court decision or indictment.' },
    STATISTICS: { description: 'Official or NGO statistics.' },
    INTERVIEW: { description: 'An interview with an official, a professional or a survivor.' },
    MONITORING_VISIT: { description: 'A monitoring visit, e.g. to a shelter or a border crossing.' },
    REPORT: { description: 'A report, e.g. by GRETA or an NGO.' },
    MEDIA: { description: 'A media article or broadcast.' },
    OTHER: { description: 'Any other source.' },
  },
});

export enum Reliability {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

registerEnumType(Reliability, {
  name: 'Reliability',
  description: 'How reliable a source is judged to be.',
  valuesConfig: {
    HIGH: { description: 'Official, verified or first-hand.' },
    MEDIUM: { description: 'Credible but not verified.' },
    LOW: { description: 'Second-hand or unverified.' },
  },
});

export enum Confidentiality {
  PUBLIC = 'PUBLIC',
  PARTNERS = 'PARTNERS',
  INTERNAL = 'INTERNAL',
}

registerEnumType(Confidentiality, {
  name: 'Confidentiality',
  description: 'Who may read a piece of evidence.',
  valuesConfig: {
    PUBLIC: { description: 'Anyone, once the assessment is published.' },
    PARTNERS: { description: 'The partners and the reviewer, not the public.' },
    INTERNAL: {
      description: 'Only the country’s own partner and the reviewer (e.g. interviews with survivors).',
    },
  },
});
