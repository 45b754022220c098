import { DEMO_NOTICE } from '../deployment/data-status';
import { RESULTS_SCRIPT } from './results.script';
import { RESULTS_STYLE } from './results.style';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const LEGEND = `<section class="legend" aria-labelledby="legend-heading">
<h2 id="legend-heading">Legend</h2>
<ul>
<li><span class="swatch cell score-0"><span class="label">0</span></span> <span data-level="0">Not in place</span></li>
<li><span class="swatch cell score-1"><span class="label">1</span></span> <span data-level="1">Partially in line with the standard</span></li>
<li><span class="swatch cell score-2"><span class="label">2</span></span> <span data-level="2">Largely in line with the standard</span></li>
<li><span class="swatch cell score-3"><span class="label">3</span></span> <span data-level="3">Fully in line with the standard</span></li>
<li><span class="swatch cell state-na"><span class="label">n/a</span></span> Not applicable</li>
<li><span class="swatch cell state-nodata"><span class="label">no data</span></span> No data available</li>
<li><span class="swatch cell value"><span class="label">42</span></span> Number, percentage, yes/no or text answer (not scored)</li>
<li><span class="swatch cell state-hidden"><span class="label">not visible</span></span> A result exists that you may not see yet</li>
<li><span class="swatch cell state-not-assessed"><span class="label">not assessed</span></span> No assessment recorded</li>
<li><span aria-hidden="true">\u25B2</span> improved, <span aria-hidden="true">\u25BC</span> deteriorated,
<span aria-hidden="true">=</span> no change since the previous cycle; no mark: not comparable</li>
</ul>
</section>`;

function layout(nonce: string, title: string, body: string, script: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${RESULTS_STYLE}</style>
</head>
<body>
${body}
${script ? `<script nonce="${nonce}">${RESULTS_SCRIPT}</script>` : ''}
</body>
</html>`;
}

/**
 * The results of one monitoring cycle as a grid of indicators × countries. The page carries no data: its script
 * reads the comparison through the GraphQL API as the reader (anonymous or signed in), so the API's read rules
 * decide every cell. `nonce` must be fresh for each response and match the Content-Security-Policy.
 */
export function resultsPage(cycleCode: string, nonce: string): string {
  const code = escapeHtml(cycleCode);
  return layout(
    nonce,
    `Results of cycle ${cycleCode}`,
    `<p id="demo-banner" class="demo-banner" role="note" hidden><strong>${escapeHtml(DEMO_NOTICE)}</strong>
The institutions, scores, counts and documents shown here are invented to demonstrate the database; do not cite
them as findings.</p>
<header class="top">
<div>
<p class="meta"><a href="/">Regional database of anti-trafficking indicators</a> · Results of monitoring cycle
<strong>${code}</strong></p>
<h1 id="cycle-title">Cycle ${code}</h1>
<p class="meta">Status: <strong id="cycle-status">…</strong> · <span id="edition"></span></p>
<p id="funding" class="meta" hidden></p>
</div>
<div>
<form id="sign-in" class="sign-in" aria-labelledby="sign-in-heading" novalidate>
<h2 id="sign-in-heading">Sign in to see more</h2>
<label for="email">E-mail <input id="email" name="email" type="email" autocomplete="username" required></label>
<label for="password">Password
<input id="password" name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
<div id="signed-in" hidden>
<p class="meta">Signed in as <strong id="user-name"></strong></p>
<button id="sign-out" type="button" class="secondary">Sign out</button>
</div>
<p id="sign-in-message" class="message" role="status" aria-live="polite"></p>
</div>
</header>
<main id="results" data-cycle-code="${code}" data-ready="false">
<div class="toolbar">
<label for="area">Area
<select id="area" name="area" disabled><option value="">All areas</option></select></label>
<p id="status" class="status" role="status" aria-live="polite">Loading…</p>
</div>
${LEGEND}
<div class="scroll" tabindex="0" role="region" aria-labelledby="caption">
<table id="matrix"><caption id="caption">Results of cycle ${code}</caption></table>
</div>
<section id="breakdown" class="breakdown" aria-labelledby="breakdown-heading" data-ready="false">
<h2 id="breakdown-heading">Breakdown of one indicator</h2>
<p class="meta">Counts broken down by sex, age and other dimensions. Outside the country's partners and the
reviewer, counts of 1 to a few people are suppressed, with the cells that would give them away.</p>
<div class="toolbar">
<label for="breakdown-indicator">Indicator
<select id="breakdown-indicator" name="indicator" disabled><option value="">Choose an indicator</option></select></label>
<label for="breakdown-country">Country
<select id="breakdown-country" name="country" disabled></select></label>
<p id="breakdown-status" class="status" role="status" aria-live="polite"></p>
</div>
<div id="breakdown-tables"></div>
</section>
<section id="recommendations" class="recommendations" aria-labelledby="recommendations-heading" data-ready="false">
<h2 id="recommendations-heading">Recommendations and their follow-up</h2>
<p class="meta">Recommendations of GRETA, the TIP report, the UPR, CEDAW and national action plans to each country,
with how far each was implemented as followed up in this cycle.</p>
<p id="recommendations-status" class="status" role="status" aria-live="polite">Loading…</p>
<div id="recommendation-list"></div>
</section>
<noscript><p>This page needs JavaScript to read the results from the API at <code>/graphql</code>.</p></noscript>
</main>`,
    true,
  );
}

/** Answers a cycle code that cannot exist (codes are 1–20 letters, digits, dots or dashes). */
export function badCycleCodePage(cycleCode: string, nonce: string): string {
  return layout(
    nonce,
    'Not a cycle code',
    `<main id="results">
<h1>Not a cycle code</h1>
<p>“${escapeHtml(cycleCode.slice(0, 60))}” is not a monitoring cycle code. A code has 1–20 letters, digits, dots
or dashes and starts with a letter or digit, e.g. <a href="/results/2024">/results/2024</a>.</p>
</main>`,
    false,
  );
}
