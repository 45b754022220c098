import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server';

/** A GET whose body stays as sent (fetch would inflate it). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');

// The project compiles without the DOM library: code that runs in the page reaches its globals via globalThis.

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to send anywhere but the test server (all refused). */
  offsite: string[];
  /** Every URL the page requested from the test server. */
  local: string[];
  /** Console errors (CSP violations among them) and uncaught exceptions. */
  problems: string[];
  /** The GraphQL requests the page sent, with their Authorization header. */
  graphql: Array<{ body: any; authorization: string | undefined }>;
}

/** The text of the CodeMirror editor inside `selector`, read through CodeMirror itself (not only what is drawn). */
function editorText(page: Page, selector: string): Promise<string> {
  return page
    .locator(`${selector} .CodeMirror`)
    .evaluate((el) => (el as any).CodeMirror.getValue() as string);
}

/** Replaces an editor's content through the keyboard: select all, then type the text as one input. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(`${selector} .CodeMirror`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  expect(await editorText(page, selector)).toBe(text);
}

/**
 * GraphiQL reads the operation to run from the query editor a moment (100 ms) after each change; a person never
 * clicks that fast, a test must wait for it.
 */
async function operationSettled(page: Page, operationName: string | null): Promise<void> {
  await page.waitForFunction(
    (name) =>
      (globalThis as any).document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror
        .operationName === name,
    operationName,
  );
}

async function runAndRead(page: Page, expectInResponse: string): Promise<any> {
  await page.click('button.graphiql-execute-button');
  await page.waitForFunction(
    (needle) =>
      (
        (globalThis as any).document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror.getValue() ??
        ''
      ).includes(needle),
    expectInResponse,
  );
  return JSON.parse(await editorText(page, '.graphiql-response'));
}

