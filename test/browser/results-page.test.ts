import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { NOT_SCORED_COLOUR, SCORE_COLOURS } from '../../src/modules/results/results.style';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** `#2e7d32` → `rgb(46, 125, 50)`, the way getComputedStyle reports a colour. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

// The project compiles without the DOM library: code that runs in the page reaches its globals via globalThis.

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to send anywhere but the test server (all refused). */
  offsite: string[];
  /** Console errors (CSP violations among them) and uncaught exceptions. */
  problems: string[];
  /** The GraphQL requests the page sent, with their Authorization header. */
  graphql: Array<{ body: any; authorization: string | undefined }>;
}

describe('results page in a headless browser', () => {
  let db: TestDatabase;
  let api: TestServer;
  let browser: Browser;
  let origin: string;
  const opened: Opened[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });
  afterEach(async () => {
    for (const { context } of opened.splice(0)) await context.close();
  });

  async function open(pathname: string, reuse?: Opened): Promise<Opened> {
    let session = reuse;
    if (!session) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      session = { context, page, offsite: [], problems: [], graphql: [] };
      const s = session;
      await page.route('**/*', async (route) => {
        const request = route.request();
        if (new URL(request.url()).hostname !== '127.0.0.1') {
          s.offsite.push(request.url());
          return route.abort('blockedbyclient');
        }
        if (request.url().endsWith('/graphql'))
          s.graphql.push({ body: request.postDataJSON(), authorization: request.headers().authorization });
        return route.continue();
      });
      page.on('console', (message) => {
        if (message.type() === 'error') s.problems.push(message.text());
      });
      page.on('pageerror', (error) => s.problems.push(error.message));
      opened.push(session);
    }
    await session.page.goto(`${origin}${pathname}`);
    await session.page.waitForSelector('#results[data-ready="true"]');
    return session;
  }

  /** The page worked with nothing but the test server, and without a console error or CSP violation. */
  function expectCleanAndOffline(session: Opened): void {
    expect(session.offsite).toEqual([]);
    expect(session.problems).toEqual([]);
  }

  const cell = (page: Page, indicator: string, country: string) =>
    page.locator(`#matrix tr[data-indicator="${indicator}"] td[data-country="${country}"]`);
  const background = (page: Page, indicator: string, country: string) =>
    cell(page, indicator, country).evaluate((td) => (globalThis as any).getComputedStyle(td).backgroundColor);
  const rowCount = (page: Page) => page.locator('#matrix tbody tr[data-indicator]').count();

  async function cycleId(code: string): Promise<string> {
    const [row] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = $1`, [code]);
    return row.id;
  }

  it('shows the published 2024 results to an anonymous reader, coloured by score, and saves a screenshot', async () => {
    const session = await open('/results/2024');
    const { page } = session;
    const [{ n: indicators }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       WHERE c.code = '2024'`,
    );
    expect(indicators).toBe(58);
    expect(await rowCount(page)).toBe(indicators);
    const cellsPerRow = await page.$$eval('#matrix tbody tr[data-indicator]', (rows) =>
      rows.map((r) => r.querySelectorAll('td').length),
    );
    expect(new Set(cellsPerRow)).toEqual(new Set([5]));
    expect(
      await page
        .locator('#matrix thead th[data-country]')
        .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-country'))),
    ).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);
    expect(await page.locator('#matrix tbody.pillar th').allTextContents()).toEqual([
      'PREV Prevention',
      'PROT Protection',
      'PROS Prosecution',
      'PART Partnership',
    ]);

    const [cycle] = await db.dataSource.query(
      `SELECT c.title->>'en' AS title, e.number, to_char(e.published_at AT TIME ZONE 'UTC', 'FMDD FMMonth YYYY') AS day
       FROM monitoring_cycle c JOIN edition e ON e.cycle_id = c.id WHERE c.code = '2024' ORDER BY e.number DESC LIMIT 1`,
    );
    expect(await page.locator('h1').textContent()).toBe(cycle.title);
    expect(await page.locator('#cycle-status').textContent()).toBe('Published');
    expect(await page.locator('#edition').textContent()).toBe(
      `Edition ${cycle.number}, published ${cycle.day}`,
    );

    const [fully] = await db.dataSource.query(
      `SELECT i.code, i.title->>'en' AS title FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND a.score = 3 AND a.status = 'PUBLISHED' ORDER BY i.code LIMIT 1`,
      [await cycleId('2024')],
    );
    const green = cell(page, fully.code, 'RS');
    expect(await green.getAttribute('class')).toContain('score-3');
    expect(await green.locator('.label').textContent()).toBe('3');
    expect(await background(page, fully.code, 'RS')).toBe(rgb(SCORE_COLOURS[3]));
    expect(await page.locator(`#matrix tr[data-indicator="${fully.code}"] th`).textContent()).toBe(
      `${fully.code} ${fully.title}`,
    );

    const [noData] = await db.dataSource.query(
      `SELECT i.code, a.country_code FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       WHERE a.cycle_id = $1 AND a.not_scored_reason = 'NO_DATA' ORDER BY i.code, a.country_code LIMIT 1`,
      [await cycleId('2024')],
    );
    expect(await cell(page, noData.code, noData.country_code).locator('.label').textContent()).toBe(
      'no data',
    );
    expect(await background(page, noData.code, noData.country_code)).toBe(rgb(NOT_SCORED_COLOUR));

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'results-2024.png');
    fs.rmSync(file, { force: true });
    await page.screenshot({ path: file, fullPage: true });
    const png = fs.readFileSync(file);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(20_000);
    expect(session.graphql.every((r) => r.authorization === undefined)).toBe(true);
    expectCleanAndOffline(session);
  });

  it('marks the trend of 2025 against 2024 for the admin signed in through the page’s form', async () => {
    const session = await open('/results/2024');
    const { page } = session;
    await page.fill('#email', 'admin@demo.example');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('#sign-in button[type="submit"]');
    await page.waitForSelector('#signed-in:not([hidden])');
    expect(await page.locator('#user-name').textContent()).toBe('Platform Administrator (admin)');
    await page.waitForSelector('#results[data-ready="true"]');
    expect(await page.locator('#edition').textContent()).toContain('Live data');
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(1);

    await open('/results/2025', session);
    expect(await page.locator('#edition').textContent()).toContain('Live data');
    const compared: Array<{ code: string; country_code: string; score: number; previous: number }> =
      await db.dataSource.query(
        `SELECT i.code, a.country_code, a.score, p.score AS previous FROM assessment a
         JOIN indicator i ON i.id = a.indicator_id
         JOIN assessment p ON p.indicator_id = a.indicator_id AND p.country_code = a.country_code AND p.cycle_id = $2
         WHERE a.cycle_id = $1 AND i.answer_type = 'SCORE' AND a.score IS NOT NULL AND p.score IS NOT NULL
         ORDER BY i.code, a.country_code`,
        [await cycleId('2025'), await cycleId('2024')],
      );
    const rose = compared.filter((c) => c.score > c.previous);
    expect(rose.length).toBeGreaterThan(0);
    const up = cell(page, rose[0].code, rose[0].country_code);
    expect(await up.getAttribute('data-trend')).toBe('IMPROVED');
    expect(await up.locator('.trend').textContent()).toBe('▲');
    expect(await up.locator('.label').textContent()).toBe(String(rose[0].score));
    expect(await up.getAttribute('class')).toContain(`score-${rose[0].score}`);
    expect(await up.textContent()).toContain(`improved since 2024 (was ${rose[0].previous})`);
    const marks = await page.locator('#matrix .trend').allTextContents();
    const shown = (mark: string) => marks.filter((m) => m === mark).length;
    expect([shown('▲'), shown('▼'), shown('=')]).toEqual([
      rose.length,
      compared.filter((c) => c.score < c.previous).length,
      compared.filter((c) => c.score === c.previous).length,
    ]);
    expect(shown('▼') * shown('=')).toBeGreaterThan(0);
    const matrixRequests = session.graphql.filter((r) => r.body.query.includes('comparison('));
    expect(matrixRequests.at(-1)!.authorization).toMatch(/^Bearer \S+$/);
    expect(matrixRequests.at(-1)!.body.variables.cycleId).toBe(await cycleId('2025'));
    expectCleanAndOffline(session);
  });

  it('shows an anonymous reader the open 2025 cycle as "not visible" cells, and keeps it after a failed sign-in', async () => {
    const session = await open('/results/2025');
    const { page } = session;
    expect(await page.locator('#cycle-status').textContent()).toBe('Open');
    expect(await page.locator('#edition').textContent()).toContain('Not published yet');
    const hidden = page.locator('#matrix td.state-hidden');
    expect(await hidden.count()).toBe(58 * 5);
    expect(await page.locator('#matrix td').count()).toBe(58 * 5);
    expect(new Set(await hidden.locator('.label').allTextContents())).toEqual(new Set(['not visible']));
    expect(await page.locator('#matrix td[class*="score-"]').count()).toBe(0);
    expect(
      await hidden.first().evaluate((td) => (globalThis as any).getComputedStyle(td).backgroundImage),
    ).toContain('repeating-linear-gradient');

    await page.fill('#email', 'admin@demo.example');
    await page.fill('#password', 'not-the-password');
    await page.click('#sign-in button[type="submit"]');
    await page.waitForSelector('#sign-in-message.error');
    expect(await page.locator('#sign-in-message').textContent()).not.toBe('');
    expect(await page.locator('#signed-in').isHidden()).toBe(true);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    expectCleanAndOffline(session);
  });

  it('filters the rows to one pillar by asking the API for that area only', async () => {
    const session = await open('/results/2024');
    const { page } = session;
    const [{ n: protection }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM indicator i JOIN area a ON a.id = i.area_id LEFT JOIN area p ON p.id = a.parent_id
       JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       WHERE c.code = '2024' AND (a.code = 'PROT' OR p.code = 'PROT')`,
    );
    expect(protection).toBeGreaterThan(0);
    await page.selectOption('#area', 'PROT');
    await page.waitForSelector('#results[data-ready="true"][data-loaded-area="PROT"]');
    expect(await rowCount(page)).toBe(protection);
    expect(
      new Set(
        await page
          .locator('#matrix tbody tr[data-indicator]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pillar'))),
      ),
    ).toEqual(new Set(['PROTECTION']));
    expect(session.graphql.at(-1)!.body.variables.areaCode).toBe('PROT');
    expect(new URL(page.url()).searchParams.get('area')).toBe('PROT');

    await page.reload();
    await page.waitForSelector('#results[data-ready="true"][data-loaded-area="PROT"]');
    expect(await rowCount(page)).toBe(protection);
    await page.selectOption('#area', '');
    await page.waitForSelector('#results[data-ready="true"][data-loaded-area=""]');
    expect(await rowCount(page)).toBe(58);
    expectCleanAndOffline(session);
  });

  it('shows data as text, never as markup', async () => {
    const markup =
      '<img src="x" onerror="window.__injected = 1">Serbia<script>window.__injected = 2</script>';
    await db.dataSource.query(
      `UPDATE country SET name = jsonb_set(name, '{en}', to_jsonb($1::text)) WHERE code = 'RS'`,
      [markup],
    );
    try {
      const session = await open('/results/2024');
      const { page } = session;
      expect(await page.locator('#matrix thead th[data-country="RS"] span[lang]').textContent()).toBe(markup);
      expect(await page.locator('#matrix img, #matrix script').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as any).__injected)).toBeUndefined();
      expectCleanAndOffline(session);
    } finally {
      await db.dataSource.query(
        `UPDATE country SET name = jsonb_set(name, '{en}', '"Serbia"') WHERE code = 'RS'`,
      );
    }
  });

  it('sends a fresh nonce in a strict Content-Security-Policy, and a 400 page for a malformed cycle code', async () => {
    const first = await fetch(`${origin}/results/2024`);
    const second = await fetch(`${origin}/results/2024`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = first.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1];
    for (const directive of [
      "default-src 'none'",
      `style-src 'nonce-${nonce}'`,
      "connect-src 'self'",
      "img-src 'self' data:",
      "form-action 'none'",
      "base-uri 'none'",
    ])
      expect(csp).toContain(directive);
    const html = await first.text();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toMatch(/<html lang="en">/);
    expect(second.headers.get('content-security-policy')).not.toBe(csp);

    const bad = await fetch(`${origin}/results/${encodeURIComponent('<b>x</b>')}`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await bad.text();
    expect(body).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(body).not.toContain('<b>x</b>');

    const context = await browser.newContext();
    opened.push({ context, page: await context.newPage(), offsite: [], problems: [], graphql: [] });
    const page = opened.at(-1)!.page;
    const response = await page.goto(`${origin}/results/${encodeURIComponent('no code!')}`);
    expect(response!.status()).toBe(400);
    expect(await page.locator('h1').textContent()).toBe('Not a cycle code');
  });
});
