import type { Express, Request, Response } from 'express';
import type { RequestContext } from '../../common/context';
import { isId } from '../../common/validation';
import { sendRouteError, type RouteRunner } from '../../common/route';
import { publicationFacts } from '../deployment/publication';
import { Edition } from '../edition/edition.entity';
import { hydrate } from '../../common/paging';
import { editionsFeed, type FeedEdition } from './open-data.feed';
import { buildDataPackage } from './open-data.package';
import { OPEN_DATA_RESOURCES } from './open-data.resources';
import { configuredPublicUrl, FEED_PATH } from './open-data.settings';

/** PUBLIC_URL, else the origin the request came to. */
function baseOf(req: Request): string {
  return configuredPublicUrl() ?? `${req.protocol}://${req.get('host')}`;
}

const RESOURCE_NAMES = new Set(OPEN_DATA_RESOURCES.map((r) => r.name));

async function editionPackage(req: Request, ctx: RequestContext) {
  const id = String(req.params.editionId);
  if (!isId(id)) return null;
  const rows = await ctx.db.query(`SELECT * FROM edition WHERE id = $1`, [id]);
  if (!rows.length) return null;
  const edition = hydrate(ctx.db, Edition, rows[0]);
  return buildDataPackage(edition, await publicationFacts(ctx), baseOf(req));
}

function notFound(res: Response): void {
  sendRouteError(res, 404, { code: 'NOT_FOUND', message: 'No published edition has this id.' });
}

// A published edition never changes: its package may be kept a day. The feed changes with each publication.
const IMMUTABLE = 'public, max-age=86400';

/**
 * Editions as open data, for anyone: `GET /open-data/editions.atom` (the Atom feed of published editions),
 * `GET /open-data/editions/:editionId/datapackage.json` (an edition's stable URL: its Frictionless Data Package)
 * and `GET /open-data/editions/:editionId/<resource>.csv` (its resources). Only what an edition froze for the
 * public is in them: published assessments and their public evidence.
 */
export function registerOpenDataRoutes(app: Express, options: { routes: RouteRunner }): void {
  const handle = options.routes({ failureOf: () => null });
  app.get(
    FEED_PATH,
    handle(async (req, res, ctx) => {
      const rows: Array<Record<string, unknown>> = await ctx.db.query(
        `SELECT e.id, e.number, e.published_at, e.content_sha256, c.code, c.title->>'en' AS title
         FROM edition e JOIN monitoring_cycle c ON c.id = e.cycle_id ORDER BY e.published_at DESC, e.id`,
      );
      const editions: FeedEdition[] = rows.map((row) => ({
        id: String(row.id),
        number: Number(row.number),
        publishedAt: new Date(row.published_at as string),
        contentSha256: String(row.content_sha256),
        cycleCode: String(row.code),
        cycleTitle: String(row.title),
      }));
      const xml = editionsFeed(editions, await publicationFacts(ctx), baseOf(req));
      res.status(200).set('Cache-Control', 'no-cache').type('application/atom+xml; charset=utf-8').send(xml);
    }),
  );
  app.get(
    '/open-data/editions/:editionId/datapackage.json',
    handle(async (req, res, ctx) => {
      const pkg = await editionPackage(req, ctx);
      if (!pkg) return notFound(res);
      res.status(200).set('Cache-Control', IMMUTABLE).json(pkg.descriptor);
    }),
  );
  app.get(
    '/open-data/editions/:editionId/:resource.csv',
    handle(async (req, res, ctx) => {
      const name = String(req.params.resource);
      const pkg = RESOURCE_NAMES.has(name) ? await editionPackage(req, ctx) : null;
      if (!pkg) return notFound(res);
      res
        .status(200)
        .set('Cache-Control', IMMUTABLE)
        .set('Content-Disposition', `attachment; filename="${name}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(pkg.files.get(name));
    }),
  );
}
