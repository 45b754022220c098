import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ColumnSpec } from './exchange.columns';
import { ImportError, type ImportProblem } from './import.errors';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';
/** More rows than a framework or a country's cycle could have: a file this long is a mistake. */
export const MAX_ROWS = 5000;
/** Workbooks are zip archives; this bounds what their parts may expand to before they are read. */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** A row of a sheet: its number as the spreadsheet shows it, and its cells by header. */
export interface SheetRow {
  row: number;
  values: Record<string, string>;
}

interface RawSheet {
  name: string;
  /** Header texts by column position (1-based); empty headers are left out. */
  headers: Map<number, string>;
  rows: Array<{ row: number; cells: Map<number, string> }>;
  problems: ImportProblem[];
}

export interface ParsedBook {
  format: SpreadsheetFormat;
  sheets: RawSheet[];
}

/** Refuses a declared type other than CSV or XLSX, before the body is read. */
export function checkMediaType(contentType: string | undefined): { mediaType: string; params: string[] } {
  const [mediaType, ...params] = (contentType ?? '').split(';').map((s) => s.trim().toLowerCase());
  if (mediaType !== CSV_TYPE && mediaType !== XLSX_TYPE) {
    throw new ImportError(
      'UNSUPPORTED_FILE_TYPE',
      `Send the file as ${CSV_TYPE} or ${XLSX_TYPE}, not "${mediaType.slice(0, 80) || 'no Content-Type'}".`,
    );
  }
  return { mediaType, params };
}

function isZip(body: Buffer): boolean {
  return body.length >= 4 && body.readUInt32LE(0) === 0x04034b50;
}

/**
 * Decides from the content how to read the body: a zip archive is read as a workbook whatever it is called or
 * declared as; anything else must be declared text/csv and be UTF-8 text.
 */
export function detectFormat(contentType: string | undefined, body: Buffer): SpreadsheetFormat {
  const { mediaType, params } = checkMediaType(contentType);
  if (body.length === 0) throw new ImportError('BAD_USER_INPUT', 'The request has no body: send the file.');
  if (isZip(body)) return 'xlsx';
  if (mediaType === XLSX_TYPE)
    throw new ImportError('UNSUPPORTED_FILE_TYPE', 'The content is not an XLSX workbook.');
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8')
    throw new ImportError('UNSUPPORTED_FILE_TYPE', 'A CSV file must be UTF-8 encoded.');
  if (body.includes(0) || body.subarray(0, 5).toString('latin1') === '%PDF-')
    throw new ImportError('UNSUPPORTED_FILE_TYPE', 'The content is not a CSV text file.');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new ImportError(
      'UNSUPPORTED_FILE_TYPE',
      'A CSV file must be UTF-8 encoded (save it as "CSV UTF-8").',
    );
  }
  return 'csv';
}

/** Spreadsheet programs in much of Europe save CSV with semicolons; the header line tells which was used. */
function csvDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * Exports write a text that a spreadsheet program would run as a formula with an apostrophe in front; the
 * apostrophe is taken off again, so that an exported file imports back unchanged.
 */
function unneutralise(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function readCsv(body: Buffer, sheetName: string): RawSheet {
  const text = body.toString('utf8');
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: csvDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const records = (error as { records?: number }).records;
    throw ImportError.rows([
      {
        sheet: sheetName,
        row: typeof records === 'number' ? records + 1 : null,
        column: null,
        code: 'INVALID_CSV',
        message: `The CSV cannot be read: ${(error as Error).message}`,
      },
    ]);
  }
  if (records.length > MAX_ROWS + 1)
    throw new ImportError('FILE_TOO_LARGE', `The file has more than ${MAX_ROWS} rows.`);
  const toCells = (record: string[]) =>
    new Map(
      record.map((value, i) => [i + 1, unneutralise(value.trim())] as const).filter(([, v]) => v !== ''),
    );
  const [header = [], ...rest] = records;
  return {
    name: sheetName,
    headers: toCells(header),
    rows: rest.map((record, i) => ({ row: i + 2, cells: toCells(record) })),
    problems: [],
  };
}

