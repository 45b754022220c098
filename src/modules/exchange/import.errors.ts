/** One thing wrong with an imported file, where the spreadsheet shows it (the header is row 1). */
export interface ImportProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  code: string;
  message: string;
  /** A STALE_VERSION problem's version in the row (null: the row gives none)… */
  expectedVersion?: number | null;
  /** …and the assessment's version now (null: it does not exist). */
  foundVersion?: number | null;
}

export type ImportErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CYCLE_NOT_OPEN'
  | 'DUPLICATE'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'INVALID_ROWS';

/** Refuses an import as a whole; INVALID_ROWS carries every problem found. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly problems: ImportProblem[] = [],
  ) {
    super(message);
  }

  /** `sheets` orders the problems: sheet by sheet in this order, then row by row. */
  static rows(problems: ImportProblem[], sheets: readonly string[] = []): ImportError {
    const rows = new Set(problems.map((p) => `${p.sheet}:${p.row}`)).size;
    return new ImportError(
      'INVALID_ROWS',
      `The file has ${problems.length} problem(s) in ${rows} row(s); nothing was imported.`,
      sortProblems(problems, sheets),
    );
  }
}

/** Sheet by sheet, then row by row, so a reader can work down the file. */
export function sortProblems(problems: ImportProblem[], order: readonly string[]): ImportProblem[] {
  const sheets = [...order];
  for (const p of problems) if (!sheets.includes(p.sheet)) sheets.push(p.sheet);
  return problems
    .map((p, index) => ({ p, index }))
    .sort(
      (a, b) =>
        sheets.indexOf(a.p.sheet) - sheets.indexOf(b.p.sheet) ||
        (a.p.row ?? 0) - (b.p.row ?? 0) ||
        a.index - b.index,
    )
    .map(({ p }) => p);
}
