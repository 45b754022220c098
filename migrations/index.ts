import { InitialSchema1764300000000 } from './1764300000000-InitialSchema';
import { AccessAndFiles1764400000000 } from './1764400000000-AccessAndFiles';
import { Editions1764500000000 } from './1764500000000-Editions';
import { RowLevelSecurity1764600000000 } from './1764600000000-RowLevelSecurity';
import { Webhooks1764700000000 } from './1764700000000-Webhooks';
import { SealedSettings1764800000000 } from './1764800000000-SealedSettings';
import { DeploymentSettings1764900000000 } from './1764900000000-DeploymentSettings';
import { EvidenceFollowsAssessment1765000000000 } from './1765000000000-EvidenceFollowsAssessment';
import { LocaleFallbacks1765100000000 } from './1765100000000-LocaleFallbacks';
import { CommentsFollowAssessment1765200000000 } from './1765200000000-CommentsFollowAssessment';
import { RecommendationsRegister1765500000000 } from './1765500000000-RecommendationsRegister';
import { Breakdowns1765800000000 } from './1765800000000-Breakdowns';
import { CitizenshipCountries1766100000000 } from './1766100000000-CitizenshipCountries';
import { SearchTerms1766200000000 } from './1766200000000-SearchTerms';
import { DataChanges1766300000000 } from './1766300000000-DataChanges';
import { Search1765600000000 } from './1765600000000-Search';
import { EvidenceCarriesAssessmentState1765300000000 } from './1765300000000-EvidenceCarriesAssessmentState';
import { RecommendationSearch1766000000000 } from './1766000000000-RecommendationSearch';
import { EditionFramework1766050000000 } from './1766050000000-EditionFramework';

/** Every migration in order. Listed explicitly so the same list works from TypeScript sources and from dist/. */
export const migrations = [
  InitialSchema1764300000000,
  AccessAndFiles1764400000000,
  Editions1764500000000,
  RowLevelSecurity1764600000000,
  Webhooks1764700000000,
  SealedSettings1764800000000,
  DeploymentSettings1764900000000,
  EvidenceFollowsAssessment1765000000000,
  LocaleFallbacks1765100000000,
  CommentsFollowAssessment1765200000000,
  EvidenceCarriesAssessmentState1765300000000,
  RecommendationsRegister1765500000000,
  Search1765600000000,
  Breakdowns1765800000000,
  RecommendationSearch1766000000000,
  EditionFramework1766050000000,
  CitizenshipCountries1766100000000,
  SearchTerms1766200000000,
  DataChanges1766300000000,
];
