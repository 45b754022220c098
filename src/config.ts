import net from 'node:net';
import path from 'node:path';
import { DEFAULT_LICENCE, LICENCES, licenceNamed } from './modules/open-data/open-data.settings';

/** Configuration read once from the environment; every value is validated so a bad one stops the start. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /**
   * HOST: the address the server listens on. Outside production it is 127.0.0.1, so a developer's machine does
   * not offer the API to its network; in production null, every interface (a container's port is published).
   */
  host: string | null;
  /** When null, an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl: string | null;
  /**
   * How the API itself connects: as the app's role (`databaseAppRole`), which owns nothing and is bound by the
   * row-level security policies. Null derives it from the database URL with `databaseAppPassword`.
   */
  databaseAppUrl: string | null;
  /**
   * DATABASE_APP_ROLE: the role the API serves requests as; null: the user of `databaseAppUrl`, else
   * `<database>_app`. Roles belong to the whole server, so each database has its own (src/db/app-role.ts).
   */
  databaseAppRole: string | null;
  /** Password the API sets for and uses as the app's role; null: made and kept under dataDir (not in production). */
  databaseAppPassword: string | null;
  /**
   * Streaming replicas the API reads anonymous queries from, connected as the app's role (row-level security
   * holds there too). Empty: everything goes to the primary.
   */
  databaseReplicaUrls: string[];
  dataDir: string;
  embeddedPgPort: number;
  /**
   * EMBEDDED_PG_GRANT_SEARCH: started as root, the embedded PostgreSQL runs as the system user `postgres`, which
   * must reach its programs; when set, the API gives others search permission (x) on every directory above
   * them that lacks it. Off: only the package's own directories are touched, and a directory above them that
   * `postgres` cannot pass stops the start with a message naming it.
   */
  embeddedPgGrantSearch: boolean;
  /** Whether the demo data is loaded into an empty database at start. */
  seedOnStart: boolean;
  logSql: boolean;
  /** LOG_LEVEL: the least severe log line written; `silent` writes none. Tests default to `silent`. */
  logLevel: LogLevel;
  /**
   * METRICS_TOKEN: when set, `GET /metrics` needs `Authorization: Bearer <token>`. In production without it
   * `/metrics` is not served at all; elsewhere it is served to anyone who can reach the (loopback) port.
   */
  metricsToken: string | null;
  /**
   * Secret that signs sign-in tokens and keys the checksums of API keys (so changing it also makes the keys made
   * with the old one fail); null means "make one and keep it under dataDir" (not in production).
   */
  jwtSecret: string | null;
  tokenTtlSeconds: number;
  /**
   * DISCLOSURE_MIN_COUNT: counts of a breakdown below it are suppressed, with the cells that would give them away,
   * for readers outside the country (the public, API keys, other countries' partners).
   */
  disclosureMinCount: number;
  /** Largest evidence file accepted, in bytes. */
  evidenceFileMaxBytes: number;
  /** Where evidence files are kept: a local directory (`<dataDir>/files`) or an S3-compatible bucket. */
  fileStorage: 'local' | 's3';
  /** The bucket settings; set exactly when `fileStorage` is `s3`. */
  s3: S3Settings | null;
  /**
   * GRAPHIQL: whether `GET /graphql` from a browser serves GraphiQL, with its files under `/graphiql/assets/`. On
   * outside production; off in production unless set: it is a tool for developers, and a public API need not
   * serve its page and scripts to every visitor.
   */
  graphiql: boolean;
  /** What one GraphQL request may ask for; each is a setting because a deployment may need to tune it. */
  graphql: GraphQLLimits;
  rateLimit: RateLimitSettings;
  webhook: WebhookSettings;
  /** The store of anonymous responses read from published editions (src/pipeline/response-cache/response-cache.ts). */
  responseCache: ResponseCacheSettings;
  /** Which other origins' pages may call the API from a browser (src/pipeline/http/cors.ts). */
  cors: CorsSettings;
  /** The live updates over WebSocket at /graphql (src/pipeline/live/). */
  subscriptions: SubscriptionSettings;
  /**
   * FUNDING_STATEMENT: who funds the published results, added to every edition citation and shown on the results
   * page; null (the default) adds nothing.
   */
  fundingStatement: string | null;
  /** OPEN_DATA_LICENCE: the SPDX identifier of the licence editions are published under (src/modules/open-data). */
  openDataLicence: string;
  /** PUBLIC_URL: the API's address from outside, for the stable URLs of editions; null: each request's own. */
  publicUrl: string | null;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface GraphQLLimits {
  /** GRAPHQL_MAX_DEPTH: deepest nesting of fields (fragments expanded). */
  maxDepth: number;
  /** GRAPHQL_MAX_ALIASES: aliased fields per operation, `__typename` included. */
  maxAliases: number;
  /** GRAPHQL_MAX_DIRECTIVES: directives per operation. */
  maxDirectives: number;
  /** GRAPHQL_MAX_TOKENS: the parser stops after this many tokens, before any validation. */
  maxTokens: number;
  /** GRAPHQL_MAX_BODY_BYTES: largest JSON body of a request to /graphql. */
  maxBodyBytes: number;
  /**
   * GRAPHQL_MAX_COST: largest estimated cost, list sizes counted (src/pipeline/limits/query-measure.ts). The default lets
   * the README's framework query through (about 12.5 million: 50 frameworks × 10 areas × 10 sub-themes × 100
   * indicators × 10 standards) and refuses three connections of 100 nested under lists.
   */
  maxCost: number;
  /**
   * GRAPHQL_MAX_RESULT_VALUES: most values one query's answer may hold, counted as its lists resolve (items × the
   * fields asked of each); past it the query stops and is refused (src/pipeline/limits/answer-bounds.ts).
   */
  maxResultValues: number;
  /** GRAPHQL_MAX_RESPONSE_BYTES: largest answer to one query, measured before it is serialised. */
  maxResponseBytes: number;
  /** GRAPHQL_EXPENSIVE_COST: estimated cost from which an operation counts as expensive. */
  expensiveCost: number;
  /** GRAPHQL_MAX_EXPENSIVE_CONCURRENT: expensive operations that run at once; the others wait. */
  maxExpensiveConcurrent: number;
  /** GRAPHQL_MAX_EXPENSIVE_WAITING: expensive operations that may wait for a place; past it, RATE_LIMITED. */
  maxExpensiveWaiting: number;
  /** GRAPHQL_INTROSPECTION: whether the schema may be introspected; off in production unless asked for. */
  introspection: boolean;
  /**
   * GRAPHQL_PERSISTED_QUERIES_MAX_BYTES (4 MiB): the most the texts of automatic persisted queries may hold in an
   * instance's memory, the least recently used going first; unused when REDIS_URL is set (Redis keeps them).
   */
  persistedQueriesMaxBytes: number;
  /** PERSISTED_QUERIES_REDIS_PREFIX (`indicators:apq:`): the keys of the persisted query texts in Redis. */
  persistedQueriesRedisPrefix: string;
}

