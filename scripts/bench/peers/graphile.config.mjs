import process from 'node:process';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
  grafserv: { port: Number(process.env.PORT || 4602), host: '127.0.0.1', graphiql: false },
  grafast: { explain: false },
};
export default preset;
