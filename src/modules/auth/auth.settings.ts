/** What signing in needs at run time, resolved once at start. */
export interface AuthSettings {
  jwtSecret: string;
  tokenTtlSeconds: number;
}
