// The reference front end: sign in, the country dashboard of the open cycle, saving a score with the version it
// was read at, and review comments arriving live. Plain DOM, to keep what matters in sight: the API calls.
import { CombinedGraphQLErrors } from '@apollo/client';
import { createApiClient } from './client';
import { ASSESSMENT_CHANGED, COMMENT_CHANGED, DASHBOARD, LOGIN, OPEN_CYCLE, SAVE } from './operations';

interface Row {
  id: string;
  status: string;
  version: number;
  value: string | null;
  viewerCanEdit: boolean;
  indicator: { id: string; code: string; answerType: string };
}

const apiUrl = document.querySelector<HTMLMetaElement>('meta[name="api-url"]')!.content;
const api = createApiClient(apiUrl);
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** What to tell the user of a failed call: a top-level error by its code, anything else as a network fault. */
function describe(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    if (code === 'UNAUTHENTICATED') return 'Your session has ended: sign in again.';
    if (code === 'RATE_LIMITED') return 'Too many requests: wait a moment and try again.';
    return `${error.errors[0]?.message} (${String(code)})`;
  }
  return `The API could not be reached: ${(error as Error).message}`;
}

$('#sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  $('#sign-in-error').textContent = '';
  try {
    const { data } = await api.client.mutate({
      mutation: LOGIN,
      variables: { input: { email: form.get('email'), password: form.get('password') } },
    });
    const login = data!.login;
    if (login.userErrors.length > 0) {
      $('#sign-in-error').textContent = login.userErrors[0].message;
      return;
    }
    api.setToken(login.token);
    $('#sign-in').hidden = true;
    $('#who').textContent = `Signed in as ${login.user.displayName}`;
    await showDashboard(login.user.countries[0].code);
  } catch (error) {
    $('#sign-in-error').textContent = describe(error);
  }
});

async function showDashboard(countryCode: string): Promise<void> {
  const { data: open } = await api.client.query({ query: OPEN_CYCLE });
  const cycle = open!.cycles.nodes[0];
  // watchQuery: the table redraws whenever the cache changes, after a save or a live update alike.
  api.client.watchQuery({ query: DASHBOARD, variables: { cycleId: cycle.id, countryCode } }).subscribe({
    next: ({ data }) => {
      if (!data?.assessments) return;
      $('#dashboard-title').textContent = `${data.country.name.text}: cycle ${cycle.code}`;
      $('#count').textContent = `${data.assessments.totalCount} assessments`;
      drawRows(cycle.id, countryCode, data.assessments.nodes as Row[]);
    },
    error: (error) => ($('#save-message').textContent = describe(error)),
  });
  $('#dashboard').hidden = false;
  // Status and version changes made elsewhere land in the cache by the assessment's id.
  api.client.subscribe({ query: ASSESSMENT_CHANGED, variables: { countryCode } }).subscribe({});
  api.client.subscribe({ query: COMMENT_CHANGED, variables: { countryCode } }).subscribe({
    next: ({ data }) => {
      const event = data!.reviewCommentChanged;
      const item = document.createElement('li');
      item.textContent = `${event.action} on ${event.comment.assessment.indicator.code} by ${event.comment.author.displayName}: ${event.comment.body}`;
      $('#comments').append(item);
    },
  });
}

function drawRows(cycleId: string, countryCode: string, rows: Row[]): void {
  const body = $('#assessments');
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      tr.dataset.indicator = row.indicator.code;
      for (const text of [row.indicator.code, row.status, String(row.version), row.value ?? '—'])
        tr.append(Object.assign(document.createElement('td'), { textContent: text }));
      const cell = document.createElement('td');
      if (row.viewerCanEdit && row.indicator.answerType === 'SCORE') {
        const score = Object.assign(document.createElement('input'), { type: 'number', min: '0', max: '3' });
        score.setAttribute('aria-label', `Score of ${row.indicator.code}`);
        const save = Object.assign(document.createElement('button'), { textContent: 'Save' });
        save.addEventListener('click', () => saveScore(cycleId, countryCode, row, Number(score.value)));
        cell.append(score, save);
      }
      tr.append(cell);
      return tr;
    }),
  );
}

/** Saves with the version the row was read at: if someone saved meanwhile, the API answers STALE_VERSION. */
async function saveScore(cycleId: string, countryCode: string, row: Row, score: number): Promise<void> {
  try {
    const { data } = await api.client.mutate({
      mutation: SAVE,
      variables: {
        input: { cycleId, countryCode, indicatorId: row.indicator.id, expectedVersion: row.version, score },
      },
    });
    const result = data!.assessmentSave;
    const [problem] = result.userErrors;
    $('#save-message').textContent = problem
      ? problem.code === 'STALE_VERSION'
        ? `Someone saved ${row.indicator.code} meanwhile (now version ${result.currentVersion}): reload it first.`
        : problem.message
      : `Saved ${row.indicator.code}: version ${result.assessment.version}.`;
  } catch (error) {
    $('#save-message').textContent = describe(error);
  }
}
