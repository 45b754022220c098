/** What signing in, and reading as the one signed in, need at run time, resolved once at start. */
export interface AuthSettings {
  jwtSecret: string;
  tokenTtlSeconds: number;
  /**
   * DISCLOSURE_MIN_COUNT: counts of a breakdown below it are suppressed for readers outside the country
   * (src/modules/breakdown/disclosure.ts); absent, the default of 5.
   */
  disclosureMinCount?: number;
}
