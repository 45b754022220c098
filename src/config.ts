import path from 'node:path';

/** Configuration read once from the environment; every value is validated so a bad one stops the start. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** When null, an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  /** Whether the demo data is loaded into an empty database at start. */
  seedOnStart: boolean;
  logSql: boolean;
  /** Secret that signs sign-in tokens; null means "make one and keep it under dataDir" (not in production). */
  jwtSecret: string | null;
  tokenTtlSeconds: number;
  /** Largest evidence file accepted, in bytes. */
  evidenceFileMaxBytes: number;
  /** Where evidence files are kept: a local directory (`<dataDir>/files`) or an S3-compatible bucket. */
  fileStorage: 'local' | 's3';
  /** The bucket settings; set exactly when `fileStorage` is `s3`. */
  s3: S3Settings | null;
}

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

function boolSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
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
  const config: AppConfig = {
    nodeEnv,
    port: intSetting(env, 'PORT', 4000, 0, 65535, problems),
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : '.data'),
    embeddedPgPort: intSetting(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535, problems),
    seedOnStart: boolSetting(env, 'SEED_ON_START', nodeEnv !== 'production', problems),
    logSql: boolSetting(env, 'LOG_SQL', false, problems),
    jwtSecret: env.JWT_SECRET && env.JWT_SECRET !== '' ? env.JWT_SECRET : null,
    tokenTtlSeconds: intSetting(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600, problems),
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
  };
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
  if (config.jwtSecret === null && nodeEnv === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
