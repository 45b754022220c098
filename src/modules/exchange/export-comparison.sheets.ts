import { NotScoredReason } from '../assessment/assessment.enums';
import { CellState } from '../comparison/comparison.enums';
import type { ComparisonCell } from '../comparison/comparison.types';
import { AnswerType } from '../indicator/indicator.enums';
import type { ColumnSpec } from './exchange.columns';
import { SHEETS } from './exchange.columns';
import { percent, type Cell, type Table } from './export.write';

/** An answer in its own type: the comparison words every answer as text, a workbook should not. */
function typedAnswer(value: string | null, answerType: string): Cell {
  if (value === null) return null;
  switch (answerType) {
    case AnswerType.NUMBER:
      return Number(value);
    case AnswerType.PERCENT:
      return percent(Number(value));
    case AnswerType.BOOLEAN:
      return value === 'true';
    default:
      return value;
  }
}

/** The `value` column of the long table: the score, the reason for not scoring, or the answer, typed. */
export function valueCell(cell: ComparisonCell, answerType: string): Cell {
  if (answerType === AnswerType.SCORE) return cell.score ?? cell.value;
  return typedAnswer(cell.value, answerType);
}

/** What the results page shows in a cell, in the same words. */
const SHOWN = {
  hidden: 'not visible',
  notAssessed: 'not assessed',
  [NotScoredReason.NOT_APPLICABLE]: 'n/a',
  [NotScoredReason.NO_DATA]: 'no data',
} as const;

function matrixCell(cell: ComparisonCell, answerType: string): Cell {
  if (cell.state === CellState.HIDDEN) return SHOWN.hidden;
  if (cell.state === CellState.NOT_ASSESSED) return SHOWN.notAssessed;
  if (cell.score !== null) return cell.score;
  if (cell.notScoredReason !== null) return SHOWN[cell.notScoredReason];
  return typedAnswer(cell.value, answerType);
}

export interface MatrixIndicator {
  code: string;
  title: string;
  answerType: string;
  cells: ComparisonCell[];
}

/**
 * Indicators as rows and countries as columns, each cell as the results page shows it: the score as a number,
 * "n/a" or "no data" for an unscored indicator, the answer in its type for the others, "not assessed", and
 * "not visible" for a cell the reader may not see.
 */
export function matrixTable(
  indicators: MatrixIndicator[],
  countries: Array<{ code: string; name: string }>,
): Table {
  const columns: ColumnSpec[] = [
    { header: 'indicator_code', description: 'Code of the indicator.' },
    { header: 'indicator_title', description: 'Title of the indicator in the requested language.' },
    ...countries.map((country) => ({
      header: country.code,
      description:
        `${country.name}: the score 0–3, n/a, no data, or the answer (a number, a percentage, TRUE/FALSE, a ` +
        `text); "${SHOWN.notAssessed}" when there is no assessment, "${SHOWN.hidden}" when the reader may not see it.`,
    })),
  ];
  const rows = indicators.map((indicator) => {
    const byCountry = new Map(indicator.cells.map((cell) => [cell.countryCode, cell]));
    return [
      indicator.code,
      indicator.title,
      ...countries.map((country) => {
        const cell = byCountry.get(country.code);
        return cell ? matrixCell(cell, indicator.answerType) : null;
      }),
    ];
  });
  return { sheet: SHEETS.matrix, columns, rows };
}

const CITATION_COLUMNS: ColumnSpec[] = [
  { header: 'item', description: 'What the line gives.' },
  { header: 'value', description: 'Its value.' },
];

export interface CitationFacts {
  citation: string | null;
  cycleCode: string;
  cycleTitle: string;
  edition: { id: string; number: number; publishedAt: Date } | null;
  countryCodes: string[];
  countriesAsked: string[] | null;
  areaCode: string | null;
  locale: string;
  madeAt: Date;
}

/** How to cite what the file holds, and the parameters it was made with. */
export function citationTable(facts: CitationFacts): Table {
  const rows: Array<[string, Cell]> = [
    [
      'Cite as',
      facts.citation ??
        'Live data, not a published edition: it can change. Cite a published edition (the edition parameter).',
    ],
    ['Cycle', facts.cycleCode],
    ['Cycle title', facts.cycleTitle],
  ];
  if (facts.edition) {
    rows.push(
      ['Edition', facts.edition.number],
      ['Edition published at (UTC)', facts.edition.publishedAt],
      ['Edition id', facts.edition.id],
    );
  } else {
    rows.push(['Edition', 'none: live data as of the time the file was made']);
  }
  rows.push(
    ['Countries', facts.countryCodes.join(', ') || 'none'],
    ['Countries asked for', facts.countriesAsked?.join(', ') ?? 'all'],
    ['Area', facts.areaCode ?? 'all'],
    ['Locale', facts.locale],
    ['Made at (UTC)', facts.madeAt],
  );
  return { sheet: SHEETS.citation, columns: CITATION_COLUMNS, rows };
}
