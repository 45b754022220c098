import type { Browser, Page } from 'playwright-core';
import { DataStatus, DEMO_NOTICE, setDataStatus } from '../../src/modules/deployment/data-status';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/server';

const FUNDING = 'Funded by the European Union.';

describe('results page: demo data and funding statement', () => {
  let db: TestDatabase;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await db?.drop();
  });

  async function withPage(api: TestServer, check: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${new URL(api.url).origin}/results/2024`);
      await page.waitForSelector('#results[data-ready="true"]');
      await check(page);
    } finally {
      await context.close();
    }
  }

  it('shows a banner above the results on the demo data, and none once the data are real', async () => {
    const api = await startTestServer(db);
    try {
      await withPage(api, async (page) => {
        const banner = page.locator('#demo-banner');
        expect(await banner.isVisible()).toBe(true);
        expect(await banner.textContent()).toContain(DEMO_NOTICE);
        expect(await page.locator('#funding').isVisible()).toBe(false);
      });
      await setDataStatus(db.dataSource.manager, DataStatus.REAL);
      await withPage(api, async (page) => {
        expect(await page.locator('#demo-banner').isVisible()).toBe(false);
        expect(await page.locator('body').innerText()).not.toContain(DEMO_NOTICE);
      });
    } finally {
      await setDataStatus(db.dataSource.manager, DataStatus.DEMO);
      await api.close();
    }
  });

  it('shows the funding statement when FUNDING_STATEMENT is set', async () => {
    const api = await startTestServer(db, { FUNDING_STATEMENT: FUNDING });
    try {
      await withPage(api, async (page) => {
        const funding = page.locator('#funding');
        expect(await funding.isVisible()).toBe(true);
        expect(await funding.textContent()).toBe(FUNDING);
      });
    } finally {
      await api.close();
    }
  });
});
