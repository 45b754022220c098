import type { Browser, Page } from 'playwright-core';
import { startPartnerFrontend, type PartnerFrontend } from '../../examples/partner-frontend/serve';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { listening } from '../support/live';
import { freePort } from '../support/net';
import { DEMO_PASSWORD, signIn, startTestServer, type TestServer } from '../support/server';

const COMMENT = `mutation($input: ReviewCommentCreateInput!) { reviewCommentCreate(input: $input) {
  comment { id } userErrors { code message } } }`;

/**
 * The reference front end of examples/partner-frontend, bundled from npm packages and served on its own origin,
 * driven in Chromium against the API on another: sign-in, the dashboard, a save with its version, and a review
 * comment written elsewhere that appears live.
 */
describe('the reference partner front end, across origins in Chromium', () => {
  let db: TestDatabase;
  let api: TestServer;
  let frontend: PartnerFrontend;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  /** The Access-Control-Allow-Origin of each answer of the API to the page. */
  const allowedOrigins: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    api = await startTestServer(db, { CORS_ORIGINS: origin });
    frontend = await startPartnerFrontend({ apiUrl: api.url, port });
    expect(frontend.url).toBe(origin);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.url().startsWith(api.url))
        allowedOrigins.push(response.headers()['access-control-allow-origin'] ?? 'none');
    });
  });
  afterAll(async () => {
    await browser?.close();
    await frontend?.close();
    await api?.close();
    await db?.drop();
  });

  it('signs an editor in, saves a score with its version, and shows a reviewer’s comment live', async () => {
    await page.goto(frontend.url);
    await page.fill('input[name=email]', 'editor.rs@demo.example');
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('#dashboard:not([hidden])');
    await page.waitForFunction(() =>
      /: cycle 2025$/.test((globalThis as any).document.querySelector('#dashboard-title').textContent),
    );
    expect(await page.textContent('#dashboard-title')).toBe('Serbia: cycle 2025');
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE c.code = '2025' AND a.country_code = 'RS'`,
    );
    expect(await page.textContent('#count')).toBe(`${n} assessments`);

    // A score the editor may change: saved with the version the row shows, which then goes up by one.
    const row = page.locator('#assessments tr:has(button)').first();
    const indicator = (await row.getAttribute('data-indicator'))!;
    const version = Number(await row.locator('td').nth(2).textContent());
    await row.locator('input').fill('2');
    await row.locator('button').click();
    await page.waitForFunction(
      (code) =>
        (globalThis as any).document.querySelector('#save-message').textContent.startsWith(`Saved ${code}`),
      indicator,
    );
    expect(await page.textContent('#save-message')).toBe(`Saved ${indicator}: version ${version + 1}.`);
    const saved = page.locator(`#assessments tr[data-indicator="${indicator}"] td`);
    await expect(saved.nth(2).textContent()).resolves.toBe(String(version + 1));
    expect(await saved.nth(3).textContent()).toBe('2');

    // The reviewer comments from elsewhere (its own client, over HTTP); the page hears it over its WebSocket.
    await listening(api, 2);
    const [submitted] = await db.dataSource.query(
      `SELECT a.id, i.code FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
       JOIN indicator i ON i.id = a.indicator_id
       WHERE c.code = '2025' AND a.country_code = 'RS' AND a.status = 'SUBMITTED' LIMIT 1`,
    );
    expect(submitted).toBeDefined();
    const body = 'Please cite the 2025 funding decision for shelters.';
    const created = await api.query(
      COMMENT,
      { input: { assessmentId: submitted.id, body } },
      await signIn(api, 'reviewer@demo.example'),
    );
    expect(created.data!.reviewCommentCreate.userErrors).toEqual([]);
    const comment = page.locator('#comments li');
    await comment.waitFor();
    expect(await comment.textContent()).toMatch(
      new RegExp(`^CREATED on ${submitted.code.replace('.', '\\.')} by .+: ${body}$`),
    );

    // Everything went to the API on its own origin, allowed by CORS_ORIGINS, and nothing failed in the page.
    expect(new URL(page.url()).origin).not.toBe(new URL(api.url).origin);
    expect(allowedOrigins.length).toBeGreaterThanOrEqual(4);
    expect(new Set(allowedOrigins)).toEqual(new Set([frontend.url]));
    expect(problems).toEqual([]);
  });
});