describe('GraphiQL at GET /graphql in a headless browser', () => {
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

  async function openGraphiql(): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const session: Opened = { context, page, offsite: [], local: [], problems: [], graphql: [] };
    opened.push(session);
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (new URL(request.url()).hostname !== '127.0.0.1') {
        session.offsite.push(request.url());
        return route.abort('blockedbyclient');
      }
      session.local.push(request.url());
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql')
        session.graphql.push({
          body: request.postDataJSON(),
          authorization: request.headers().authorization,
        });
      return route.continue();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') session.problems.push(message.text());
    });
    page.on('pageerror', (error) => session.problems.push(error.message));
    const response = await page.goto(`${origin}/graphql`);
    expect(response!.status()).toBe(200);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    // The schema arrived through introspection, so the Docs and the editor's hints work.
    await page.waitForFunction(() =>
      (globalThis as any).performance
        .getEntriesByType('resource')
        .some((e: any) => e.name.endsWith('/graphql') && e.initiatorType === 'fetch'),
    );
    return session;
  }

  /** The page worked with nothing but the test server, and without a console error or CSP violation. */
  function expectCleanAndOffline(session: Opened): void {
    expect(session.offsite).toEqual([]);
    expect(session.problems).toEqual([]);
    for (const url of session.local)
      expect(new URL(url).pathname).toMatch(/^\/graphql$|^\/graphiql\/assets\//);
  }

  it('loads offline, and a query typed into the editor runs with the run button and shows its result', async () => {
    const session = await openGraphiql();
    const { page } = session;
    expect(await page.title()).toContain('GraphiQL');
    const assets = session.local.filter((u) => new URL(u).pathname.startsWith('/graphiql/assets/'));
    expect(
      assets.map((u) => path.basename(new URL(u).pathname).replace(/\.[0-9a-f]{16}\./, '.')).sort(),
    ).toEqual([
      'graphiql.min.css',
      'graphiql.min.js',
      'page.css',
      'react-dom.production.min.js',
      'react.production.min.js',
      'start.js',
    ]);

    await typeInto(page, '.graphiql-query-editor', '{ countries { nodes { code } } }');
    await operationSettled(page, null);
    const sentBefore = session.graphql.length;
    const result = await runAndRead(page, '"RS"');
    const codes: Array<{ code: string }> = await db.dataSource.query(
      `SELECT code FROM country ORDER BY code`,
    );
    expect(result).toEqual({ data: { countries: { nodes: codes.map(({ code }) => ({ code })) } } });
    expect(result.data.countries.nodes.map((n: any) => n.code)).toContain('RS');
    const sent = session.graphql.slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0].body.query).toBe('{ countries { nodes { code } } }');
    // The prefilled headers pane explains how to sign in, but neither its note nor the empty Authorization is sent.
    expect(session.graphql.every((r) => r.authorization === undefined)).toBe(true);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png') });
    expectCleanAndOffline(session);
  });

  it('opens on the published 2024 comparison and a Login tab, and a token put in the headers pane signs requests', async () => {
    const session = await openGraphiql();
    const { page } = session;
    expect(await editorText(page, '.graphiql-query-editor')).toContain('query PublishedComparison2024');
    const headers = await editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)');
    expect(headers).toContain('"Authorization": ""');
    expect(headers).toContain('// To sign in');

    await operationSettled(page, 'PublishedComparison2024');
    const comparison = await runAndRead(page, '"citation"');
    expect(comparison.errors).toBeUndefined();
    const [edition] = comparison.data.cycle.editions;
    expect(comparison.data.cycle.code).toBe('2024');
    expect(edition.comparison.rows).toHaveLength(58);
    expect(edition.comparison.countries.map((c: any) => c.code)).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);

    await page.locator('.graphiql-tab', { hasText: 'Login' }).click();
    await operationSettled(page, 'Login');
    expect(await editorText(page, '.graphiql-query-editor')).toContain('mutation Login');
    const login = await runAndRead(page, '"token"');
    expect(login.data.login.userErrors).toEqual([]);
    expect(login.data.login.user.role).toBe('COUNTRY_EDITOR');
    const token: string = login.data.login.token;

    await typeInto(
      page,
      '.graphiql-editor-tool .graphiql-editor:not(.hidden)',
      JSON.stringify({ Authorization: `Bearer ${token}` }),
    );
    await typeInto(page, '.graphiql-query-editor', '{ me { email role } }');
    await operationSettled(page, null);
    const me = await runAndRead(page, '"email"');
    expect(me).toEqual({ data: { me: { email: 'editor.rs@demo.example', role: 'COUNTRY_EDITOR' } } });
    expect(session.graphql.at(-1)!.authorization).toBe(`Bearer ${token}`);
    // Neither the token nor the password is kept in the browser's storage, though GraphiQL keeps its history there.
    await page.waitForFunction(() =>
      ((globalThis as any).localStorage.getItem('graphiql:queries') ?? '').includes('me {'),
    );
    const stored = await page.evaluate(() => JSON.stringify((globalThis as any).localStorage));
    expect(stored).toContain('mutation Login');
    expect(stored).not.toContain(token);
    expect(stored).not.toMatch(/Bearer [A-Za-z0-9]/);
    expect(stored).not.toContain(DEMO_PASSWORD);
    expectCleanAndOffline(session);
  });

  it('opens the docs, the history and the settings and shortcut dialogs without breaking the Content-Security-Policy', async () => {
    const session = await openGraphiql();
    const { page } = session;
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
    await page.locator('.graphiql-doc-explorer').getByText('comparison', { exact: true }).first().click();
    await page.waitForSelector('.graphiql-doc-explorer-title:has-text("comparison")');
    expect(await page.locator('.graphiql-doc-explorer').textContent()).toContain('How each country stands');
    await page.click('[aria-label="Show History"]');
    await page.click('[aria-label="Open settings dialog"]');
    await page.waitForSelector('[role="dialog"]');
    // The dialog's scroll lock added its <style> element with the page's nonce, so the browser applied it.
    expect(
      await page.evaluate(() =>
        Array.from((globalThis as any).document.querySelectorAll('style')).some((s: any) => s.nonce !== ''),
      ),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await page.click('[aria-label="Open short keys dialog"]');
    await page.waitForSelector('[role="dialog"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    expectCleanAndOffline(session);
  });

  it('sends a strict Content-Security-Policy, caches its files for a year, and leaves API requests to Apollo', async () => {
    const page = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('vary')).toContain('Accept');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const csp = page.headers.get('content-security-policy')!;
    const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/=]{20,})'/.exec(csp)![1];
    expect(csp.split('; ').sort()).toEqual(
      [
        "default-src 'none'",
        "script-src 'self'",
        `style-src 'self' 'nonce-${nonce}'`,
        "font-src 'self' data:",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].sort(),
    );
    expect(csp).not.toMatch(/unsafe|https?:/);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>|<style|style=/);
    // The nonce reaches the page script only through the JSON data block, and changes with every response.
    expect(html.split(nonce)).toHaveLength(2);
    expect(html).toMatch(
      new RegExp(
        `<script type="application/json" id="graphiql-config">[^<]*"styleNonce":"${nonce.replace(/[+/]/g, '\\$&')}"`,
      ),
    );
    const again = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);
    const urls = [...html.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls).toHaveLength(6);

    for (const url of urls) {
      const plain = await fetch(`${origin}${url}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(plain.headers.get('content-type')).toMatch(
        url.endsWith('.js') ? /^text\/javascript/ : /^text\/css/,
      );
      expect(plain.headers.get('content-encoding')).toBeNull();
      const body = Buffer.from(await plain.arrayBuffer());
      expect(body.length).toBeGreaterThan(100);
      const zipped = await rawGet(`${origin}${url}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zipped.body.length).toBeLessThan(body.length);
      expect(gunzipSync(zipped.body).equals(body)).toBe(true);
    }
    const graphiqlJs = urls.find((u) => u.includes('graphiql.min.') && u.endsWith('.js'))!;
    const bundled = fs.readFileSync(
      path.join(path.dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
    );
    expect(Buffer.from(await (await fetch(`${origin}${graphiqlJs}`)).arrayBuffer()).equals(bundled)).toBe(
      true,
    );
    const missing = await fetch(`${origin}/graphiql/assets/graphiql.min.0000000000000000.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');

    // API clients keep talking to Apollo at the same URL.
    const getOperation = await fetch(
      `${origin}/graphql?query=${encodeURIComponent('{ country(code: "RS") { code } }')}`,
      {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      },
    );
    expect(getOperation.status).toBe(200);
    expect(await getOperation.json()).toEqual({ data: { country: { code: 'RS' } } });
    const browserGetOperation = await fetch(
      `${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`,
      {
        headers: { accept: 'text/html', 'apollo-require-preflight': 'true' },
      },
    );
    expect(browserGetOperation.headers.get('content-type')).not.toMatch(/^text\/html/);
    const noPreference = await fetch(`${origin}/graphql`, { headers: { accept: '*/*' } });
    expect(noPreference.headers.get('content-type')).not.toMatch(/^text\/html/);
    const post = await api.query('{ country(code: "AL") { code } }');
    expect(post.data).toEqual({ country: { code: 'AL' } });
  });
});
