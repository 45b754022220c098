import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ColumnSpec } from './exchange.columns';
import { SHEETS } from './exchange.columns';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExportFormat = 'csv' | 'xlsx';

/** A cell: text, a number, or empty. Numbers stay numbers in a workbook so that they can be summed. */
export type Cell = string | number | null;

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
  details: Array<[string, string]>;
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

/** CSV in UTF-8 with a byte order mark, without which Excel reads Cyrillic and Albanian letters as Latin-1. */
export function toCsv(table: Table): Buffer {
  const records: string[][] = [
    table.columns.map((c) => c.header),
    ...table.rows.map((row) =>
      row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : neutralise(cell))),
    ),
  ];
  return Buffer.from(stringify(records, { bom: true, record_delimiter: 'windows' }), 'utf8');
}

/** Characters XML 1.0 cannot hold: a workbook holding one does not open. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A cell value that exceljs stores as it is: a string is a shared string, never a formula. */
function xlsxValue(cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  return cell.replace(CONTROL, '').replace(LONE_SURROGATE, '');
}

const MAX_WIDTH = 60;

function addSheet(book: ExcelJS.Workbook, table: Table): void {
  const sheet = book.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = table.columns.map((c) => c.header.length);
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map(xlsxValue));
    row.forEach((cell, i) => {
      const length = cell === null ? 0 : String(cell).length;
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
function addAbout(book: ExcelJS.Workbook, document: ExportDocument, made: Array<[string, string]>): void {
  const sheet = book.addWorksheet(SHEETS.about);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 34;
  sheet.getColumn(3).width = 90;
  sheet.addRow([document.title]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  for (const [label, value] of [...made, ...document.details]) {
    const row = sheet.addRow([label, xlsxValue(value)]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  sheet.addRow(['Sheet', 'Column', 'Meaning']).font = { bold: true };
  for (const table of document.tables) {
    for (const column of table.columns) sheet.addRow([table.sheet, column.header, column.description]);
  }
}

/** A workbook with one sheet per table and an `About` sheet last. */
export async function toXlsx(document: ExportDocument, made: Array<[string, string]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Regional database of anti-trafficking indicators';
  book.created = new Date();
  for (const table of document.tables) addSheet(book, table);
  addAbout(book, document, made);
  return Buffer.from(await book.xlsx.writeBuffer());
}
