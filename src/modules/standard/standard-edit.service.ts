import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { assertCountryCode, assertId } from '../../common/validation';
import { changedFields, recordAudit } from '../audit/audit.service';
import { assertFrameworkEditor, InputErrors, updateColumns } from '../framework/framework-edit.shared';
import type { StandardCreateInput, StandardUpdateInput } from './standard-edit.types';
import { StandardCreatePayload, StandardUpdatePayload } from './standard-edit.types';
import { Standard } from './standard.entity';
import { Instrument } from './standard.enums';

const MAX_REFERENCE_LENGTH = 60;

const COLUMNS: Record<string, string> = { reference: 'reference', title: 'title', summary: 'summary' };

function standardView(s: Standard): Record<string, unknown> {
  return {
    instrument: s.instrument,
    countryCode: s.countryCode,
    reference: s.reference,
    title: s.title,
    summary: s.summary,
  };
}

/** The same key as the unique index: one reference per instrument (and per country for action plans). */
async function assertReferenceFree(
  m: EntityManager,
  instrument: Instrument,
  countryCode: string | null,
  reference: string,
  exceptId: string | null,
) {
  const rows = await m.query(
    `SELECT 1 FROM standard WHERE instrument = $1 AND coalesce(country_code, '--') = coalesce($2, '--')
       AND reference = $3 AND id IS DISTINCT FROM $4`,
    [instrument, countryCode, reference, exceptId],
  );
  if (rows.length > 0) {
    throw BusinessRuleError.of(
      UserErrorCode.DUPLICATE,
      `${instrument}${countryCode ? ` (${countryCode})` : ''} already has a standard ${reference}.`,
      ['input', 'reference'],
    );
  }
}

export function createStandard(
  ctx: RequestContext,
  input: StandardCreateInput,
): Promise<StandardCreatePayload> {
  assertFrameworkEditor(ctx);
  const countryCode = input.countryCode ? assertCountryCode(input.countryCode, 'input.countryCode') : null;
  return runMutation(
    ctx,
    () => new StandardCreatePayload(),
    async (m, result) => {
      const errors = new InputErrors();
      const reference = errors.plain(
        input.reference,
        ['input', 'reference'],
        MAX_REFERENCE_LENGTH,
        'A reference',
      );
      const title = errors.text(input.title, ['input', 'title']);
      const summary = errors.text(input.summary, ['input', 'summary']);
      const isPlan = input.instrument === Instrument.NATIONAL_ACTION_PLAN;
      if (isPlan && !countryCode) {
        errors.add(UserErrorCode.INVALID_INPUT, 'A national action plan measure needs its country.', [
          'input',
          'countryCode',
        ]);
      } else if (!isPlan && countryCode) {
        errors.add(
          UserErrorCode.INVALID_INPUT,
          `A ${input.instrument} provision belongs to no one country.`,
          ['input', 'countryCode'],
        );
      } else if (countryCode) {
        const rows = await m.query(`SELECT 1 FROM country WHERE code = $1`, [countryCode]);
        if (rows.length === 0)
          errors.add(UserErrorCode.NOT_FOUND, `There is no country ${countryCode}.`, [
            'input',
            'countryCode',
          ]);
      }
      errors.throwIfAny();
      await assertReferenceFree(m, input.instrument, countryCode, reference, null);
      const [row] = await m.query(
        `INSERT INTO standard (instrument, reference, country_code, title, summary) VALUES ($1, $2, $3, $4, $5)
         RETURNING *`,
        [input.instrument, reference, countryCode, JSON.stringify(title), JSON.stringify(summary)],
      );
      const standard = hydrate(ctx.db, Standard, row);
      await recordAudit(m, ctx, {
        entityType: 'standard',
        entityId: standard.id,
        action: 'create',
        after: standardView(standard),
      });
      result.standard = standard;
    },
  );
}

export function updateStandard(
  ctx: RequestContext,
  input: StandardUpdateInput,
): Promise<StandardUpdatePayload> {
  assertFrameworkEditor(ctx);
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new StandardUpdatePayload(),
    async (m, result) => {
      const [row] = await m.query(`SELECT * FROM standard WHERE id = $1 FOR UPDATE`, [id]);
      if (!row)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such standard.', ['input', 'id']);
      const existing = hydrate(ctx.db, Standard, row);
      const errors = new InputErrors();
      const wanted: Record<string, unknown> = {};
      if (input.reference != null)
        wanted.reference = errors.plain(
          input.reference,
          ['input', 'reference'],
          MAX_REFERENCE_LENGTH,
          'A reference',
        );
      if (input.title != null) wanted.title = errors.optionalText(input.title, ['input', 'title']);
      if (input.summary != null) wanted.summary = errors.optionalText(input.summary, ['input', 'summary']);
      errors.throwIfAny();
      const diff = changedFields(standardView(existing), wanted);
      if (Object.keys(diff.after).length === 0) {
        result.standard = existing;
        return;
      }
      if (diff.after.reference) {
        await assertReferenceFree(
          m,
          existing.instrument,
          existing.countryCode,
          diff.after.reference as string,
          id,
        );
      }
      const saved = hydrate(ctx.db, Standard, await updateColumns(m, 'standard', id, diff.after, COLUMNS));
      await recordAudit(m, ctx, { entityType: 'standard', entityId: id, action: 'update', ...diff });
      result.standard = saved;
    },
  );
}
