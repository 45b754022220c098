import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Express, Request } from 'express';
import type { AppConfig } from '../../config';
import { graphiqlPage, type GraphiqlAssetUrls } from './graphiql.page';
import { GRAPHIQL_PAGE_STYLE, GRAPHIQL_SCRIPT } from './graphiql.script';

const ASSET_PREFIX = '/graphiql/assets/';

interface Asset {
  contentType: string;
  body: Buffer;
  gzipped?: Buffer;
}

interface Assets {
  urls: GraphiqlAssetUrls;
  byName: Map<string, Asset>;
}

function packageFile(pkg: string, file: string): Buffer {
  return fs.readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file));
}

let loaded: Assets | null = null;

/**
 * GraphiQL, React and ReactDOM come from the installed packages (no CDN: the page must work without internet).
 * Each file is named after a hash of its content, so browsers may keep it for a year and an upgrade still
 * reaches them. Read once per process.
 */
function assets(): Assets {
  if (loaded) return loaded;
  const byName = new Map<string, Asset>();
  const add = (stem: string, ext: 'js' | 'css', body: Buffer): string => {
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const name = `${stem}.${hash}.${ext}`;
    const contentType = ext === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
    byName.set(name, { contentType, body });
    return ASSET_PREFIX + name;
  };
  const urls: GraphiqlAssetUrls = {
    reactJs: add('react.production.min', 'js', packageFile('react', 'umd/react.production.min.js')),
    reactDomJs: add(
      'react-dom.production.min',
      'js',
      packageFile('react-dom', 'umd/react-dom.production.min.js'),
    ),
    graphiqlJs: add('graphiql.min', 'js', packageFile('graphiql', 'graphiql.min.js')),
    graphiqlCss: add('graphiql.min', 'css', packageFile('graphiql', 'graphiql.min.css')),
    pageCss: add('page', 'css', Buffer.from(GRAPHIQL_PAGE_STYLE)),
    startJs: add('start', 'js', Buffer.from(GRAPHIQL_SCRIPT)),
  };
  loaded = { urls, byName };
  return loaded;
}

/**
 * Only this server's files run or style the page, and it talks only to this origin. GraphiQL needs neither
 * 'unsafe-eval' nor 'unsafe-inline': React and CodeMirror set styles through the CSSOM (element.style), which
 * style-src does not govern, and the one `<style>` element it adds (the dialogs' scroll lock) carries the
 * response's nonce. Its stylesheet embeds its fonts and icons as data: URLs, hence `data:` for fonts and
 * images. The page's settings are a JSON data block, which is never executed.
 */
export function graphiqlContentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A person's browser opening /graphql; API clients (JSON, or no preference) and GET operations go to Apollo. */
function wantsPage(req: Request): boolean {
  if (req.query.query !== undefined || req.query.extensions !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * Without GraphiQL (setting GRAPHIQL), a browser opening /graphql is told how to call the API, rather than
 * meeting Apollo's refusal of a GET without a query.
 */
function registerNoPage(app: Express): void {
  app.get('/graphql', (req, res, next) => {
    if (!wantsPage(req)) return next();
    res
      .status(406)
      .set({ Vary: 'Accept', 'Cache-Control': 'no-store' })
      .json({
        errors: [
          {
            message:
              'This server serves no query editor (setting GRAPHIQL): send GraphQL requests to /graphql with ' +
              'POST and a JSON body {"query": "…", "variables": {…}}.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
  });
}

/**
 * `GET /graphql` from a browser: GraphiQL, served with its files under /graphiql/assets/ from the project's own
 * dependencies, when the GRAPHIQL setting is on. Register before the GraphQL middleware; every other request to
 * /graphql passes on to it.
 */
export function registerGraphiqlRoutes(app: Express, config: Pick<AppConfig, 'nodeEnv' | 'graphiql'>): void {
  if (!config.graphiql) {
    registerNoPage(app);
    return;
  }
  const options = { demoAccount: config.nodeEnv !== 'production' };

  app.get(`${ASSET_PREFIX}:name`, (req, res) => {
    const asset = assets().byName.get(String(req.params.name));
    res.set('X-Content-Type-Options', 'nosniff');
    if (!asset) {
      res.status(404).set('Cache-Control', 'no-store').type('text').send('Not found');
      return;
    }
    res.set({
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      Vary: 'Accept-Encoding',
    });
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      asset.gzipped ??= gzipSync(asset.body);
      res.set('Content-Encoding', 'gzip').send(asset.gzipped);
    } else {
      res.send(asset.body);
    }
  });

  app.get('/graphql', (req, res, next) => {
    if (!wantsPage(req)) return next();
    const styleNonce = randomBytes(18).toString('base64');
    res
      .status(200)
      .set({
        'Content-Security-Policy': graphiqlContentSecurityPolicy(styleNonce),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        // The same URL answers API clients with JSON, so caches must key on Accept.
        Vary: 'Accept',
        // A nonce must not be replayed from a cache.
        'Cache-Control': 'no-store',
      })
      .type('html')
      .send(graphiqlPage(assets().urls, { ...options, styleNonce }));
  });
}