/** Fixed-window request limits; 0 turns one off. */
export interface RateLimitSettings {
  windowSeconds: number;
  /** Requests per window of one signed-in user. */
  user: number;
  /**
   * RATE_LIMIT_API_KEY (1200): requests per window of one API key whose checksum shows this server made it. A key
   * without one (made before keys had a checksum) counts under its caller's address, as a made-up key does.
   */
  apiKey: number;
  /**
   * RATE_LIMIT_IP (300): requests per window of one IP address without a credential, or with a forged token, a
   * made-up API key or a key without a checksum.
   */
  ip: number;
  /** Imports per window of one user, key or address, besides the limit above: each reads a whole file. */
  imports: number;
  /**
   * LOGIN_RATE_LIMIT (10): failed or pending checks of one account's password (`login`, and the current
   * password of `passwordChange`) per login window from one address. A right password is not counted.
   */
  login: number;
  /**
   * LOGIN_RATE_LIMIT_ACCOUNT (100): the same for one account from all addresses together. Ten times the limit
   * above, so that one address guessing cannot lock the account's owner out from another.
   */
  loginAccount: number;
  /**
   * LOGIN_RATE_LIMIT_ADDRESS (100): failed or pending checks of a password or setup token per login window from
   * one address, whatever the account. Ten times LOGIN_RATE_LIMIT, so that failures for one account do not lock
   * the other users behind the same address out.
   */
  loginAddress: number;
  /** LOGIN_RATE_LIMIT_WINDOW_SECONDS (900): the login window, which starts at a counter's first attempt. */
  loginWindowSeconds: number;
  /** When set, counters live in Redis and every instance shares them; else each instance counts in memory. */
  redisUrl: string | null;
  redisPrefix: string;
  /** How many reverse proxies in front of the service may be trusted for X-Forwarded-For (0: none). */
  trustProxy: number;
}

