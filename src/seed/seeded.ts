/** Ids of the seeded framework version and its indicators, passed on to the assessment seed. */
export interface SeededFramework {
  versionId: string;
  /** Indicator id by indicator code. */
  indicatorIds: Map<string, string>;
}
