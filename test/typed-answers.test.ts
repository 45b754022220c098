import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const ANSWER = `answer { __typename
  ... on ScoreAnswer { score } ... on NotScoredAnswer { reason } ... on NumberAnswer { number }
  ... on PercentAnswer { percent } ... on BooleanAnswer { boolean } ... on TextAnswer { text } }`;

type Answer = { __typename: string } & Record<string, unknown>;

/** What the typed answer must be, by the answer type, for the text `value` a client used to parse. */
function expectedAnswer(answerType: string, value: string | null): Answer | null {
  if (value === null) return null;
  switch (answerType) {
    case 'SCORE':
      return /^[0-3]$/.test(value)
        ? { __typename: 'ScoreAnswer', score: Number(value) }
        : { __typename: 'NotScoredAnswer', reason: value };
    case 'NUMBER':
      return { __typename: 'NumberAnswer', number: Number(value) };
    case 'PERCENT':
      return { __typename: 'PercentAnswer', percent: Number(value) };
    case 'BOOLEAN':
      return { __typename: 'BooleanAnswer', boolean: value === 'true' };
    default:
      return { __typename: 'TextAnswer', text: value };
  }
}

/**
 * Besides the text `value`, assessments, comparison cells (live and in editions) and history points give the
 * answer in its own type, so that a client never parses a string; both always say the same.
 */
