import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/config';

// The deployment files are read as an operator's `docker compose` reads them; no Docker engine is needed.
const root = path.join(__dirname, '..');
const dockerDir = path.join(root, 'docker');
const read = (file: string) => fs.readFileSync(path.join(dockerDir, file), 'utf8');

interface Service {
  build?: { context: string; dockerfile: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  volumes?: string[];
  ports?: string[];
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const apiNames = Object.keys(services).filter(
  (name) => services[name].build?.dockerfile === 'docker/Dockerfile' && services[name].command === undefined,
);

/** The values of docker/env.example, which stand for the operator's docker/.env. */
function exampleEnv(): Record<string, string> {
  const entries = read('env.example')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]);
  return Object.fromEntries(entries);
}

/** Compose's `${NAME:?message}` and `${NAME:-default}` interpolation; a missing required value throws. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Z_]+)(?::([?-])([^}]*))?\}/g,
    (_m, name: string, kind?: string, rest?: string) => {
      if (env[name]) return env[name];
      if (kind === '-') return rest ?? '';
      throw new Error(`${name} is required: ${rest}`);
    },
  );
}

/** The last stage of the Dockerfile: what the production image is made of. */
function finalStage(): string[] {
  const lines = read('Dockerfile')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const lastFrom = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  return lines.slice(lastFrom);
}

describe('docker-compose.yml', () => {
  it('runs two API replicas of the production image behind the proxy', () => {
    expect(apiNames.sort()).toEqual(['api-1', 'api-2']);
    for (const name of apiNames) {
      expect(services[name].environment).toMatchObject({
        NODE_ENV: 'production',
        REDIS_URL: 'redis://redis:6379',
        // HAProxy is the one proxy in front of the replicas.
        TRUST_PROXY: '1',
      });
      expect(services[name].environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(services[name].depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
      });
      // Evidence files written by one replica are read by the other.
      expect(services[name].volumes).toContain('api-data:/app/.data');
    }
    expect(Object.keys(services).sort()).toEqual(
      [...apiNames, 'migrate', 'postgres', 'proxy', 'redis'].sort(),
    );
    expect(services.proxy.depends_on).toEqual(
      Object.fromEntries(apiNames.map((name) => [name, { condition: 'service_healthy' }])),
    );
  });

  it('migrates once, with the compiled migration command, before any replica starts', () => {
    const migrate = services.migrate;
    expect(migrate.build).toEqual(services['api-1'].build);
    expect(migrate.command).toEqual(['node', 'dist/scripts/db.js', 'migrate']);
    expect(migrate.restart).toBe('no');
    expect(migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    // dist/ mirrors the sources the build compiles, and the script knows the command.
    const build = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
    };
    expect(build.include).toEqual(expect.arrayContaining(['src', 'scripts', 'migrations']));
    expect(fs.readFileSync(path.join(root, 'scripts/db.ts'), 'utf8')).toMatch(/command === 'migrate'/);
    expect(finalStage()).toContain('CMD ["node", "dist/src/main.js"]');
  });

  it('gives every long-running service a health check', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'migrate') continue;
      expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
      expect({ name, disabled: service.healthcheck?.disable ?? false }).toEqual({ name, disabled: false });
      expect({ name, test: service.healthcheck?.test?.[0] }).toEqual({
        name,
        test: expect.stringMatching(/^CMD(-SHELL)?$/),
      });
    }
    for (const name of apiNames) expect(services[name].healthcheck?.test?.join(' ')).toMatch(/\/readyz/);
  });

  it('commits no secret: each one comes from the environment or docker/.env', () => {
    const secret = /PASSWORD|SECRET|TOKEN|KEY/;
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (secret.test(key)) {
          expect({ name, key, value }).toEqual({
            name,
            key,
            value: expect.stringMatching(/^\$\{[A-Z_]+:\?.+\}$/),
          });
        }
        if (key === 'DATABASE_URL')
          expect(value).toMatch(/^postgres:\/\/indicators:\$\{POSTGRES_PASSWORD:\?/);
      }
    }
    expect(services['api-1'].environment?.DATABASE_APP_PASSWORD).toMatch(/^\$\{DATABASE_APP_PASSWORD:\?/);
    // The example holds placeholders only, and the real file stays out of git.
    for (const [key, value] of Object.entries(exampleEnv())) {
      expect({ key, value }).toEqual({ key, value: expect.stringMatching(/^change-me/) });
    }
    expect(read('.gitignore').split('\n')).toContain('.env');
  });

  it('sets the replicas up with a configuration the API accepts', () => {
    const env = exampleEnv();
    for (const name of apiNames) {
      const settings = Object.fromEntries(
        Object.entries(services[name].environment ?? {}).map(([key, value]) => [
          key,
          interpolate(value, env),
        ]),
      );
      const config = loadConfig(settings);
      expect(config).toMatchObject({ nodeEnv: 'production', port: 4000, seedOnStart: false });
      expect(config.rateLimit).toMatchObject({ redisUrl: 'redis://redis:6379', trustProxy: 1 });
    }
    expect(() => interpolate(services['api-1'].environment!.JWT_SECRET, {})).toThrow(/JWT_SECRET/);
  });
});

describe('docker/Dockerfile', () => {
  it('runs the production image as a non-root user with production dependencies only', () => {
    const stage = finalStage();
    const users = stage.filter((line) => /^USER\s/i.test(line)).map((line) => line.split(/\s+/)[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users[users.length - 1]);
    expect(stage.some((line) => /^HEALTHCHECK\s/i.test(line))).toBe(true);
    expect(read('Dockerfile')).toMatch(/npm prune --omit=dev/);
  });
});

describe('docker/haproxy.cfg', () => {
  const config = read('haproxy.cfg')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);

  it('balances over both replicas and checks that each is ready', () => {
    expect(services.proxy.volumes).toContain('./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    const servers = config.filter((line) => line.startsWith('server ')).map((line) => line.split(/\s+/)[2]);
    expect(servers.sort()).toEqual(apiNames.map((name) => `${name}:4000`).sort());
    const defaults = config.find((line) => line.startsWith('default-server '));
    expect(defaults?.split(/\s+/)).toContain('check');
    expect(config).toContain('option httpchk');
    expect(config).toContain('http-check send meth GET uri /readyz');
  });

  it('passes the caller on in the proxy headers', () => {
    expect(config).toContain('option forwardfor');
    expect(config.some((line) => line.startsWith('http-request set-header X-Forwarded-Proto'))).toBe(true);
    expect(config.some((line) => line.startsWith('http-request set-header X-Forwarded-Host'))).toBe(true);
    // The proxy's own health check answers without a replica.
    const probe = services.proxy.healthcheck?.test?.join(' ') ?? '';
    const monitor = config.find((line) => line.startsWith('monitor-uri '))?.split(/\s+/)[1];
    expect(monitor).toBeDefined();
    expect(probe).toContain(`:8080${monitor}`);
    expect(config).toContain('bind :8080');
  });
});

describe('docs/operations.md', () => {
  it('lists every setting the configuration reads', () => {
    const source = fs.readFileSync(path.join(root, 'src/config.ts'), 'utf8');
    // Read by name ('RATE_LIMIT_USER') or directly (env.DATABASE_URL).
    const names = source.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|PORT)'|env\.([A-Z][A-Z0-9_]+)/g);
    const settings = new Set([...names].map((m) => m[1] ?? m[2]));
    const docs = fs.readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
    expect(settings.size).toBeGreaterThan(40);
    expect([...settings].filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });
});