/** How webhooks are delivered, and which endpoints may be registered. */
export interface WebhookSettings {
  /** WEBHOOK_WORKER: whether this instance delivers; any number of instances may, they share the queue. */
  workerEnabled: boolean;
  /** WEBHOOK_POLL_INTERVAL_MS: how often an idle worker looks for due deliveries. */
  pollIntervalMs: number;
  /** WEBHOOK_BATCH_SIZE: deliveries one worker claims and sends at once. */
  batchSize: number;
  /** WEBHOOK_TIMEOUT_MS: how long one request to an endpoint may take, answer included. */
  timeoutMs: number;
  /** WEBHOOK_MAX_ATTEMPTS: tries before a delivery is marked FAILED. */
  maxAttempts: number;
  /** WEBHOOK_BACKOFF_BASE_MS: the wait before the first retry; it doubles with each try, jittered. */
  backoffBaseMs: number;
  /** WEBHOOK_BACKOFF_MAX_MS: the longest wait between two tries. */
  backoffMaxMs: number;
  /** WEBHOOK_RETENTION_DAYS: finished deliveries older than this are deleted from the log. */
  retentionDays: number;
  /** WEBHOOK_ALLOW_HTTP: plain http endpoints anywhere (else https, and http on loopback outside production). */
  allowHttp: boolean;
  /** Outside production, http endpoints on loopback (a developer's receiver) are accepted. */
  allowHttpLoopback: boolean;
  /**
   * WEBHOOK_ALLOW_PRIVATE_TARGETS: endpoints on loopback, private and link-local addresses. Off by default in
   * every environment, so a webhook cannot reach the service's own network; turn it on to test with a local
   * receiver.
   */
  allowPrivateTargets: boolean;
}

export interface ResponseCacheSettings {
  /** RESPONSE_CACHE_MAX_BYTES: the most the stored responses may hold; 0 stores nothing. */
  maxBytes: number;
  /** RESPONSE_CACHE_MAX_ENTRIES: the most responses stored. */
  maxEntries: number;
  /** RESPONSE_CACHE_MAX_AGE_SECONDS: how long browsers and proxies may reuse a response without asking again. */
  maxAgeSeconds: number;
  /**
   * RESPONSE_CACHE_SIGNED_IN_MAX_BYTES: the most the answers kept for signed-in callers may hold (each caller's
   * own, served again only while nothing has been written since); 0 keeps none.
   */
  signedInMaxBytes: number;
}

/**
 * CORS_ORIGINS: a comma-separated list of exact origins (`scheme://host[:port]`) whose pages may call the API,
 * signed in or not; `*` lets any other origin read anonymously (no Authorization header). `none`: no origin.
 * Outside production the default is the usual local dev-server origins (DEV_CORS_ORIGINS); in production none.
 */
