import { registerEnumType } from 'type-graphql';

export enum FrameworkVersionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(FrameworkVersionStatus, {
  name: 'FrameworkVersionStatus',
  description: 'Whether a framework version is still being written or has been released for monitoring.',
  valuesConfig: {
    DRAFT: { description: 'Being written by framework editors; not used by any cycle.' },
    PUBLISHED: { description: 'Released; cycles may use it. Once a cycle uses it, it can no longer change.' },
  },
});

export enum Pillar {
  PREVENTION = 'PREVENTION',
  PROTECTION = 'PROTECTION',
  PROSECUTION = 'PROSECUTION',
  PARTNERSHIP = 'PARTNERSHIP',
}

registerEnumType(Pillar, {
  name: 'Pillar',
  description: 'The four Ps of anti-trafficking action that the framework’s areas are grouped under.',
  valuesConfig: {
    PREVENTION: { description: 'Preventing trafficking: awareness, demand, risk groups.' },
    PROTECTION: { description: 'Identifying, assisting and protecting victims.' },
    PROSECUTION: { description: 'Criminalising, investigating, prosecuting and sanctioning trafficking.' },
    PARTNERSHIP: { description: 'Coordination, cooperation with civil society, data and monitoring.' },
  },
});

export enum ScoreCode {
  NOT_IN_PLACE = '0',
  PARTIAL = '1',
  LARGELY = '2',
  FULLY = '3',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  NO_DATA = 'NO_DATA',
}

registerEnumType(ScoreCode, {
  name: 'ScoreCode',
  description: 'A level of the score scale.',
  valuesConfig: {
    NOT_IN_PLACE: { description: 'Score 0: not in place.' },
    PARTIAL: { description: 'Score 1: partially in line with the standard.' },
    LARGELY: { description: 'Score 2: largely in line with the standard.' },
    FULLY: { description: 'Score 3: fully in line with the standard.' },
    NOT_APPLICABLE: { description: 'The indicator does not apply to the country.' },
    NO_DATA: { description: 'No data was available to assess the indicator.' },
  },
});
