import { UserErrorCode } from '../../common/errors';
import type { I18nText, Locale } from '../../common/i18n';
import { LOCALE_TAGS } from '../../common/i18n';
import { InputErrors, ITEM_CODE_RE, MAX_POSITION } from '../framework/framework-edit.shared';
import { Pillar } from '../framework/framework.enums';
import { AnswerType, IndicatorType } from '../indicator/indicator.enums';
import { Instrument } from '../standard/standard.enums';
import { SHEETS, textColumn } from './exchange.columns';
import type { ImportProblem } from './import.errors';
import type { SheetRow } from './import.parse';
import { readCombinationsCell } from './import-framework.dimensions';

const MAX_BREAKDOWNS = 20;
const MAX_BREAKDOWN_LENGTH = 60;

/** The score scale every version has, in order. */
const SCORE_LEVEL_CODES = ['0', '1', '2', '3', 'NOT_APPLICABLE', 'NO_DATA'] as const;

export interface PlannedArea {
  row: number;
  code: string;
  parentCode: string | null;
  pillar: Pillar;
  /** null: its place among its siblings in the file. */
  position: number | null;
  title: I18nText;
  description: I18nText;
}

export interface PlannedIndicator {
  code: string;
  areaCode: string;
  type: IndicatorType;
  answerType: AnswerType;
  position: number | null;
  title: I18nText;
  guidance: I18nText;
  meansOfVerification: I18nText;
  expectedBreakdowns: string[];
  /** The breakdowns by dimension code, checked against the dimensions once those are known. */
  breakdowns: string[][];
  row: number;
  standardIds: string[];
}

export interface PlannedScoreLevel {
  code: string;
  value: number | null;
  label: I18nText;
  descriptor: I18nText;
}

