import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/sql';
import type { RequestContext } from '../../common/context';
import { UserError, UserErrorCode } from '../../common/errors';
import type { I18nText } from '../../common/i18n';
import { BusinessRuleError } from '../../common/mutation';
import type { TranslationInput } from '../../common/translation-input';
import { toI18nText } from '../../common/translation-input';
import { assertHolds } from '../authz/authz';
import { Capability } from '../authz/capabilities';

/** The longest a framework text may be in any one language. */
export const MAX_TEXT_LENGTH = 20000;
export const MAX_POSITION = 1_000_000;

/** Codes of areas and indicators, as the database checks them. */
export const ITEM_CODE_RE = /^[A-Z0-9][A-Z0-9.-]{0,19}$/;

/**
 * The service half of the role check: the shield rule already refused everyone else, but a service that writes the
 * framework must not depend on being reached only through that rule.
 */
export function assertFrameworkEditor(ctx: RequestContext): void {
  assertHolds(
    ctx.viewer,
    Capability.FRAMEWORK_EDIT,
    'Only framework editors and admins change the framework.',
  );
}

/** Collects every problem of an input, so that one answer lists them all. */
export class InputErrors {
  readonly list: UserError[] = [];

  add(code: UserErrorCode, message: string, field: string[] | null): void {
    this.list.push(UserError.of(code, message, field));
  }

  code(value: string, field: string[], pattern: RegExp, example: string): string {
    const code = value.trim();
    if (!pattern.test(code)) {
      this.add(
        UserErrorCode.INVALID_INPUT,
        `A code has 1 to 20 capital letters, digits, dots or dashes, e.g. ${example}; got "${code.slice(0, 40)}".`,
        field,
      );
    }
    return code;
  }

  /** A required multilingual text: the whole text, in every language it is given in. */
  text(translations: TranslationInput[], field: string[]): I18nText | null {
    if (translations.length === 0) {
      this.add(UserErrorCode.INVALID_INPUT, 'The text is required, at least in English.', field);
      return null;
    }
    const { value, errors } = toI18nText(translations, field, MAX_TEXT_LENGTH);
    this.list.push(...errors);
    return value;
  }

  /** A text that is changed only when given. */
  optionalText(translations: TranslationInput[] | null | undefined, field: string[]): I18nText | undefined {
    if (translations == null) return undefined;
    return this.text(translations, field) ?? undefined;
  }

  position(value: number | null | undefined, field: string[]): number | null {
    if (value == null) return null;
    if (!Number.isInteger(value) || value < 0 || value > MAX_POSITION)
      this.add(UserErrorCode.INVALID_INPUT, `A position is from 0 to ${MAX_POSITION}.`, field);
    return value;
  }

  plain(value: string, field: string[], max: number, what: string): string {
    const trimmed = value.trim();
    if (trimmed.length === 0 || trimmed.length > max)
      this.add(UserErrorCode.INVALID_INPUT, `${what} has 1 to ${max} characters.`, field);
    return trimmed;
  }

  throwIfAny(): void {
    if (this.list.length) throw new BusinessRuleError(this.list);
  }
}

export interface LockedVersion {
  id: string;
  frameworkId: string;
  label: string;
  status: string;
}

/**
 * Locks a framework version for a change to its content and refuses a version a cycle uses. FOR UPDATE conflicts
 * with the key-share lock a new cycle's foreign key takes, so no cycle can start using the version before this
 * transaction ends; the use is checked in a second statement, whose snapshot sees a cycle committed while waiting.
 */
export async function lockEditableVersion(
  m: EntityManager,
  versionId: string,
  field: string[] | null,
): Promise<LockedVersion> {
  const rows: Array<{ id: string; framework_id: string; label: string; status: string }> = await m.query(
    `SELECT id, framework_id, label, status FROM framework_version WHERE id = $1 FOR UPDATE`,
    [versionId],
  );
  if (rows.length === 0)
    throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such framework version.', field);
  const [{ in_use: inUse }] = await m.query(
    `SELECT EXISTS (SELECT 1 FROM monitoring_cycle WHERE framework_version_id = $1) AS in_use`,
    [versionId],
  );
  if (inUse) {
    throw BusinessRuleError.of(
      UserErrorCode.FRAMEWORK_VERSION_IN_USE,
      `Framework version ${rows[0].label} is used by a monitoring cycle and can no longer change; ` +
        'create a new version copied from it instead.',
      field,
    );
  }
  const row = rows[0];
  return { id: row.id, frameworkId: row.framework_id, label: row.label, status: row.status };
}

/**
 * Loads an area or indicator for a change, after locking its version as `lockEditableVersion` does. A version is
 * never changed on a row, so reading it first without a lock is safe; the row itself is read again once the lock
 * is held, so that it reflects every change committed before.
 */
export async function lockVersionItem(
  m: EntityManager,
  table: 'area' | 'indicator',
  id: string,
  field: string[],
): Promise<{ row: Record<string, unknown>; version: LockedVersion }> {
  const first: Array<{ framework_version_id: string }> = await m.query(
    `SELECT framework_version_id FROM ${table} WHERE id = $1`,
    [id],
  );
  if (first.length === 0)
    throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, `There is no such ${table}.`, field);
  const version = await lockEditableVersion(m, first[0].framework_version_id, field);
  const rows: Array<Record<string, unknown>> = await m.query(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  if (rows.length === 0)
    throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, `There is no such ${table}.`, field);
  return { row: rows[0], version };
}

/** Writes the changed properties of a row; `columns` maps each property to its column. */
export async function updateColumns(
  m: EntityManager,
  table: 'area' | 'indicator' | 'standard',
  id: string,
  changes: Record<string, unknown>,
  columns: Record<string, string>,
): Promise<Record<string, unknown>> {
  const names = Object.keys(changes);
  const values = names.map((name) => {
    const value = changes[name];
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? JSON.stringify(value)
      : value;
  });
  const [row] = await queryRows(
    m,
    `UPDATE ${table} SET ${names.map((name, i) => `${columns[name]} = $${i + 2}`).join(', ')} WHERE id = $1 RETURNING *`,
    [id, ...values],
  );
  return row;
}
