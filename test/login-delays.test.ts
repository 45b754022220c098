import { loadConfig } from '../src/config';
import { countLoginCheck, loginCounters } from '../src/pipeline/rate-limit/login-rate-limit';
import { RateLimiter } from '../src/pipeline/rate-limit/rate-limit';
import { MemoryCounterStore } from '../src/pipeline/rate-limit/rate-limit-store';

/** The login counters on a clock the test moves: windows of 900 s, 3 failures for one account from one address. */
function setup() {
  let now = 1_000_000;
  const settings = { ...loadConfig({}).rateLimit, login: 3, loginAccount: 100, loginAddress: 100 };
  const limiter = new RateLimiter(settings, new MemoryCounterStore(1000, () => now), () => undefined);
  const window = settings.loginWindowSeconds;
  const attempt = (address: string, account: string) =>
    countLoginCheck(limiter, loginCounters(settings, address, account), window);
  return {
    window,
    attempt,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

/** Fails `limit + 1` times from `address`: the last one is refused; its wait is returned. */
async function spend(attempt: ReturnType<typeof setup>['attempt'], address: string): Promise<number> {
  for (let i = 0; i < 3; i++) expect((await attempt(address, 'admin@demo.example')).refusal).toBeNull();
  const refused = await attempt(address, 'admin@demo.example');
  expect(refused.refusal?.setting).toBe('LOGIN_RATE_LIMIT');
  return refused.retryAfter;
}

describe('growing delays for one account from one address', () => {
  it('doubles the window each time its limit is spent', async () => {
    const { window, attempt, advance } = setup();
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const wait = await spend(attempt, '203.0.113.7');
      waits.push(wait);
      advance(wait);
    }
    expect(waits).toEqual([window, 2 * window, 4 * window, 8 * window]);
  });

  it('stops doubling at 32 windows', async () => {
    const { window, attempt, advance } = setup();
    let wait = 0;
    for (let round = 0; round < 8; round++) {
      wait = await spend(attempt, '203.0.113.7');
      advance(wait);
    }
    expect(wait).toBe(32 * window);
  });

  it('keeps the delays to that address: the same account from another address starts afresh', async () => {
    const { window, attempt, advance } = setup();
    for (let round = 0; round < 3; round++) advance(await spend(attempt, '203.0.113.7'));
    expect(await spend(attempt, '198.51.100.20')).toBe(window);
  });

  it('forgets the delays after a day without spending the limit', async () => {
    const { window, attempt, advance } = setup();
    for (let round = 0; round < 3; round++) advance(await spend(attempt, '203.0.113.7'));
    advance(24 * 60 * 60);
    expect(await spend(attempt, '203.0.113.7')).toBe(window);
  });
});
