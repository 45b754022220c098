import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { assertId } from '../../common/validation';
import { changedFields, recordAudit } from '../audit/audit.service';
import { combinationsOf, readCombinations, setCombinations } from '../breakdown/breakdown-indicator';
import {
  assertFrameworkEditor,
  InputErrors,
  ITEM_CODE_RE,
  lockEditableVersion,
  lockVersionItem,
  updateColumns,
} from '../framework/framework-edit.shared';
import { FrameworkVersionStatus } from '../framework/framework.enums';
import type {
  IndicatorCreateInput,
  IndicatorDeleteInput,
  IndicatorUpdateInput,
} from './indicator-edit.types';
import {
  IndicatorCreatePayload,
  IndicatorDeletePayload,
  IndicatorUpdatePayload,
} from './indicator-edit.types';
import { Indicator } from './indicator.entity';

const MAX_BREAKDOWNS = 20;
const MAX_BREAKDOWN_LENGTH = 60;

const COLUMNS: Record<string, string> = {
  areaId: 'area_id',
  code: 'code',
  type: 'type',
  answerType: 'answer_type',
  title: 'title',
  guidance: 'guidance',
  meansOfVerification: 'means_of_verification',
  expectedBreakdowns: 'expected_breakdowns',
  position: 'position',
};

function indicatorView(i: Indicator, standardIds: string[]): Record<string, unknown> {
  return {
    frameworkVersionId: i.frameworkVersionId,
    areaId: i.areaId,
    code: i.code,
    type: i.type,
    answerType: i.answerType,
    title: i.title,
    guidance: i.guidance,
    meansOfVerification: i.meansOfVerification,
    expectedBreakdowns: i.expectedBreakdowns,
    position: i.position,
    standardIds: [...standardIds].sort(),
  };
}

function breakdowns(errors: InputErrors, values: string[]): string[] {
  const field = ['input', 'expectedBreakdowns'];
  const list = values.map((v) => v.trim());
  if (list.length > MAX_BREAKDOWNS)
    errors.add(UserErrorCode.INVALID_INPUT, `At most ${MAX_BREAKDOWNS} breakdowns.`, field);
  if (list.some((v) => v.length === 0 || v.length > MAX_BREAKDOWN_LENGTH))
    errors.add(
      UserErrorCode.INVALID_INPUT,
      `A breakdown has 1 to ${MAX_BREAKDOWN_LENGTH} characters.`,
      field,
    );
  if (new Set(list.map((v) => v.toLowerCase())).size !== list.length)
    errors.add(UserErrorCode.INVALID_INPUT, 'A breakdown is given twice.', field);
  return list;
}

/** Malformed ids are bad input; unknown ones are reported per position once the transaction runs. */
function parseStandardIds(ids: string[]): string[] {
  return ids.map((id, i) => assertId(id, `input.standardIds[${i}]`));
}

async function checkStandards(m: EntityManager, errors: InputErrors, ids: string[]): Promise<string[]> {
  const field = ['input', 'standardIds'];
  if (ids.length === 0) {
    errors.add(UserErrorCode.INVALID_INPUT, 'An indicator measures at least one standard.', field);
    return ids;
  }
  const rows: Array<{ id: string }> = await m.query(`SELECT id FROM standard WHERE id = ANY($1)`, [ids]);
  const known = new Set(rows.map((r) => r.id));
  ids.forEach((id, i) => {
    if (!known.has(id))
      errors.add(UserErrorCode.NOT_FOUND, `There is no standard ${id}.`, [...field, String(i)]);
  });
  if (new Set(ids).size !== ids.length)
    errors.add(UserErrorCode.INVALID_INPUT, 'A standard is given twice.', field);
  return ids;
}

async function checkArea(m: EntityManager, errors: InputErrors, areaId: string, versionId: string) {
  const [area] = await m.query(`SELECT framework_version_id FROM area WHERE id = $1`, [areaId]);
  if (!area) errors.add(UserErrorCode.NOT_FOUND, 'There is no such area.', ['input', 'areaId']);
  else if (area.framework_version_id !== versionId)
    errors.add(UserErrorCode.INVALID_INPUT, 'The area belongs to another framework version.', [
      'input',
      'areaId',
    ]);
}