/** What the zip's parts expand to, from its central directory; null when that cannot be read. */
function unzippedSize(body: Buffer): { total: number; names: Set<string> } | null {
  let end = -1;
  for (let i = body.length - 22; i >= Math.max(0, body.length - 22 - 0xffff); i--) {
    if (body.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = body.readUInt16LE(end + 10);
  let at = body.readUInt32LE(end + 16);
  let total = 0;
  const names = new Set<string>();
  for (let i = 0; i < entries; i++) {
    if (at + 46 > body.length || body.readUInt32LE(at) !== 0x02014b50) return null;
    const size = body.readUInt32LE(at + 24);
    const nameLength = body.readUInt16LE(at + 28);
    if (size === 0xffffffff) return null;
    total += size;
    names.add(body.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + body.readUInt16LE(at + 30) + body.readUInt16LE(at + 32);
  }
  return { total, names };
}

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * A cell as the text the spreadsheet shows; a problem instead of a value when there is none to read. A number
 * shown as a percentage is stored as a fraction (12.5% as 0.125): it is read as shown, as percentages are.
 */
function cellText(value: ExcelJS.CellValue, numFmt = ''): string | { problem: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return String(numFmt.includes('%') ? Number((value * 100).toPrecision(15)) : value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDate(value);
  if ('error' in value) return { problem: `The cell holds the error ${value.error}.` };
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    return typeof text === 'string' && text.trim() !== '' ? text.trim() : value.hyperlink.trim();
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined)
      return { problem: 'The cell holds a formula without a computed value; paste its value instead.' };
    return cellText(result as ExcelJS.CellValue, numFmt);
  }
  return '';
}

async function readXlsx(body: Buffer): Promise<RawSheet[]> {
  const zip = unzippedSize(body);
  if (!zip || !zip.names.has('xl/workbook.xml'))
    throw new ImportError('UNSUPPORTED_FILE_TYPE', 'The content is a zip archive but not an XLSX workbook.');
  if (zip.total > MAX_UNZIPPED_BYTES)
    throw new ImportError('FILE_TOO_LARGE', 'The workbook expands to more than the import limit.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportError('UNSUPPORTED_FILE_TYPE', 'The XLSX workbook cannot be read.');
  }
  return workbook.worksheets.map((ws) => {
    if (ws.actualRowCount > MAX_ROWS + 1)
      throw new ImportError('FILE_TOO_LARGE', `Sheet ${ws.name} has more than ${MAX_ROWS} rows.`);
    const sheet: RawSheet = { name: ws.name, headers: new Map(), rows: [], problems: [] };
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = new Map<number, string>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const text = cellText(cell.value, cell.numFmt ?? '');
        if (typeof text === 'string') {
          if (text !== '') cells.set(col, text);
        } else {
          const column = rowNumber === 1 ? null : (sheet.headers.get(col) ?? null);
          sheet.problems.push({
            sheet: ws.name,
            row: rowNumber,
            column,
            code: 'INVALID_INPUT',
            message: text.problem,
          });
        }
      });
      if (rowNumber === 1) sheet.headers = cells;
      else sheet.rows.push({ row: rowNumber, cells });
    });
    return sheet;
  });
}

/** Reads the body into sheets of text cells; a CSV file is one sheet named `csvSheetName`. */
export async function readSpreadsheet(
  format: SpreadsheetFormat,
  body: Buffer,
  csvSheetName: string,
): Promise<ParsedBook> {
  return { format, sheets: format === 'csv' ? [readCsv(body, csvSheetName)] : await readXlsx(body) };
}

/**
 * Maps a sheet's rows onto a fixed layout. Every header of the layout must be there (in any order), but for an
 * optional one, whose cells then read as empty; a header the layout does not know is a problem too, most often
 * a typo that would drop a column's data silently. Returns null when the sheet is missing or lacks a column (the
 * problems say which).
 */
export function layoutRows(
  book: ParsedBook,
  sheetName: string,
  columns: readonly ColumnSpec[],
  required: boolean,
  problems: ImportProblem[],
): SheetRow[] | null {
  const sheet = book.sheets.find((s) => s.name.trim().toLowerCase() === sheetName.toLowerCase());
  if (!sheet) {
    if (required)
      problems.push({
        sheet: sheetName,
        row: null,
        column: null,
        code: 'MISSING_SHEET',
        message: `The workbook has no sheet named ${sheetName}.`,
      });
    return null;
  }
  const canonical = new Map(columns.map((c) => [c.header.toLowerCase(), c.header] as const));
  for (const p of sheet.problems) {
    const column = p.column === null ? null : (canonical.get(p.column.toLowerCase()) ?? p.column);
    problems.push({ ...p, sheet: sheetName, column });
  }
  const byPosition = new Map<number, string>();
  const headerProblem = (column: string | null, code: string, message: string) =>
    problems.push({ sheet: sheetName, row: 1, column, code, message });
  for (const [position, text] of sheet.headers) {
    const header = canonical.get(text.toLowerCase());
    if (!header) headerProblem(text, 'UNKNOWN_COLUMN', `Column "${text}" is not part of the layout.`);
    else if ([...byPosition.values()].includes(header))
      headerProblem(header, 'DUPLICATE_COLUMN', `Column ${header} appears twice.`);
    else byPosition.set(position, header);
  }
  const present = new Set(byPosition.values());
  const missing = columns.filter((c) => !c.optional && !present.has(c.header));
  for (const c of missing) headerProblem(c.header, 'MISSING_COLUMN', `Column ${c.header} is missing.`);
  const rows: SheetRow[] = [];
  for (const { row, cells } of sheet.rows) {
    if (cells.size === 0) continue;
    const values: Record<string, string> = Object.fromEntries(columns.map((c) => [c.header, '']));
    for (const [position, text] of cells) {
      const header = byPosition.get(position);
      if (header) values[header] = text;
      else if (!sheet.headers.has(position)) {
        problems.push({
          sheet: sheetName,
          row,
          column: null,
          code: 'UNKNOWN_COLUMN',
          message: `Column ${position} has a value but no header.`,
        });
      }
    }
    rows.push({ row, values });
  }
  // Without a required column the rows cannot be read; an extra one is reported but the rest is still checked.
  return missing.length === 0 ? rows : null;
}