/** Finds a standard by how a spreadsheet names it; the key is built the same way for the file and the table. */
export function standardKey(instrument: string, countryCode: string | null, reference: string): string {
  return `${instrument}|${countryCode ?? ''}|${reference.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/**
 * Checks the rows of a framework spreadsheet with the rules of `areaCreate` and `indicatorCreate`, reporting
 * each problem at its cell. Area references are resolved within the file: the version is new, so everything it
 * holds comes from the file.
 */
export class FrameworkRows {
  readonly problems: ImportProblem[] = [];
  readonly areas: PlannedArea[] = [];
  readonly indicators: PlannedIndicator[] = [];
  readonly scoreLevels: PlannedScoreLevel[] = [];

  constructor(private readonly standards: Map<string, string>) {}

  /** Cell readers for one row; each reports its problems at once, so a row's problems follow its columns. */
  check(sheet: string, row: SheetRow) {
    const problemsBefore = this.problems.length;
    const report = (column: string, code: string, message: string) =>
      this.problems.push({ sheet, row: row.row, column, code, message });
    const v = row.values;
    /** Runs a check of the framework editing rules and reports what it found. */
    const rule = <T>(column: string, check: (errors: InputErrors) => T): T | null => {
      const errors = new InputErrors();
      const value = check(errors);
      for (const e of errors.list) report(column, e.code, e.message);
      return errors.list.length === 0 ? value : null;
    };
    /** A text in every language its columns give, `title_en`, `title_sq`, …; English is required. */
    const text = (field: string): I18nText | null => {
      const en = textColumn(field, 'en');
      if (v[en] === '') {
        report(en, UserErrorCode.INVALID_INPUT, `${en} is required.`);
        return null;
      }
      const translations = LOCALE_TAGS.filter((tag) => v[textColumn(field, tag)] !== '').map((tag) => ({
        locale: tag as Locale,
        text: v[textColumn(field, tag)],
      }));
      const errors = new InputErrors();
      const value = errors.text(translations, [field]);
      for (const e of errors.list) {
        const tag = LOCALE_TAGS.find((t) => e.message.startsWith(`The ${t} text`)) ?? 'en';
        report(textColumn(field, tag), e.code, e.message);
      }
      return errors.list.length === 0 ? value : null;
    };
    /** The optional position; null when empty (or wrong: reported). */
    const position = (): number | null => {
      const given = v.position ?? '';
      if (given === '') return null;
      if (/^\d{1,7}$/.test(given) && Number(given) <= MAX_POSITION) return Number(given);
      report(
        'position',
        UserErrorCode.INVALID_INPUT,
        `A position is a whole number from 0 to ${MAX_POSITION}, got "${given.slice(0, 40)}".`,
      );
      return null;
    };
    const oneOf = <T extends string>(column: string, values: Record<string, T>): T | null => {
      const value = v[column].toUpperCase();
      if ((Object.values(values) as string[]).includes(value)) return value as T;
      report(
        column,
        UserErrorCode.INVALID_INPUT,
        `${column} must be one of ${Object.values(values).join(', ')}${v[column] ? `, got "${v[column].slice(0, 40)}"` : ''}.`,
      );
      return null;
    };
    const code = (column: string, example: string, seen: Map<string, number>): string | null => {
      if (v[column] === '') {
        report(column, UserErrorCode.INVALID_INPUT, `${column} is required.`);
        return null;
      }
      const value = rule(column, (errors) => errors.code(v[column], [column], ITEM_CODE_RE, example));
      if (value === null) return null;
      const first = seen.get(value);
      if (first !== undefined) {
        report(column, UserErrorCode.DUPLICATE, `Code ${value} is also on row ${first}.`);
        return null;
      }
      seen.set(value, row.row);
      return value;
    };
    const clean = () => this.problems.length === problemsBefore;
    return { v, report, text, position, oneOf, code, clean };
  }

  /** Pillars first in the file's order, whatever order the rows come in; a sub-theme's parent is a pillar. */
  readAreas(rows: SheetRow[]): void {
    const seen = new Map<string, number>();
    // Pillar areas by code, with their pillar (null when it is wrong: that row reports it).
    const pillars = new Map<string, Pillar | null>();
    for (const row of rows) {
      if (row.values.parent_code !== '') continue;
      const pillar = row.values.pillar.toUpperCase() as Pillar;
      pillars.set(row.values.code.toUpperCase(), Object.values(Pillar).includes(pillar) ? pillar : null);
    }
    for (const row of rows) {
      const c = this.check(SHEETS.areas, row);
      const code = c.code('code', 'PROT-ID', seen);
      const parentCode = c.v.parent_code === '' ? null : c.v.parent_code.toUpperCase();
      let pillar: Pillar | null = null;
      if (parentCode === null) pillar = c.oneOf('pillar', Pillar);
      else if (!pillars.has(parentCode)) {
        const isArea = rows.some((r) => r.values.code.toUpperCase() === parentCode);
        c.report(
          'parent_code',
          isArea ? UserErrorCode.INVALID_INPUT : UserErrorCode.NOT_FOUND,
          isArea
            ? `Area ${parentCode} is not a pillar: a sub-theme sits under a pillar area, not another sub-theme.`
            : `There is no pillar area ${parentCode} on the ${SHEETS.areas} sheet.`,
        );
      } else {
        pillar = pillars.get(parentCode) ?? null;
        if (pillar && c.v.pillar !== '' && c.v.pillar.toUpperCase() !== pillar)
          c.report(
            'pillar',
            UserErrorCode.INVALID_INPUT,
            `A sub-theme takes its parent’s pillar, ${pillar}.`,
          );
      }
      const position = c.position();
      const title = c.text('title');
      const description = c.text('description');
      if (c.clean() && code && pillar && title && description)
        this.areas.push({ row: row.row, code, parentCode, pillar, position, title, description });
    }
    // Parents are inserted before their sub-themes.
    this.areas.sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null) || a.row - b.row);
  }

  /** `areaRows` is null when the Areas sheet could not be read: area codes are then not checked. */
  readIndicators(rows: SheetRow[], areaRows: SheetRow[] | null): void {
    const seen = new Map<string, number>();
    const areaCodes = areaRows && new Set(areaRows.map((r) => r.values.code.toUpperCase()));
    for (const row of rows) {
      const c = this.check(SHEETS.indicators, row);
      const code = c.code('code', 'PROT-2.1', seen);
      const areaCode = c.v.area_code.toUpperCase();
      if (areaCode === '') c.report('area_code', UserErrorCode.INVALID_INPUT, 'area_code is required.');
      else if (areaCodes && !areaCodes.has(areaCode))
        c.report(
          'area_code',
          UserErrorCode.NOT_FOUND,
          `There is no area ${areaCode} on the ${SHEETS.areas} sheet.`,
        );
      const type = c.oneOf('type', IndicatorType);
      const answerType = c.oneOf('answer_type', AnswerType);
      const position = c.position();
      const title = c.text('title');
      const guidance = c.text('guidance');
      const means = c.text('means_of_verification');
      const breakdowns = this.breakdowns(c.v.expected_breakdowns, c.report);
      const combinations = readCombinationsCell(c.v.breakdowns ?? '', c.report);
      const standardIds = this.standardIds(c.v.standards, c.report);
      const complete =
        code && type && answerType && title && guidance && means && breakdowns && combinations && standardIds;
      if (c.clean() && complete && areaCodes?.has(areaCode))
        this.indicators.push({
          code,
          areaCode,
          type,
          answerType,
          position,
          title,
          guidance,
          meansOfVerification: means,
          expectedBreakdowns: breakdowns,
          breakdowns: combinations,
          row: row.row,
          standardIds,
        });
    }
  }

  /** The score scale: each of its six levels once, a level's value equal to its code. */
  readScoreLevels(rows: SheetRow[]): void {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const c = this.check(SHEETS.scoreLevels, row);
      const code = c.v.code.toUpperCase();
      let value: number | null = null;
      if (!(SCORE_LEVEL_CODES as readonly string[]).includes(code)) {
        c.report(
          'code',
          UserErrorCode.INVALID_INPUT,
          `code must be one of ${SCORE_LEVEL_CODES.join(', ')}${code ? `, got "${c.v.code.slice(0, 40)}"` : ''}.`,
        );
      } else if (seen.has(code)) {
        c.report('code', UserErrorCode.DUPLICATE, `Code ${code} is also on row ${seen.get(code)}.`);
      } else {
        seen.set(code, row.row);
        value = /^\d$/.test(code) ? Number(code) : null;
        if (c.v.value !== '' && c.v.value !== String(value))
          c.report(
            'value',
            UserErrorCode.INVALID_INPUT,
            value === null
              ? `${code} has no value: leave the cell empty.`
              : `The value of level ${code} is ${value}, got "${c.v.value.slice(0, 40)}".`,
          );
      }
      const label = c.text('label');
      const descriptor = c.text('descriptor');
      if (c.clean() && label && descriptor) this.scoreLevels.push({ code, value, label, descriptor });
    }
    for (const code of SCORE_LEVEL_CODES.filter((level) => !seen.has(level)))
      this.problems.push({
        sheet: SHEETS.scoreLevels,
        row: null,
        column: 'code',
        code: UserErrorCode.INVALID_INPUT,
        message: `The scale has no level ${code}: it needs ${SCORE_LEVEL_CODES.join(', ')}, each once.`,
      });
  }

  private breakdowns(cell: string, report: (column: string, code: string, message: string) => void) {
    const list = cell
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const problem = (message: string) => report('expected_breakdowns', UserErrorCode.INVALID_INPUT, message);
    if (list.length > MAX_BREAKDOWNS) problem(`At most ${MAX_BREAKDOWNS} breakdowns.`);
    else if (list.some((s) => s.length > MAX_BREAKDOWN_LENGTH))
      problem(`A breakdown has 1 to ${MAX_BREAKDOWN_LENGTH} characters.`);
    else if (new Set(list.map((s) => s.toLowerCase())).size !== list.length)
      problem('A breakdown is given twice.');
    else return list;
    return null;
  }

  /** "INSTRUMENT:reference" or "NATIONAL_ACTION_PLAN:CC:reference", separated by ";". */
  private standardIds(cell: string, report: (column: string, code: string, message: string) => void) {
    const items = cell
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const problem = (code: string, message: string) => report('standards', code, message);
    if (items.length === 0) {
      problem(UserErrorCode.INVALID_INPUT, 'An indicator measures at least one standard.');
      return null;
    }
    const ids: string[] = [];
    for (const item of items) {
      const [instrumentText, ...rest] = item.split(':');
      const instrument = instrumentText.trim().toUpperCase();
      if (!(Object.values(Instrument) as string[]).includes(instrument) || rest.length === 0) {
        problem(
          UserErrorCode.INVALID_INPUT,
          `"${item.slice(0, 80)}" is not INSTRUMENT:reference with an instrument of ${Object.values(Instrument).join(', ')}.`,
        );
        continue;
      }
      const national = instrument === Instrument.NATIONAL_ACTION_PLAN;
      const country = national ? rest.shift()!.trim().toUpperCase() : null;
      const reference = rest.join(':');
      const id = this.standards.get(standardKey(instrument, country, reference));
      if (!id) problem(UserErrorCode.NOT_FOUND, `There is no standard "${item.slice(0, 80)}".`);
      else if (ids.includes(id))
        problem(UserErrorCode.INVALID_INPUT, `Standard "${item.slice(0, 80)}" is given twice.`);
      else ids.push(id);
    }
    return ids.length === items.length ? ids : null;
  }
}
