import process from 'node:process';
import { createHmac } from 'node:crypto';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';

// The same row-level security as the service: connected as the database's app role, each request in a
// transaction signed in through the database's own sign-in function, `app_sign_in_as`, whose proof is keyed from
// the service's JWT_SECRET (src/db/row-security-key.ts). Plain set_config settings are not sealed, and the
// policies read them as the public's. SBS_AS picks the caller: the editor of RS (the dashboard) or the reviewer.
const CALLERS = {
  editor: ['user', 'COUNTRY_EDITOR', '{RS}'],
  reviewer: ['user', 'REVIEWER', '{}'],
};
const caller = CALLERS[process.env.SBS_AS || 'editor'];
const key = createHmac('sha256', process.env.SBS_JWT_SECRET).update('row-security-seal').digest();
const proof = createHmac('sha256', key)
  .update(['as', ...caller].join('|'), 'utf8')
  .digest('hex');

const service = makePgService({
  connectionString: process.env.DATABASE_URL,
  schemas: ['public'],
  // Any setting makes PostGraphile open a transaction for the request; the sign-in below then seals its own.
  pgSettings: () => ({ 'app.principal': caller[0], 'app.role': caller[1], 'app.countries': caller[2] }),
});
const base = service.adaptor;
service.adaptor = {
  ...base,
  createWithPgClient(settings, variant) {
    const inner = base.createWithPgClient(settings, variant);
    // Only requests carry settings (and so a transaction); introspection runs without.
    const withPgClient = (pgSettings, callback) =>
      pgSettings == null
        ? inner(pgSettings, callback)
        : inner(pgSettings, async (client) => {
            await client.query({ text: 'select app_sign_in_as($1, $2, $3, $4)', values: [...caller, proof] });
            return callback(client);
          });
    withPgClient.release = inner.release;
    return withPgClient;
  },
};

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [service],
  grafserv: { port: Number(process.env.PORT || 4603), host: '127.0.0.1', graphiql: false },
  grafast: { explain: false },
};
export default preset;