export interface CorsSettings {
  /** The listed origins, exactly as a browser sends them in `Origin`. */
  origins: string[];
  /** `*` was listed: any origin may make anonymous requests. */
  anyOrigin: boolean;
}

/** The bounds of the live updates; REDIS_URL, when set, carries their events between instances. */
export interface SubscriptionSettings {
  /** SUBSCRIPTIONS_MAX_PER_CONNECTION (20): subscriptions one WebSocket may hold at once. */
  maxPerConnection: number;
  /** SUBSCRIPTIONS_MAX_CONNECTIONS_PER_IP (20): WebSockets one address may hold open on one instance. */
  maxConnectionsPerIp: number;
  /** SUBSCRIPTIONS_REDIS_CHANNEL (`indicators:live`): the Redis channel the instances share their events on. */
  redisChannel: string;
}

/** Vite's dev server and its preview, and the port many other dev servers use, by name and by address. */
export const DEV_CORS_ORIGINS = ['5173', '4173', '3000'].flatMap((port) => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
]);

export interface S3Settings {
  /** Base URL of the service, e.g. `https://s3.eu-central-1.amazonaws.com` or `http://minio:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

function intSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function textSetting(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? null : raw;
}

/** The bucket settings when FILE_STORAGE=s3: every one is required, and each is checked for its shape. */
function s3Settings(env: NodeJS.ProcessEnv, problems: string[]): S3Settings | null {
  const names = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
  const values = names.map((name) => textSetting(env, name));
  const missing = names.filter((_, i) => values[i] === null);
  if (missing.length > 0) {
    problems.push(`FILE_STORAGE=s3 needs ${missing.join(', ')}`);
    return null;
  }
  const [endpoint, bucket, region, accessKeyId, secretAccessKey] = values as string[];
  let url: URL | null = null;
  try {
    url = new URL(endpoint);
  } catch {
    url = null;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    problems.push(`S3_ENDPOINT must be an http or https URL without query or credentials, got "${endpoint}"`);
  }
  // Path-style requests put the bucket in the path, so it must be a valid DNS-style bucket name.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    problems.push(`S3_BUCKET must be a bucket name (3–63 of a-z, 0-9, "." and "-"), got "${bucket}"`);
  }
  if (!/^[a-z0-9-]{1,40}$/.test(region)) {
    problems.push(`S3_REGION must be a region name such as eu-central-1, got "${region}"`);
  }
  return { endpoint: endpoint.replace(/\/+$/, ''), bucket, region, accessKeyId, secretAccessKey };
}

/**
 * DATABASE_APP_ROLE: a plain name, so that it reads the same quoted or not, and not one PostgreSQL keeps for
 * itself (`pg_…`). With DATABASE_APP_URL it must be that URL's user, or it would name another role than the
 * one the API connects as.
 */
function appRoleSetting(env: NodeJS.ProcessEnv, appUrl: string | null, problems: string[]): string | null {
  const role = textSetting(env, 'DATABASE_APP_ROLE');
  if (role === null) return null;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role) || role.startsWith('pg_')) {
    problems.push(
      `DATABASE_APP_ROLE must be 1–63 of a-z, 0-9 and "_", not starting with a digit or "pg_", got "${role.slice(0, 70)}"`,
    );
    return null;
  }
  let user = '';
  try {
    user = appUrl ? decodeURIComponent(new URL(appUrl).username) : '';
  } catch {
    user = '';
  }
  if (user !== '' && user !== role) {
    problems.push(`DATABASE_APP_ROLE (${role}) must be the user of DATABASE_APP_URL (${user.slice(0, 70)})`);
  }
  return role;
}

function boolSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

