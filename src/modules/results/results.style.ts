/**
 * Background colours of scored cells, 0–3. Text on 0 and 3 is white, on 1 and 2 near-black, each pair at a
 * contrast of at least 4.5:1 so the printed score stays readable for people who cannot tell the colours apart.
 */
export const SCORE_COLOURS = ['#b71c1c', '#f28c28', '#c5d94a', '#2e7d32'] as const;

/** Grey of NOT_APPLICABLE and NO_DATA cells. */
export const NOT_SCORED_COLOUR = '#d0d0d0';

/** The stylesheet of the results page; no external fonts or images, so the page works offline. */
export const RESULTS_STYLE = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #b8b8b8; --paper: #fff; --accent: #0b4f8a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: var(--paper); }
header.top { display: flex; flex-wrap: wrap; gap: 1rem 2rem; justify-content: space-between; align-items: flex-start;
  padding: 1rem 1.25rem; border-bottom: 1px solid var(--line); background: #f6f7f9; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
.meta { margin: 0; color: var(--muted); }
.meta strong { color: var(--ink); }
main { padding: 1rem 1.25rem 2rem; }
a { color: var(--accent); }
form.sign-in { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
form.sign-in h2 { flex-basis: 100%; margin: 0; }
label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
input, select, button { font: inherit; color: var(--ink); padding: .3rem .5rem; border: 1px solid #767676;
  border-radius: 4px; background: #fff; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.demo-banner { margin: 0 0 1rem; padding: .6rem .9rem; border: 2px solid #8a5a00; background: #fff4d6; color: #3d2800; }
.message { min-height: 1.2em; margin: .25rem 0 0; flex-basis: 100%; font-size: .9rem; }
.message.error, .status.error { color: #a00000; }
.toolbar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin-bottom: .75rem; }
.status { margin: 0; color: var(--muted); }
.legend ul { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; padding: 0; margin: 0 0 1rem; }
.legend li { display: flex; align-items: center; gap: .4rem; font-size: .9rem; }
.swatch { display: inline-block; min-width: 4.5rem; padding: .15rem .4rem; text-align: center;
  border: 1px solid var(--line); font-size: .8rem; }
.scroll { overflow-x: auto; border: 1px solid var(--line); }
table { border-collapse: separate; border-spacing: 0; width: 100%; }
caption { text-align: left; padding: .5rem; font-weight: 600; }
th, td { border-bottom: 1px solid #e2e2e2; border-right: 1px solid #e2e2e2; padding: .35rem .5rem;
  vertical-align: top; }
thead th { background: #eef1f5; text-align: center; }
thead th:first-child { position: sticky; left: 0; z-index: 2; text-align: left; }
tbody th[scope="row"] { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left;
  font-weight: normal; min-width: 16rem; max-width: 26rem; }
tbody.pillar th { background: #223; color: #fff; text-align: left; font-size: 1rem; }
tr.subtheme th { background: #e8ebf0; text-align: left; font-weight: 600; }
.code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: .85rem; font-weight: 600;
  margin-right: .35rem; white-space: nowrap; }
.cell { text-align: center; min-width: 6rem; color: var(--ink); }
.cell .label { font-weight: 600; }
.cell .trend { margin-left: .3rem; font-weight: 700; }
.score-0 { background: ${SCORE_COLOURS[0]}; color: #fff; }
.score-1 { background: ${SCORE_COLOURS[1]}; color: var(--ink); }
.score-2 { background: ${SCORE_COLOURS[2]}; color: var(--ink); }
.score-3 { background: ${SCORE_COLOURS[3]}; color: #fff; }
.state-na, .state-nodata { background: ${NOT_SCORED_COLOUR}; color: var(--ink); }
.state-na .label, .state-nodata .label { font-weight: normal; font-style: italic; }
.value { background: #f3f1ec; color: var(--ink); }
.value .label { font-weight: normal; }
.value.text { text-align: left; min-width: 10rem; max-width: 16rem; font-size: .85rem; }
.value.text .label { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.state-hidden { background: repeating-linear-gradient(135deg, #d6d6d6 0 4px, #f2f2f2 4px 10px); color: var(--ink); }
.state-hidden .label { font-weight: normal; font-style: italic; background: #f2f2f2; padding: 0 .25rem; }
.state-not-assessed { background: #fff; color: var(--muted); outline: 1px dashed #767676; outline-offset: -4px; }
.state-not-assessed .label { font-weight: normal; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.breakdown { margin-top: 1.5rem; }
.breakdown-table { margin: .75rem 1.5rem .75rem 0; display: inline-table; vertical-align: top; }
.breakdown-table caption { text-align: left; font-weight: bold; }
.bd-value { text-align: right; min-width: 4rem; }
.bd-value.suppressed { background: repeating-linear-gradient(135deg, #d6d6d6 0 4px, #f2f2f2 4px 10px); text-align: center; }
[hidden] { display: none !important; }
section.recommendations { margin-top: 2rem; }
table.recommendations { margin-bottom: 1.5rem; }
table.recommendations td.follow-up { white-space: nowrap; font-weight: 600; }
@media print { .scroll { overflow: visible; } form.sign-in, .toolbar select { display: none; } }
`;
