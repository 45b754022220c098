import { ConfigError, loadConfig } from '../src/config';

describe('configuration', () => {
  it('has working defaults for a new machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      databaseUrl: null,
      seedOnStart: true,
    });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('names every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x', SEED_ON_START: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/NODE_ENV/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/SEED_ON_START/);
  });

  it('listens on loopback outside production, on every interface in production, or on HOST', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://x/y',
      DATABASE_APP_PASSWORD: 'y'.repeat(16),
      JWT_SECRET: 'x'.repeat(32),
    };
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadConfig(production).host).toBeNull();
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...production, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
    expect(loadConfig({ HOST: 'api.internal' }).host).toBe('api.internal');
    expect(() => loadConfig({ HOST: 'http://0.0.0.0' })).toThrow(/HOST must be an IP address or a host name/);
  });

  it('changes no directory above the embedded PostgreSQL unless EMBEDDED_PG_GRANT_SEARCH is set', () => {
    expect(loadConfig({}).embeddedPgGrantSearch).toBe(false);
    expect(loadConfig({ EMBEDDED_PG_GRANT_SEARCH: 'true' }).embeddedPgGrantSearch).toBe(true);
  });

  it('requires a real database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required/);
  });
});