/** HOST, else loopback outside production and every interface (null) in production. */
function hostSetting(env: NodeJS.ProcessEnv, nodeEnv: string, problems: string[]): string | null {
  const raw = textSetting(env, 'HOST');
  if (raw === null) return nodeEnv === 'production' ? null : '127.0.0.1';
  if (net.isIP(raw) === 0 && !/^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(raw)) {
    problems.push(`HOST must be an IP address or a host name, got "${raw.slice(0, 60)}"`);
    return null;
  }
  return raw;
}

function logLevelSetting(env: NodeJS.ProcessEnv, nodeEnv: string, problems: string[]): LogLevel {
  const raw = textSetting(env, 'LOG_LEVEL')?.toLowerCase();
  // A test run prints its own report: request lines would drown it unless asked for.
  if (raw === undefined) return nodeEnv === 'test' ? 'silent' : 'info';
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw.slice(0, 30)}"`);
  return 'info';
}

function graphqlLimits(env: NodeJS.ProcessEnv, nodeEnv: string, problems: string[]): GraphQLLimits {
  return {
    maxDepth: intSetting(env, 'GRAPHQL_MAX_DEPTH', 12, 1, 100, problems),
    maxAliases: intSetting(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 10_000, problems),
    maxDirectives: intSetting(env, 'GRAPHQL_MAX_DIRECTIVES', 20, 0, 10_000, problems),
    maxTokens: intSetting(env, 'GRAPHQL_MAX_TOKENS', 5000, 100, 1_000_000, problems),
    maxBodyBytes: intSetting(env, 'GRAPHQL_MAX_BODY_BYTES', 100 * 1024, 1024, 10 * 1024 * 1024, problems),
    maxCost: intSetting(env, 'GRAPHQL_MAX_COST', 20_000_000, 1, 1_000_000_000, problems),
    maxResultValues: intSetting(env, 'GRAPHQL_MAX_RESULT_VALUES', 300_000, 100, 100_000_000, problems),
    maxResponseBytes: intSetting(
      env,
      'GRAPHQL_MAX_RESPONSE_BYTES',
      16 * 1024 * 1024,
      10 * 1024,
      1024 * 1024 * 1024,
      problems,
    ),
    expensiveCost: intSetting(env, 'GRAPHQL_EXPENSIVE_COST', 100_000, 1, 1_000_000_000, problems),
    maxExpensiveConcurrent: intSetting(env, 'GRAPHQL_MAX_EXPENSIVE_CONCURRENT', 2, 1, 1000, problems),
    maxExpensiveWaiting: intSetting(env, 'GRAPHQL_MAX_EXPENSIVE_WAITING', 16, 0, 100_000, problems),
    introspection: boolSetting(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production', problems),
    persistedQueriesMaxBytes: intSetting(
      env,
      'GRAPHQL_PERSISTED_QUERIES_MAX_BYTES',
      4 * 1024 * 1024,
      0,
      1024 * 1024 * 1024,
      problems,
    ),
    persistedQueriesRedisPrefix: redisPrefixSetting(
      env,
      'PERSISTED_QUERIES_REDIS_PREFIX',
      'indicators:apq:',
      problems,
    ),
  };
}

function redisPrefixSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: string,
  problems: string[],
): string {
  const prefix = textSetting(env, name) ?? fallback;
  if (!/^[A-Za-z0-9:._-]{1,100}$/.test(prefix)) {
    problems.push(
      `${name} must be 1–100 of A-Z, a-z, 0-9, ":", ".", "_" and "-", got "${prefix.slice(0, 60)}"`,
    );
  }
  return prefix;
}

