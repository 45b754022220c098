import { jsonLengthAtMost } from '../src/pipeline/limits/answer-bounds';

/** The answer-size bound measures an answer as JSON.stringify would write it, without writing it. */
describe('the length of an answer as JSON', () => {
  const answers: unknown[] = [
    null,
    'plain',
    0,
    7,
    10,
    999999999,
    1e9,
    -3,
    2.5,
    1e21,
    true,
    false,
    [],
    {},
    [1, 'two', null, false, [3, [4, {}]]],
    {
      data: {
        comparison: {
          rows: Array.from({ length: 50 }, (_, r) => ({
            indicator: { id: `id-${r}`, code: `PREV-${r}.1` },
            cells: Array.from({ length: 5 }, (_, c) => ({
              countryCode: ['AL', 'BA', 'ME', 'MK', 'RS'][c],
              score: r % 4 === 0 ? null : r % 4,
              value: c === 2 ? 12.75 : c * 1000 + r,
              evidenceCount: c,
              trend: c % 2 === 0 ? 'UP' : null,
              stale: c === 3,
            })),
          })),
        },
      },
    },
  ];

  it.each(answers.map((answer, i) => [i, answer]))(
    'measures answer %i as JSON.stringify writes it',
    (_, answer) => {
      expect(jsonLengthAtMost(answer, Number.MAX_SAFE_INTEGER)).toBe(JSON.stringify(answer).length);
    },
  );

  it('stops once past the limit, saying so', () => {
    const big = { list: Array.from({ length: 100_000 }, (_, i) => ({ i, text: 'x'.repeat(20) })) };
    const measured = jsonLengthAtMost(big, 1000);
    expect(measured).toBeGreaterThan(1000);
    expect(measured).toBeLessThan(JSON.stringify(big).length);
  });
});
