import { createTestDatabase, type TestDatabase } from './support/database';
import { startTestServer, type TestServer } from './support/server';
import { Gate } from '../src/pipeline/limits/expensive-gate';

const TEXTS = `title { translations { text locale } } summary { translations { text locale } }`;
const INDICATOR = `code title { translations { text locale } } guidance { translations { text locale } }
  meansOfVerification { translations { text locale } }`;

/**
 * Each standard with its indicators, their standards and their indicators again, in every language, repeated under
 * aliases: well under GRAPHQL_MAX_COST, since the estimate cannot know how long the lists are, yet megabytes.
 */
function bomb(aliases: number, first: number): string {
  const one = `standards(first: ${first}) { nodes { ${TEXTS} indicators { ${INDICATOR} standards { ${TEXTS}
    indicators { ${INDICATOR} } } } } }`;
  return `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: ${one}`).join(' ')} }`;
}

const NORMAL = `{ countries { nodes { code name { text } } } }`;

interface Answer {
  status: number;
  bytes: number;
  statements: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: any }> };
}

async function send(api: TestServer, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    bytes: Buffer.byteLength(text),
    statements: Number(response.headers.get('x-sql-statements')),
    retryAfter: response.headers.get('retry-after'),
    body: JSON.parse(text),
  };
}

function expectRefused(answer: Answer, setting: string): void {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', setting });
  expect(answer.body.errors?.[0].message).toContain(setting);
}

describe('the gate of expensive operations', () => {
  it('lets `capacity` in, queues up to `maxWaiting` in order, and refuses the rest at once', async () => {
    const gate = new Gate(1, 2);
    const order: string[] = [];
    expect(await gate.enter()).toBe(true);
    const second = gate.enter().then((inside) => order.push(`second ${inside}`));
    const third = gate.enter().then((inside) => order.push(`third ${inside}`));
    expect(await gate.enter()).toBe(false);
    expect(gate.size).toEqual({ running: 1, waiting: 2 });
    gate.leave();
    await second;
    expect(order).toEqual(['second true']);
    gate.leave();
    await third;
    gate.leave();
    expect(order).toEqual(['second true', 'third true']);
    expect(gate.size).toEqual({ running: 0, waiting: 0 });
  });
});

describe('what one query may produce', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  describe('GRAPHQL_MAX_RESULT_VALUES', () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await startTestServer(db, { GRAPHQL_MAX_RESULT_VALUES: '500' });
    });
    afterAll(() => api.close());

    it('stops a query once its lists hold more values than allowed, before it has read everything', async () => {
      const small = await send(api, NORMAL);
      expect(small.status).toBe(200);
      expect(small.body.errors).toBeUndefined();

      const refused = await send(api, bomb(20, 8));
      expectRefused(refused, 'GRAPHQL_MAX_RESULT_VALUES');
      expect(refused.bytes).toBeLessThan(2000);
      // The lists after the first one past the line fail at once, so the levels below it never load: the
      // refused query sent fewer statements than the same query allowed to run to the end.
      const unbounded = await startTestServer(db, { GRAPHQL_MAX_RESULT_VALUES: '100000000' });
      try {
        const whole = await send(unbounded, bomb(20, 8));
        expect(whole.status).toBe(200);
        expect(whole.bytes).toBeGreaterThan(5_000_000);
        expect(refused.statements).toBeLessThan(whole.statements);
      } finally {
        await unbounded.close();
      }
    });

    it('leaves mutations and the next request alone', async () => {
      const login = await api.query(
        `mutation { login(input: { email: "nobody@example.org", password: "wrong-password" }) { token userErrors { code } } }`,
      );
      expect(login.errors).toBeUndefined();
      expect((await send(api, NORMAL)).status).toBe(200);
    });
  });

  describe('GRAPHQL_MAX_RESPONSE_BYTES', () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await startTestServer(db, { GRAPHQL_MAX_RESPONSE_BYTES: String(1024 * 1024) });
    });
    afterAll(() => api.close());

    it('answers one error instead of an answer larger than allowed', async () => {
      const refused = await send(api, bomb(6, 8));
      expectRefused(refused, 'GRAPHQL_MAX_RESPONSE_BYTES');
      expect(refused.bytes).toBeLessThan(2000);
    });

    it('sends an answer under the bound as it is', async () => {
      const answer = await send(api, bomb(1, 2));
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.bytes).toBeLessThan(1024 * 1024);
    });
  });

  describe('expensive operations side by side with normal traffic', () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await startTestServer(db, {
        GRAPHQL_MAX_EXPENSIVE_CONCURRENT: '1',
        GRAPHQL_MAX_EXPENSIVE_WAITING: '2',
      });
    });
    afterAll(() => api.close());

    it('runs them one at a time and keeps answering the rest', async () => {
      const done: string[] = [];
      const bombs = Array.from({ length: 4 }, (_, i) =>
        send(api, bomb(20, 8)).then((answer) => {
          done.push(`bomb ${i}`);
          return answer;
        }),
      );
      const normal = (async () => {
        const answers: Answer[] = [];
        for (let i = 0; i < 10; i++) {
          answers.push(await send(api, NORMAL));
          done.push(`normal ${i}`);
        }
        return answers;
      })();
      const [bombAnswers, normalAnswers] = await Promise.all([Promise.all(bombs), normal]);

      // Sent at once, the four overlap: one runs, two wait, and the fourth finds the line full. On a machine
      // so loaded that one finishes before the last arrives, none is refused; never more than one.
      const refused = bombAnswers.filter((a) => a.status === 429);
      expect(refused.length).toBeLessThanOrEqual(1);
      for (const answer of refused) {
        expect(answer.retryAfter).toBe('1');
        expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      }
      expect(bombAnswers.filter((a) => a.status === 200)).toHaveLength(4 - refused.length);
      expect(normalAnswers.every((a) => a.status === 200 && !a.body.errors)).toBe(true);
      // Normal requests are not queued behind the expensive ones: all of them are answered before the last bomb.
      const lastBomb = Math.max(...done.map((d, i) => (d.startsWith('bomb') ? i : -1)));
      expect(done.indexOf('normal 9')).toBeLessThan(lastBomb);
    });

    it('gives back a place taken for a request that another check refused while it waited', async () => {
      const running = send(api, bomb(20, 8));
      // Expensive too, and refused for its text while it waits for the place the first one holds.
      const refused = await send(
        api,
        `query($code: String!) { cycle(code: $code) { id } ${bomb(20, 8).slice(1)}`,
        {
          code: 'bad\u0000code',
        },
      );
      expect(refused.status).toBe(400);
      expect((await running).status).toBe(200);
      // Were that place kept, the one place would stay taken and this would wait for ever.
      const next = await send(api, bomb(20, 8));
      expect(next.status).toBe(200);
    });
  });
});