async function assertCodeFree(m: EntityManager, versionId: string, code: string, exceptId: string | null) {
  const rows = await m.query(
    `SELECT 1 FROM indicator WHERE framework_version_id = $1 AND code = $2 AND id IS DISTINCT FROM $3`,
    [versionId, code, exceptId],
  );
  if (rows.length > 0) {
    throw BusinessRuleError.of(UserErrorCode.DUPLICATE, `The version already has an indicator ${code}.`, [
      'input',
      'code',
    ]);
  }
}

async function linkStandards(m: EntityManager, indicatorId: string, standardIds: string[]) {
  await m.query(
    `INSERT INTO indicator_standard (indicator_id, standard_id) SELECT $1, s FROM unnest($2::uuid[]) s
     ON CONFLICT DO NOTHING`,
    [indicatorId, standardIds],
  );
}

export function createIndicator(
  ctx: RequestContext,
  input: IndicatorCreateInput,
): Promise<IndicatorCreatePayload> {
  assertFrameworkEditor(ctx);
  const versionId = assertId(input.frameworkVersionId, 'input.frameworkVersionId');
  const areaId = assertId(input.areaId, 'input.areaId');
  const standardIds = parseStandardIds(input.standardIds);
  return runMutation(
    ctx,
    () => new IndicatorCreatePayload(),
    async (m, result) => {
      await lockEditableVersion(m, versionId, ['input', 'frameworkVersionId']);
      const errors = new InputErrors();
      const code = errors.code(input.code, ['input', 'code'], ITEM_CODE_RE, 'PROT-2.1');
      const title = errors.text(input.title, ['input', 'title']);
      const guidance = errors.text(input.guidance, ['input', 'guidance']);
      const means = errors.text(input.meansOfVerification, ['input', 'meansOfVerification']);
      const expected = breakdowns(errors, input.expectedBreakdowns ?? []);
      const position = errors.position(input.position, ['input', 'position']);
      await checkArea(m, errors, areaId, versionId);
      await checkStandards(m, errors, standardIds);
      const combinations = await readCombinations(m, errors, input.breakdowns ?? [], versionId);
      errors.throwIfAny();
      await assertCodeFree(m, versionId, code, null);
      const [row] = await m.query(
        `INSERT INTO indicator (framework_version_id, area_id, code, type, answer_type, title, guidance,
           means_of_verification, expected_breakdowns, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10, (SELECT coalesce(max(position) + 1, 0)
           FROM indicator WHERE framework_version_id = $1)))
         RETURNING *`,
        [
          versionId,
          areaId,
          code,
          input.type,
          input.answerType,
          JSON.stringify(title),
          JSON.stringify(guidance),
          JSON.stringify(means),
          expected,
          position,
        ],
      );
      const indicator = hydrate(ctx.db, Indicator, row);
      await linkStandards(m, indicator.id, standardIds);
      await setCombinations(m, indicator.id, combinations);
      await recordAudit(m, ctx, {
        entityType: 'indicator',
        entityId: indicator.id,
        action: 'create',
        after: { ...indicatorView(indicator, standardIds), breakdowns: combinations },
      });
      result.indicator = indicator;
    },
  );
}

async function currentStandardIds(m: EntityManager, indicatorId: string): Promise<string[]> {
  const rows: Array<{ standard_id: string }> = await m.query(
    `SELECT standard_id FROM indicator_standard WHERE indicator_id = $1`,
    [indicatorId],
  );
  return rows.map((r) => r.standard_id);
}

