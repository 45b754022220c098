import { randomBytes } from 'node:crypto';
import type { Express, Response } from 'express';
import { badCycleCodePage, resultsPage } from './results.page';

/** The same rule as the monitoring_cycle.code check constraint, so nothing that could name a cycle is refused. */
const CYCLE_CODE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;

/**
 * Nothing but the page's own nonce-tagged style and script runs, and the script may talk only to this origin:
 * injected markup cannot run, load anything or post the sign-in form elsewhere.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function sendPage(res: Response, status: number, nonce: string, html: string): void {
  res
    .status(status)
    .set({
      'Content-Security-Policy': contentSecurityPolicy(nonce),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // A nonce must not be replayed from a cache.
      'Cache-Control': 'no-store',
    })
    .type('html')
    .send(html);
}

/** `GET /results/:cycleCode`: the comparison of a cycle as a page for people, fed by the GraphQL API. */
export function registerResultsRoutes(app: Express): void {
  app.get('/results/:cycleCode', (req, res) => {
    const nonce = randomBytes(18).toString('base64');
    const code = String(req.params.cycleCode);
    if (!CYCLE_CODE.test(code)) sendPage(res, 400, nonce, badCycleCodePage(code, nonce));
    else sendPage(res, 200, nonce, resultsPage(code, nonce));
  });
}