function rateLimitSettings(env: NodeJS.ProcessEnv, problems: string[]): RateLimitSettings {
  const redisUrl = textSetting(env, 'REDIS_URL');
  if (redisUrl !== null && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    problems.push(`REDIS_URL must be a redis:// or rediss:// URL, got "${redisUrl.slice(0, 60)}"`);
  }
  const redisPrefix = textSetting(env, 'RATE_LIMIT_REDIS_PREFIX') ?? 'indicators:rate:';
  if (!/^[A-Za-z0-9:._-]{1,100}$/.test(redisPrefix)) {
    problems.push(
      `RATE_LIMIT_REDIS_PREFIX must be 1–100 of A-Z, a-z, 0-9, ":", ".", "_" and "-", got "${redisPrefix.slice(0, 60)}"`,
    );
  }
  return {
    windowSeconds: intSetting(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400, problems),
    user: intSetting(env, 'RATE_LIMIT_USER', 600, 0, 1_000_000, problems),
    apiKey: intSetting(env, 'RATE_LIMIT_API_KEY', 1200, 0, 1_000_000, problems),
    ip: intSetting(env, 'RATE_LIMIT_IP', 300, 0, 1_000_000, problems),
    imports: intSetting(env, 'RATE_LIMIT_IMPORT', 30, 0, 1_000_000, problems),
    login: intSetting(env, 'LOGIN_RATE_LIMIT', 10, 0, 1_000_000, problems),
    loginAccount: intSetting(env, 'LOGIN_RATE_LIMIT_ACCOUNT', 100, 0, 1_000_000, problems),
    loginAddress: intSetting(env, 'LOGIN_RATE_LIMIT_ADDRESS', 100, 0, 1_000_000, problems),
    loginWindowSeconds: intSetting(env, 'LOGIN_RATE_LIMIT_WINDOW_SECONDS', 15 * 60, 1, 86_400, problems),
    redisUrl,
    redisPrefix,
    trustProxy: intSetting(env, 'TRUST_PROXY', 0, 0, 10, problems),
  };
}

function webhookSettings(env: NodeJS.ProcessEnv, nodeEnv: string, problems: string[]): WebhookSettings {
  const production = nodeEnv === 'production';
  const settings: WebhookSettings = {
    workerEnabled: boolSetting(env, 'WEBHOOK_WORKER', true, problems),
    pollIntervalMs: intSetting(env, 'WEBHOOK_POLL_INTERVAL_MS', 1000, 10, 60_000, problems),
    batchSize: intSetting(env, 'WEBHOOK_BATCH_SIZE', 10, 1, 100, problems),
    timeoutMs: intSetting(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000, problems),
    maxAttempts: intSetting(env, 'WEBHOOK_MAX_ATTEMPTS', 12, 1, 50, problems),
    backoffBaseMs: intSetting(env, 'WEBHOOK_BACKOFF_BASE_MS', 30_000, 10, 3_600_000, problems),
    backoffMaxMs: intSetting(env, 'WEBHOOK_BACKOFF_MAX_MS', 6 * 3_600_000, 10, 7 * 86_400_000, problems),
    retentionDays: intSetting(env, 'WEBHOOK_RETENTION_DAYS', 30, 1, 3650, problems),
    allowHttp: boolSetting(env, 'WEBHOOK_ALLOW_HTTP', false, problems),
    allowHttpLoopback: !production,
    allowPrivateTargets: boolSetting(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', false, problems),
  };
  if (settings.backoffMaxMs < settings.backoffBaseMs) {
    problems.push(
      `WEBHOOK_BACKOFF_MAX_MS (${settings.backoffMaxMs}) must not be less than WEBHOOK_BACKOFF_BASE_MS (${settings.backoffBaseMs})`,
    );
  }
  return settings;
}

function responseCacheSettings(env: NodeJS.ProcessEnv, problems: string[]): ResponseCacheSettings {
  return {
    maxBytes: intSetting(
      env,
      'RESPONSE_CACHE_MAX_BYTES',
      32 * 1024 * 1024,
      0,
      4 * 1024 * 1024 * 1024,
      problems,
    ),
    maxEntries: intSetting(env, 'RESPONSE_CACHE_MAX_ENTRIES', 1000, 1, 1_000_000, problems),
    maxAgeSeconds: intSetting(env, 'RESPONSE_CACHE_MAX_AGE_SECONDS', 60, 0, 86_400, problems),
    signedInMaxBytes: intSetting(
      env,
      'RESPONSE_CACHE_SIGNED_IN_MAX_BYTES',
      64 * 1024 * 1024,
      0,
      4 * 1024 * 1024 * 1024,
      problems,
    ),
  };
}

/** Each entry must be an origin as a browser writes it, so that comparing it with `Origin` is exact. */
function corsSettings(env: NodeJS.ProcessEnv, nodeEnv: string, problems: string[]): CorsSettings {
  const raw = textSetting(env, 'CORS_ORIGINS');
  if (raw === null)
    return { origins: nodeEnv === 'production' ? [] : [...DEV_CORS_ORIGINS], anyOrigin: false };
  if (raw.toLowerCase() === 'none') return { origins: [], anyOrigin: false };
  const settings: CorsSettings = { origins: [], anyOrigin: false };
  const entries = raw.split(',').map((part) => part.trim());
  for (const entry of entries.filter((part) => part !== '')) {
    if (entry === '*') {
      settings.anyOrigin = true;
      continue;
    }
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      if (['http:', 'https:'].includes(url.protocol) && !url.hostname.includes('*')) origin = url.origin;
    } catch {
      origin = null;
    }
    if (origin !== entry) {
      const hint = origin !== null && origin !== 'null' ? ` (did you mean "${origin}"?)` : '';
      problems.push(
        `CORS_ORIGINS must list origins such as https://app.example.org (http or https, host, optional port; no path, no trailing slash, no wildcard) or *, separated by commas; got "${entry.slice(0, 80)}"${hint}`,
      );
    } else if (!settings.origins.includes(origin)) {
      settings.origins.push(origin);
    }
  }
  return settings;
}

