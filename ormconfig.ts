import { createDataSource } from './src/db/data-source';

/**
 * The DataSource for the TypeORM CLI (`npm run migration:generate`). It uses DATABASE_URL, or the embedded
 * database that `npm start` runs when DATABASE_URL is unset.
 */
const url =
  process.env.DATABASE_URL ||
  `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT || 54329}/indicators`;

export default createDataSource({ url, logSql: process.env.LOG_SQL === 'true' });
