import type { Express } from 'express';
import type { DataSource } from 'typeorm';

/**
 * `/healthz`: the process is alive (for a liveness probe; never touches the database, so a database outage does
 * not get healthy instances restarted). `/readyz`: the database answers and every migration is applied (for a
 * readiness probe and the load balancer).
 */
export function registerHealthRoutes(app: Express, dataSource: DataSource): void {
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await dataSource.query('SELECT 1');
      if (await dataSource.showMigrations()) {
        res.status(503).json({ status: 'unavailable', database: 'ok', migrations: 'pending' });
        return;
      }
      res.json({ status: 'ok', database: 'ok', migrations: 'applied' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