function subscriptionSettings(env: NodeJS.ProcessEnv, problems: string[]): SubscriptionSettings {
  const redisChannel = textSetting(env, 'SUBSCRIPTIONS_REDIS_CHANNEL') ?? 'indicators:live';
  if (!/^[A-Za-z0-9:._-]{1,100}$/.test(redisChannel)) {
    problems.push(
      `SUBSCRIPTIONS_REDIS_CHANNEL must be 1–100 of A-Z, a-z, 0-9, ":", ".", "_" and "-", got "${redisChannel.slice(0, 60)}"`,
    );
  }
  return {
    maxPerConnection: intSetting(env, 'SUBSCRIPTIONS_MAX_PER_CONNECTION', 20, 1, 1000, problems),
    maxConnectionsPerIp: intSetting(env, 'SUBSCRIPTIONS_MAX_CONNECTIONS_PER_IP', 20, 1, 100_000, problems),
    redisChannel,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'test', 'production'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV must be development, test or production, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = (
    ['development', 'test', 'production'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development'
  ) as AppConfig['nodeEnv'];
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL.trim() : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection URL');
  }
  if (!databaseUrl && nodeEnv === 'production') {
    problems.push(
      'DATABASE_URL is required when NODE_ENV=production (the embedded database is for development)',
    );
  }
  const databaseAppUrl = textSetting(env, 'DATABASE_APP_URL');
  if (databaseAppUrl && !/^postgres(ql)?:\/\//.test(databaseAppUrl)) {
    problems.push('DATABASE_APP_URL must be a postgres:// or postgresql:// connection URL');
  }
  const databaseAppRole = appRoleSetting(env, databaseAppUrl, problems);
  const databaseAppPassword = textSetting(env, 'DATABASE_APP_PASSWORD');
  if (databaseAppPassword !== null && databaseAppPassword.length < 16) {
    problems.push('DATABASE_APP_PASSWORD must be at least 16 characters long');
  }
  const databaseReplicaUrls = (textSetting(env, 'DATABASE_REPLICA_URLS') ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  for (const url of databaseReplicaUrls) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      problems.push(
        'DATABASE_REPLICA_URLS must be comma-separated postgres:// or postgresql:// connection URLs',
      );
      break;
    }
  }
  if (nodeEnv === 'production' && !databaseAppUrl && !databaseAppPassword) {
    problems.push(
      "DATABASE_APP_URL or DATABASE_APP_PASSWORD is required when NODE_ENV=production (the API connects as the app's role)",
    );
  }
  const config: AppConfig = {
    nodeEnv,
    port: intSetting(env, 'PORT', 4000, 0, 65535, problems),
    host: hostSetting(env, nodeEnv, problems),
    databaseUrl,
    databaseAppUrl,
    databaseAppRole,
    databaseAppPassword,
    databaseReplicaUrls,
    dataDir: path.resolve(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : '.data'),
    embeddedPgPort: intSetting(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535, problems),
    embeddedPgGrantSearch: boolSetting(env, 'EMBEDDED_PG_GRANT_SEARCH', false, problems),
    seedOnStart: boolSetting(env, 'SEED_ON_START', nodeEnv !== 'production', problems),
    logSql: boolSetting(env, 'LOG_SQL', false, problems),
    logLevel: logLevelSetting(env, nodeEnv, problems),
    metricsToken: textSetting(env, 'METRICS_TOKEN'),
    jwtSecret: env.JWT_SECRET && env.JWT_SECRET !== '' ? env.JWT_SECRET : null,
    tokenTtlSeconds: intSetting(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600, problems),
    disclosureMinCount: intSetting(env, 'DISCLOSURE_MIN_COUNT', 5, 1, 1000, problems),
    evidenceFileMaxBytes: intSetting(
      env,
      'EVIDENCE_FILE_MAX_BYTES',
      20 * 1024 * 1024,
      1024,
      200 * 1024 * 1024,
      problems,
    ),
    fileStorage: 'local',
    s3: null,
    graphiql: boolSetting(env, 'GRAPHIQL', nodeEnv !== 'production', problems),
    graphql: graphqlLimits(env, nodeEnv, problems),
    rateLimit: rateLimitSettings(env, problems),
    webhook: webhookSettings(env, nodeEnv, problems),
    responseCache: responseCacheSettings(env, problems),
    cors: corsSettings(env, nodeEnv, problems),
    subscriptions: subscriptionSettings(env, problems),
    fundingStatement: textSetting(env, 'FUNDING_STATEMENT'),
    openDataLicence: textSetting(env, 'OPEN_DATA_LICENCE') ?? DEFAULT_LICENCE,
    publicUrl: textSetting(env, 'PUBLIC_URL'),
  };
  if (!licenceNamed(config.openDataLicence))
    problems.push(
      `OPEN_DATA_LICENCE must be one of ${LICENCES.map((l) => l.name).join(', ')}, got "${config.openDataLicence.slice(0, 40)}"`,
    );
  if (config.publicUrl !== null && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(config.publicUrl))
    problems.push('PUBLIC_URL must be an http:// or https:// address without a query or fragment');
  const fileStorage = textSetting(env, 'FILE_STORAGE') ?? 'local';
  if (fileStorage === 's3') {
    config.fileStorage = 's3';
    config.s3 = s3Settings(env, problems);
  } else if (fileStorage !== 'local') {
    problems.push(`FILE_STORAGE must be local or s3, got "${fileStorage}"`);
  }
  if (config.jwtSecret !== null && config.jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long');
  }
  if (config.metricsToken !== null && config.metricsToken.length < 16) {
    problems.push('METRICS_TOKEN must be at least 16 characters long');
  }
  if (config.fundingStatement !== null) {
    if (config.fundingStatement.length > 500)
      problems.push('FUNDING_STATEMENT must be at most 500 characters long');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(config.fundingStatement))
      problems.push('FUNDING_STATEMENT must be one line of text, without control characters');
  }
  if (config.jwtSecret === null && nodeEnv === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
