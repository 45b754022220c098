import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { StatementLogger } from './statement-counter';

// Plain dates stay 'YYYY-MM-DD' strings: turning them into local-time Date objects shifts them across zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface DataSourceOptions {
  url: string;
  logSql?: boolean;
  poolSize?: number;
  applicationName?: string;
  /** Read replicas: query runners opened in `slave` mode read from one of them, everything else the primary. */
  replicaUrls?: string[];
}

/** The DataSource of the app, the CLI and the tests. The schema comes only from the migrations. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    ...(options.replicaUrls?.length
      ? {
          replication: {
            master: { url: options.url },
            slaves: options.replicaUrls.map((url) => ({ url })),
          },
        }
      : { url: options.url }),
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is created behind the migrations' back.
    installExtensions: false,
    logger: new StatementLogger(options.logSql ?? false),
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'indicators-api',
      connectionTimeoutMillis: 5000,
    },
  });
}
