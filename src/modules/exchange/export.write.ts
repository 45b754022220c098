import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ColumnSpec } from './exchange.columns';
import { SHEETS } from './exchange.columns';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExportFormat = 'csv' | 'xlsx';

export type CsvSeparator = ',' | ';';

/** A percentage as stored, 12.5 for 12.5 %: a workbook holds it as a percent cell (0.125 shown as 12.5%). */
export interface Percent {
  percent: number;
}

/** A calendar date, YYYY-MM-DD: a workbook holds it as a date cell. */
export interface CalendarDate {
  date: string;
}

/**
 * A cell: text, a number, true/false, a percentage, a calendar date, a moment (a `Date`, written in UTC) or
 * empty. A workbook keeps each as its own type, so that numbers can be summed and dates sorted.
 */
export type Cell = string | number | boolean | Date | Percent | CalendarDate | null;

export const percent = (value: number): Percent => ({ percent: value });
export const calendarDate = (value: string): CalendarDate => ({ date: value });

type HeaderOf<C extends readonly ColumnSpec[]> = C[number]['header'];

/** One table of a file: a sheet of a workbook, or a whole CSV file. */
export interface Table {
  sheet: string;
  columns: readonly ColumnSpec[];
  rows: Cell[][];
}

/** What the `About` sheet says of a file; the route adds when it was made and for whom. */
export interface ExportDocument {
  /** The file name without its extension, e.g. `comparison-2025-RS`. */
  baseName: string;
  /** What the file is, in one sentence. */
  title: string;
  details: Array<[string, Cell]>;
  tables: Table[];
}

/** Builds a table from records keyed by the layout's headers, in the layout's column order. */
export function tableOf<C extends readonly ColumnSpec[]>(
  sheet: string,
  columns: C,
  records: Array<Record<HeaderOf<C>, Cell>>,
): Table {
  const headers = columns.map((c) => c.header as HeaderOf<C>);
  return { sheet, columns, rows: records.map((record) => headers.map((h) => record[h] ?? null)) };
}

/**
 * A spreadsheet program runs a cell that starts with one of these as a formula, which an exported text must
 * never become (a title such as `=HYPERLINK(…)` written by one partner and opened by another).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as CSV text: the form the import reads back, percentages as 0–100 and dates as YYYY-MM-DD. */
function csvText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return neutralise(cell);
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (cell instanceof Date) return cell.toISOString();
  if ('percent' in cell) return String(cell.percent);
  return cell.date;
}

/**
 * CSV in UTF-8 with a byte order mark, without which Excel reads Cyrillic and Albanian letters as Latin-1. A
 * text holding the separator, a quote or a line break is quoted.
 */
export function toCsv(table: Table, separator: CsvSeparator = ','): Buffer {
  const records: string[][] = [
    table.columns.map((c) => c.header),
    ...table.rows.map((row) => row.map(csvText)),
  ];
  return Buffer.from(
    stringify(records, { bom: true, record_delimiter: 'windows', delimiter: separator }),
    'utf8',
  );
}

/** Characters XML 1.0 cannot hold: a workbook holding one does not open. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

function percentFormat(value: number): string {
  return Number.isInteger(value) ? '0%' : '0.0#####%';
}

/** What exceljs stores for a cell, and its number format; a string is a shared string, never a formula. */
function xlsxCell(cell: Cell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (cell === null) return { value: null };
  if (typeof cell === 'string') return { value: cell.replace(CONTROL, '').replace(LONE_SURROGATE, '') };
  if (typeof cell === 'number' || typeof cell === 'boolean') return { value: cell };
  if (cell instanceof Date) return { value: cell, numFmt: DATE_TIME_FORMAT };
  if ('percent' in cell)
    return { value: Number((cell.percent / 100).toPrecision(15)), numFmt: percentFormat(cell.percent) };
  return { value: new Date(`${cell.date}T00:00:00.000Z`), numFmt: DATE_FORMAT };
}

/** How wide a cell shows, in characters. */
function shownLength(cell: Cell): number {
  if (cell === null) return 0;
  if (cell instanceof Date) return DATE_TIME_FORMAT.length;
  if (typeof cell === 'object') return 'percent' in cell ? String(cell.percent).length + 1 : cell.date.length;
  return String(cell).length;
}

function addRow(sheet: ExcelJS.Worksheet, cells: Cell[]): ExcelJS.Row {
  const values = cells.map(xlsxCell);
  const row = sheet.addRow(values.map((v) => v.value));
  values.forEach((v, i) => {
    if (v.numFmt) row.getCell(i + 1).numFmt = v.numFmt;
  });
  return row;
}

const MAX_WIDTH = 60;

function addSheet(book: ExcelJS.Workbook, table: Table): void {
  const sheet = book.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = table.columns.map((c) => c.header.length);
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) {
    addRow(sheet, row);
    row.forEach((cell, i) => {
      const length = shownLength(cell);
      if (length > widths[i]) widths[i] = Math.min(length, MAX_WIDTH);
    });
  }
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width + 2;
  });
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
}

/** The `About` sheet: what the file is, then what each column of each sheet means. */
function addAbout(book: ExcelJS.Workbook, document: ExportDocument, made: Array<[string, Cell]>): void {
  const sheet = book.addWorksheet(SHEETS.about);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 34;
  sheet.getColumn(3).width = 90;
  sheet.addRow([document.title]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  for (const [label, value] of [...made, ...document.details]) {
    const row = addRow(sheet, [label, value]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  sheet.addRow(['Sheet', 'Column', 'Meaning']).font = { bold: true };
  for (const table of document.tables) {
    for (const column of table.columns) sheet.addRow([table.sheet, column.header, column.description]);
  }
}

/** A workbook with one sheet per table and an `About` sheet last. */
export async function toXlsx(document: ExportDocument, made: Array<[string, Cell]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Regional database of anti-trafficking indicators';
  book.created = new Date();
  for (const table of document.tables) addSheet(book, table);
  addAbout(book, document, made);
  return Buffer.from(await book.xlsx.writeBuffer());
}
