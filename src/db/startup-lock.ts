import { Client } from 'pg';

/**
 * The key of the PostgreSQL advisory lock that the start-up work of one database is done under. Advisory locks
 * belong to one database, so deployments of other databases on the same server never wait for each other.
 */
export const STARTUP_LOCK_KEY = 0x696e_6469; // "indi"

/**
 * Runs `work` while holding the start-up lock of the database at `url`: instances started together migrate,
 * load the demo data and prepare the app's role one after the other, never at the same time. The lock is held
 * by a connection of its own, so `work` may use any pool, even one of a single connection; should that
 * connection break, PostgreSQL releases the lock with it. `onWait` runs when another instance holds it.
 */
export async function withStartupLock<T>(
  url: string,
  work: () => Promise<T>,
  onWait?: () => void,
): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'indicators-api-startup' });
  // A broken connection fails the statement that is waiting on it; the event itself needs no handling.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      STARTUP_LOCK_KEY,
    ]);
    if (!rows[0].locked) {
      onWait?.();
      await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    }
    return await work();
  } finally {
    // Ending the session releases the lock: no unlock to forget on any path.
    await client.end().catch(() => undefined);
  }
}