describe('typed answers', () => {
  let db: TestDatabase;
  let api: TestServer;
  const readers: Record<string, Record<string, string>> = { anonymous: {} };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    readers.partner = await signIn(api, 'editor.al@demo.example');
    readers.reviewer = await signIn(api, 'reviewer@demo.example');
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it.each(['anonymous', 'partner', 'reviewer'])(
    'every assessment %s reads gives its answer typed, as its columns and its value say',
    async (reader) => {
      const seen = new Set<string>();
      for (const cycle of ['2024', '2025']) {
        const res = await api.query(
          `{ cycle(code: "${cycle}") { assessments(first: 100) { nodes { value score notScoredReason valueNumber
            valueBoolean valueText indicator { answerType } ${ANSWER} } } } }`,
          {},
          readers[reader],
        );
        expect(res.errors).toBeUndefined();
        for (const node of res.data!.cycle.assessments.nodes) {
          const type = node.indicator.answerType;
          expect(node.answer).toEqual(expectedAnswer(type, node.value));
          if (!node.answer) continue;
          seen.add(node.answer.__typename);
          // The typed answer is the stored one, not a reading of a rounded text.
          if (type === 'NUMBER') expect(node.answer.number).toBe(node.valueNumber);
          if (type === 'PERCENT') expect(node.answer.percent).toBe(node.valueNumber);
          if (type === 'BOOLEAN') expect(node.answer.boolean).toBe(node.valueBoolean);
          if (type === 'TEXT') expect(node.answer.text).toBe(node.valueText);
          if (node.answer.__typename === 'ScoreAnswer') expect(node.answer.score).toBe(node.score);
          if (node.answer.__typename === 'NotScoredAnswer')
            expect(node.answer.reason).toBe(node.notScoredReason);
        }
      }
      // The demo data answer every type, so none of the branches above went untested.
      expect([...seen]).toEqual(
        expect.arrayContaining([
          'BooleanAnswer',
          'NumberAnswer',
          'PercentAnswer',
          'ScoreAnswer',
          'TextAnswer',
        ]),
      );
    },
  );

  it.each(['anonymous', 'partner', 'reviewer'])(
    'comparison cells, live and from an edition, and history points give %s the typed answer of their value',
    async (reader) => {
      const queries = [
        `{ comparison(cycleCode: "2025") { edition { number } rows { indicator { id answerType } cells { value state ${ANSWER} } } } }`,
        `{ comparison(cycleCode: "2024", edition: 1) { edition { number } rows { indicator { id answerType } cells { value state ${ANSWER} } } } }`,
      ];
      let answered = 0;
      let checkedHistory = false;
      for (const query of queries) {
        const res = await api.query(query, {}, readers[reader]);
        expect(res.errors).toBeUndefined();
        for (const row of res.data!.comparison.rows) {
          for (const cell of row.cells) {
            expect(cell.answer).toEqual(expectedAnswer(row.indicator.answerType, cell.value));
            if (cell.answer) answered += 1;
            else expect(cell.value).toBeNull();
          }
        }
        if (checkedHistory) continue;
        const withAnswer = res.data!.comparison.rows.find((row: { indicator: { answerType: string } }) =>
          ['NUMBER', 'PERCENT', 'BOOLEAN'].includes(row.indicator.answerType),
        );
        const history = await api.query(
          `query($id: ID) { indicatorHistory(countryCode: "AL", indicatorId: $id) { value indicator { answerType } ${ANSWER} } }`,
          { id: withAnswer.indicator.id },
          readers[reader],
        );
        expect(history.errors).toBeUndefined();
        for (const point of history.data!.indicatorHistory)
          expect(point.answer).toEqual(expectedAnswer(point.indicator.answerType, point.value));
        expect(history.data!.indicatorHistory.some((p: { answer: unknown }) => p.answer !== null)).toBe(true);
        checkedHistory = true;
      }
      expect(answered).toBeGreaterThan(0);
    },
  );

  it('a saved answer of each type reads back typed, and value reads as before', async () => {
    const editor = await signIn(api, 'editor.rs@demo.example');
    const res = await api.query(
      `{ cycle(code: "2025") { id frameworkVersion { indicators(first: 100) { nodes { id answerType } } } } }`,
    );
    const cycleId = res.data!.cycle.id;
    const mine = await api.query(
      `query($c: ID) { assessments(cycleId: $c, countryCode: "RS", first: 100) { nodes { indicator { id } status } } }`,
      { c: cycleId },
      editor,
    );
    const locked = new Set(
      mine
        .data!.assessments.nodes.filter(
          (n: { status: string }) => !['DRAFT', 'CHANGES_REQUESTED'].includes(n.status),
        )
        .map((n: { indicator: { id: string } }) => n.indicator.id),
    );
    // One indicator of each answer type whose Serbian assessment the editor may still change.
    const byType = new Map<string, string>();
    for (const node of res.data!.cycle.frameworkVersion.indicators.nodes)
      if (!byType.has(node.answerType) && !locked.has(node.id)) byType.set(node.answerType, node.id);
    const cases: Array<[string, Record<string, unknown>, string, Answer]> = [
      ['NUMBER', { value: '12.5' }, '12.5', { __typename: 'NumberAnswer', number: 12.5 }],
      ['PERCENT', { value: '87' }, '87', { __typename: 'PercentAnswer', percent: 87 }],
      ['BOOLEAN', { value: 'false' }, 'false', { __typename: 'BooleanAnswer', boolean: false }],
      [
        'TEXT',
        { value: 'Yes, since 2023' },
        'Yes, since 2023',
        { __typename: 'TextAnswer', text: 'Yes, since 2023' },
      ],
      ['SCORE', { score: 0 }, '0', { __typename: 'ScoreAnswer', score: 0 }],
      [
        'SCORE',
        { notScoredReason: 'NO_DATA' },
        'NO_DATA',
        { __typename: 'NotScoredAnswer', reason: 'NO_DATA' },
      ],
    ];
    for (const [type, answer, value, typed] of cases) {
      const indicatorId = byType.get(type);
      expect(indicatorId).toBeDefined();
      const current = await api.query(
        `query($c: ID, $i: ID) { assessments(cycleId: $c, indicatorId: $i, countryCode: "RS") { nodes { version } } }`,
        { c: cycleId, i: indicatorId },
        editor,
      );
      const version = current.data!.assessments.nodes[0]?.version;
      const saved = await api.query(
        `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) {
          assessment { value ${ANSWER} } userErrors { code message } } }`,
        {
          input: {
            cycleId,
            indicatorId,
            countryCode: 'RS',
            ...(version ? { expectedVersion: version } : {}),
            ...answer,
          },
        },
        editor,
      );
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.assessmentSave).toEqual({ assessment: { value, answer: typed }, userErrors: [] });
    }
  });
});
