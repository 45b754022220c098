/**
 * Whether an error means the database cannot be reached right now (down, restarting, refusing connections, or
 * the connection dropped mid-request), as opposed to a bug or a refused statement. Such requests are answered
 * SERVICE_UNAVAILABLE at once, and the pool reconnects by itself when the database is back.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  '53300', // too_many_connections
  '55000', // object_not_in_prerequisite_state: the database does not accept connections
]);

const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /is not currently accepting connections/i,
  // The driver gives a request's connection back by itself when the server drops it; the request's next statement
  // then meets a released runner.
  /Query runner already released/i,
  /connection provided by a query runner was already/i,
  // The request's transaction was ended under it: its connection broke, or its client went away.
  /The request has ended: its transaction takes no more statements/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      originalError?: unknown;
      cause?: unknown;
    };
    if (
      typeof e.code === 'string' &&
      (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_NODE_CODES.has(e.code))
    )
      return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string)))
      return true;
    current = e.driverError ?? e.originalError ?? e.cause;
  }
  return false;
}
