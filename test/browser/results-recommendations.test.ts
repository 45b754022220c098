import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/server';

/** The recommendations view of the public results page, checked against the register in the database. */
describe('results page: recommendations and their follow-up', () => {
  let db: TestDatabase;
  let api: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  async function withPage(cycleCode: string, check: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${new URL(api.url).origin}/results/${cycleCode}`);
      await page.waitForSelector('#recommendations[data-ready="true"]');
      await check(page);
    } finally {
      await context.close();
    }
  }

  it('shows the public, per country, each recommendation with its published follow-up in the cycle', async () => {
    const expected: Array<{ country_code: string; id: string; implementation_status: string }> =
      await db.dataSource.query(
        `SELECT r.country_code, r.id, f.implementation_status FROM recommendation r
         JOIN recommendation_follow_up f ON f.recommendation_id = r.id
         JOIN monitoring_cycle c ON c.id = f.cycle_id
         WHERE c.code = '2024' AND f.status = 'PUBLISHED' ORDER BY r.country_code, r.id`,
      );
    expect(new Set(expected.map((r) => r.country_code)).size).toBe(5);

    await withPage('2024', async (page) => {
      const shown = await page.$$eval('#recommendation-list table', (tables) =>
        tables.flatMap((table) =>
          Array.from(table.querySelectorAll('tbody tr')).map((tr: any) => ({
            country_code: table.getAttribute('data-country') as string,
            id: tr.getAttribute('data-recommendation') as string,
            implementation_status: tr.querySelector('td.follow-up')!.getAttribute('data-status') as string,
            label: tr.querySelector('td.follow-up')!.textContent as string,
            text: tr.children[1].textContent as string,
          })),
        ),
      );
      const sorted = [...shown].sort(
        (a, b) => a.country_code.localeCompare(b.country_code) || a.id.localeCompare(b.id),
      );
      expect(
        sorted.map(({ country_code, id, implementation_status }) => ({
          country_code,
          id,
          implementation_status,
        })),
      ).toEqual(expected);
      for (const row of shown) {
        expect(row.text.trim().length).toBeGreaterThan(0);
        expect(row.label).toBe(
          row.implementation_status.charAt(0) +
            row.implementation_status.slice(1).toLowerCase().replace(/_/g, ' '),
        );
      }
      const captions = await page.$$eval('#recommendation-list caption', (nodes) =>
        nodes.map((n) => n.textContent),
      );
      expect(captions).toHaveLength(5);
      expect(captions.some((c) => c?.startsWith('Serbia'))).toBe(true);
      expect(await page.locator('#recommendations-status').textContent()).toBe(
        `${expected.length} recommendations in 5 countries`,
      );
    });
  });

  it('shows the public no follow-up of a cycle that is not published', async () => {
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM recommendation_follow_up f JOIN monitoring_cycle c ON c.id = f.cycle_id
       WHERE c.code = '2025'`,
    );
    expect(n).toBeGreaterThan(0);
    await withPage('2025', async (page) => {
      expect(await page.locator('#recommendation-list tr').count()).toBe(0);
      expect(await page.locator('#recommendations-status').textContent()).toBe(
        'No recommendation has a follow-up in this cycle that you may see.',
      );
    });
  });
});
