import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server';

/** 14 victims: 11 women and 3 men; 4 children and 10 adults; crossed (dimensions in their stored order). */
const FOURTEEN: Array<[string[], string[], number]> = [
  [['sex'], ['female'], 11],
  [['sex'], ['male'], 3],
  [['age'], ['child'], 4],
  [['age'], ['adult'], 10],
  [['sex', 'age'], ['female', 'child'], 2],
  [['sex', 'age'], ['female', 'adult'], 9],
  [['sex', 'age'], ['male', 'child'], 2],
  [['sex', 'age'], ['male', 'adult'], 1],
];

/** What the code run in the page uses of an element (the project compiles without the DOM library). */
interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

interface Shown {
  dimensions: string;
  rows: Array<{ category: string; cells: Array<{ text: string; suppressed: boolean }> }>;
}

describe('results page: the breakdown of one indicator', () => {
  let db: TestDatabase;
  let api: TestServer;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
    browser = await launchChromium();
    const [row] = await db.dataSource.query(
      `SELECT a.id FROM assessment a JOIN indicator i ON i.id = a.indicator_id JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE a.country_code = 'RS' AND c.code = '2024' AND i.code = 'PROT-1.3'`,
    );
    await db.dataSource.query(`UPDATE assessment SET value_number = 14 WHERE id = $1`, [row.id]);
    await db.dataSource.query(`DELETE FROM assessment_breakdown WHERE assessment_id = $1`, [row.id]);
    for (const [dims, cats, value] of FOURTEEN)
      await db.dataSource.query(
        `INSERT INTO assessment_breakdown (assessment_id, country_code, dimension_codes, category_codes, value)
         VALUES ($1, 'RS', $2, $3, $4)`,
        [row.id, dims, cats, value],
      );
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  /** The breakdown tables as the reader sees them. */
  async function shown(page: Page): Promise<Shown[]> {
    await page.waitForSelector('#breakdown[data-ready="true"]');
    return page.$$eval('#breakdown-tables table', (found) =>
      (found as unknown as PageElement[]).map((t) => ({
        dimensions: t.getAttribute('data-dimensions') ?? '',
        rows: Array.from(t.querySelectorAll('tbody tr')).map((tr) => ({
          category: tr.getAttribute('data-category') ?? '',
          cells: Array.from(tr.querySelectorAll('td')).map((td) => ({
            text: (td.textContent ?? '').trim(),
            suppressed: td.getAttribute('data-suppressed') === 'true',
          })),
        })),
      })),
    );
  }

  it('marks the suppressed cells for the public, and shows a partner of the country every count', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const problems: string[] = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      await page.goto(`${origin}/results/2024?indicator=PROT-1.3&country=RS`);
      await page.waitForSelector('#results[data-ready="true"]');
      const publicView = await shown(page);
      expect(publicView.map((t) => t.dimensions)).toEqual(['sex', 'age', 'sex|age']);
      const sex = publicView[0].rows;
      expect(sex.map((r) => r.category)).toEqual(['female', 'male', 'other_unknown']);
      const cells = publicView.flatMap((t) => t.rows.flatMap((r) => r.cells));
      expect(cells.some((c) => c.suppressed)).toBe(true);
      for (const c of cells) {
        if (c.suppressed) expect(c.text).toContain('suppressed');
        else expect(Number(c.text) === 0 || Number(c.text) >= 5).toBe(true);
      }
      // The 3 men never show, nor the 1 adult man.
      expect(sex[1].cells[0].suppressed).toBe(true);
      expect(publicView[2].rows[1].cells[1].suppressed).toBe(true);
      expect(await page.locator('#breakdown-status').textContent()).toMatch(/cell\(s\) suppressed/);

      await page.fill('#email', 'lead.rs@demo.example');
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('#sign-in button[type="submit"]');
      await page.waitForSelector('#signed-in:not([hidden])');
      await page.waitForFunction(
        () =>
          (
            globalThis as unknown as {
              document: { querySelector(s: string): { textContent: string } | null };
            }
          ).document
            .querySelector('#breakdown-status')
            ?.textContent.startsWith('Exact values') ?? false,
      );
      const exact = await shown(page);
      expect(exact[0].rows.map((r) => r.cells[0])).toEqual([
        { text: '11', suppressed: false },
        { text: '3', suppressed: false },
        { text: '0', suppressed: false },
      ]);
      expect(exact[2].rows[1].cells.map((c) => c.text)).toEqual(['2', '1', '0']);

      // Another country's breakdown: a partner of Serbia is the public there. The address follows the choice.
      await page.selectOption('#breakdown-country', 'AL');
      await page.waitForSelector('#breakdown[data-ready="true"]');
      expect(new URL(page.url()).searchParams.get('country')).toBe('AL');
      expect(await page.locator('#breakdown-status').textContent()).not.toMatch(/^Exact values/);
      for (const table of await shown(page))
        for (const c of table.rows.flatMap((r) => r.cells))
          if (!c.suppressed) expect(Number(c.text) === 0 || Number(c.text) >= 5).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
