import type http from 'node:http';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config';
import type { Logger } from '../../common/logger';
import type { AuthSettings } from '../../modules/auth/auth.settings';
import type { RateLimiter } from '../rate-limit/rate-limit';
import type { LiveBus } from './live-bus';

/** What the live updates are served with: the HTTP server they share, the schema, the database, the bus. */
export interface LiveServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  dataSource: DataSource;
  auth: AuthSettings;
  config: AppConfig;
  bus: LiveBus;
  /** Each upgrade counts as a request of its address (RATE_LIMIT_IP). */
  limiter: RateLimiter;
  logger: Logger;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}
