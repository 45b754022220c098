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
  };
  if (config.jwtSecret !== null && config.jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long');
  }
  if (config.jwtSecret === null && nodeEnv === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