export function updateIndicator(
  ctx: RequestContext,
  input: IndicatorUpdateInput,
): Promise<IndicatorUpdatePayload> {
  assertFrameworkEditor(ctx);
  const id = assertId(input.id, 'input.id');
  const areaId = input.areaId != null ? assertId(input.areaId, 'input.areaId') : null;
  const standardIds = input.standardIds != null ? parseStandardIds(input.standardIds) : null;
  return runMutation(
    ctx,
    () => new IndicatorUpdatePayload(),
    async (m, result) => {
      const { row } = await lockVersionItem(m, 'indicator', id, ['input', 'id']);
      const existing = hydrate(ctx.db, Indicator, row);
      const before = {
        ...indicatorView(existing, await currentStandardIds(m, id)),
        breakdowns: await combinationsOf(m, id),
      };
      const errors = new InputErrors();
      const wanted: Record<string, unknown> = {};
      if (input.breakdowns != null)
        wanted.breakdowns = await readCombinations(m, errors, input.breakdowns, existing.frameworkVersionId);
      if (areaId) {
        await checkArea(m, errors, areaId, existing.frameworkVersionId);
        wanted.areaId = areaId;
      }
      if (input.code != null)
        wanted.code = errors.code(input.code, ['input', 'code'], ITEM_CODE_RE, 'PROT-2.1');
      if (input.type != null) wanted.type = input.type;
      if (input.answerType != null) wanted.answerType = input.answerType;
      if (input.title != null) wanted.title = errors.optionalText(input.title, ['input', 'title']);
      if (input.guidance != null)
        wanted.guidance = errors.optionalText(input.guidance, ['input', 'guidance']);
      if (input.meansOfVerification != null)
        wanted.meansOfVerification = errors.optionalText(input.meansOfVerification, [
          'input',
          'meansOfVerification',
        ]);
      if (input.expectedBreakdowns != null)
        wanted.expectedBreakdowns = breakdowns(errors, input.expectedBreakdowns);
      if (input.position != null) wanted.position = errors.position(input.position, ['input', 'position']);
      if (standardIds) wanted.standardIds = [...(await checkStandards(m, errors, standardIds))].sort();
      errors.throwIfAny();

      const diff = changedFields(before, wanted);
      if (Object.keys(diff.after).length === 0) {
        result.indicator = existing;
        return;
      }
      if (diff.after.code)
        await assertCodeFree(m, existing.frameworkVersionId, diff.after.code as string, id);
      const { standardIds: links, breakdowns: combinations, ...columns } = diff.after;
      let saved = existing;
      if (Object.keys(columns).length > 0)
        saved = hydrate(ctx.db, Indicator, await updateColumns(m, 'indicator', id, columns, COLUMNS));
      if (links) {
        await m.query(
          `DELETE FROM indicator_standard WHERE indicator_id = $1 AND NOT (standard_id = ANY($2))`,
          [id, links],
        );
        await linkStandards(m, id, links as string[]);
      }
      if (combinations) await setCombinations(m, id, combinations as string[][]);
      await recordAudit(m, ctx, { entityType: 'indicator', entityId: id, action: 'update', ...diff });
      result.indicator = saved;
    },
  );
}

export function deleteIndicator(
  ctx: RequestContext,
  input: IndicatorDeleteInput,
): Promise<IndicatorDeletePayload> {
  assertFrameworkEditor(ctx);
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new IndicatorDeletePayload(),
    async (m, result) => {
      const { row, version } = await lockVersionItem(m, 'indicator', id, ['input', 'id']);
      const existing = hydrate(ctx.db, Indicator, row);
      if (version.status === FrameworkVersionStatus.PUBLISHED) {
        const [{ count }] = await m.query(
          `SELECT count(*)::int AS count FROM indicator WHERE framework_version_id = $1`,
          [version.id],
        );
        // Publishing required indicators; deleting the last one would leave a published version with none.
        if (count <= 1) {
          throw BusinessRuleError.of(
            UserErrorCode.INVALID_INPUT,
            `Indicator ${existing.code} is the last one of published version ${version.label}.`,
            ['input', 'id'],
          );
        }
      }
      const before = indicatorView(existing, await currentStandardIds(m, id));
      // The links go with the indicator (ON DELETE CASCADE).
      await m.query(`DELETE FROM indicator WHERE id = $1`, [id]);
      await recordAudit(m, ctx, { entityType: 'indicator', entityId: id, action: 'delete', before });
      result.deletedIndicatorId = id;
    },
  );
}
