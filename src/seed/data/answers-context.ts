/** The context of one generated answer, and the role of the institution that answers each indicator. */
import type { CountryCode, SeedIndicator } from './types';
import type { CountryProfile, Role } from './answers-countries';

/** What every part of one answer is derived from. */
export interface Ctx {
  cc: CountryCode;
  p: CountryProfile;
  ind: SeedIndicator;
  year: number;
  /** Reporting year: the calendar year the cycle reports on. */
  py: number;
  seed: number;
  role: Role;
}

const roleBySubTheme: Record<string, Role> = {
  'PREV-AWR': 'coordinator',
  'PREV-VUL': 'social',
  'PREV-DEM': 'labour',
  'PROT-ID': 'identification',
  'PROT-AST': 'shelter',
  'PROT-CHD': 'social',
  'PROT-MIG': 'police',
  'PROS-LEG': 'justice',
  'PROS-INV': 'prosecution',
  'PROS-JUD': 'court',
  'PROS-REM': 'court',
  'PART-COORD': 'coordinator',
  'PART-CSO': 'coordinator',
  'PART-DATA': 'data',
  'PART-INT': 'police',
};

const roleByIndicator: Record<string, Role> = {
  'PREV-1.4': 'police',
  'PREV-2.4': 'police',
  'PREV-3.1': 'justice',
  'PROT-2.1': 'identification',
  'PROT-3.3': 'identification',
  'PROS-2.1': 'prosecution',
  'PROS-4.1': 'justice',
  'PROS-4.2': 'prosecution',
  'PROS-4.5': 'justice',
  'PART-1.4': 'rapporteur',
  'PART-3.3': 'coordinator',
  'PART-4.2': 'prosecution',
  'PART-4.3': 'coordinator',
};

export function roleFor(ind: SeedIndicator): Role {
  return roleByIndicator[ind.code] ?? roleBySubTheme[ind.areaCode] ?? 'coordinator';
}
