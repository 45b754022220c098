import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
  AREA_COLUMNS,
  ASSESSMENT_COLUMNS,
  EVIDENCE_COLUMNS,
  INDICATOR_COLUMNS,
  SCORE_LEVEL_COLUMNS,
} from '../../src/modules/exchange/exchange.columns';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | boolean | Date | null | undefined;
/** A row by header; headers left out are empty cells. */
export type Row = Record<string, Cell>;

export interface SheetSpec {
  name: string;
  headers: readonly string[];
  rows: Row[];
}

export const ASSESSMENT_HEADERS = ASSESSMENT_COLUMNS.map((c) => c.header);
export const EVIDENCE_HEADERS = EVIDENCE_COLUMNS.map((c) => c.header);
export const AREA_HEADERS = AREA_COLUMNS.map((c) => c.header);
export const INDICATOR_HEADERS = INDICATOR_COLUMNS.map((c) => c.header);
export const SCORE_LEVEL_HEADERS = SCORE_LEVEL_COLUMNS.map((c) => c.header);

/** An XLSX workbook built the way a spreadsheet program saves one: header in row 1, one row per record. */
export async function buildXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow([...sheet.headers]);
    for (const row of sheet.rows) ws.addRow(sheet.headers.map((h) => row[h] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV file with a header line; `delimiter` as a spreadsheet program of the user's locale would write it. */
export function buildCsv(headers: readonly string[], rows: Row[], delimiter = ','): Buffer {
  const records = rows.map((row) =>
    headers.map((h) => {
      const value = row[h];
      return value === null || value === undefined ? '' : String(value);
    }),
  );
  return Buffer.from(stringify([[...headers], ...records], { delimiter }), 'utf8');
}

export const assessmentsSheet = (
  rows: Row[],
  headers: readonly string[] = ASSESSMENT_HEADERS,
): SheetSpec => ({
  name: 'Assessments',
  headers,
  rows,
});

export const evidenceSheet = (rows: Row[]): SheetSpec => ({
  name: 'Evidence',
  headers: EVIDENCE_HEADERS,
  rows,
});

export interface ImportResponse {
  status: number;
  body: any;
}

/** POSTs a file to an import endpoint, as a client would with the bearer token. */
export async function postImport(
  origin: string,
  path: string,
  body: Buffer,
  contentType: string | null,
  headers: Record<string, string> = {},
): Promise<ImportResponse> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
    body: body as unknown as RequestInit['body'],
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(
      `${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
    );
  }
  return { status: response.status, body: parsed };
}
