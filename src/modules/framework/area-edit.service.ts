import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { assertId } from '../../common/validation';
import { changedFields, recordAudit } from '../audit/audit.service';
import {
  assertFrameworkEditor,
  InputErrors,
  ITEM_CODE_RE,
  lockEditableVersion,
  lockVersionItem,
  updateColumns,
} from './framework-edit.shared';
import type { AreaCreateInput, AreaDeleteInput, AreaUpdateInput } from './framework-edit.types';
import { AreaCreatePayload, AreaDeletePayload, AreaUpdatePayload } from './framework-edit.types';
import { Area } from './framework.entity';

const COLUMNS: Record<string, string> = {
  code: 'code',
  title: 'title',
  description: 'description',
  position: 'position',
};

function areaView(a: Area): Record<string, unknown> {
  return {
    frameworkVersionId: a.frameworkVersionId,
    parentId: a.parentId,
    code: a.code,
    pillar: a.pillar,
    title: a.title,
    description: a.description,
    position: a.position,
  };
}

async function assertCodeFree(m: EntityManager, versionId: string, code: string, exceptId: string | null) {
  const rows = await m.query(
    `SELECT 1 FROM area WHERE framework_version_id = $1 AND code = $2 AND id IS DISTINCT FROM $3`,
    [versionId, code, exceptId],
  );
  if (rows.length > 0) {
    throw BusinessRuleError.of(UserErrorCode.DUPLICATE, `The version already has an area ${code}.`, [
      'input',
      'code',
    ]);
  }
}

export function createArea(ctx: RequestContext, input: AreaCreateInput): Promise<AreaCreatePayload> {
  assertFrameworkEditor(ctx);
  const versionId = assertId(input.frameworkVersionId, 'input.frameworkVersionId');
  const parentId = input.parentId ? assertId(input.parentId, 'input.parentId') : null;
  return runMutation(
    ctx,
    () => new AreaCreatePayload(),
    async (m, result) => {
      await lockEditableVersion(m, versionId, ['input', 'frameworkVersionId']);
      const errors = new InputErrors();
      const code = errors.code(input.code, ['input', 'code'], ITEM_CODE_RE, 'PROT-ID');
      const title = errors.text(input.title, ['input', 'title']);
      const description = errors.text(input.description, ['input', 'description']);
      const position = errors.position(input.position, ['input', 'position']);
      let pillar = input.pillar ?? null;
      if (parentId) {
        const [parent] = await m.query(
          `SELECT framework_version_id, parent_id, pillar FROM area WHERE id = $1`,
          [parentId],
        );
        if (!parent)
          errors.add(UserErrorCode.NOT_FOUND, 'There is no such parent area.', ['input', 'parentId']);
        else if (parent.framework_version_id !== versionId)
          errors.add(UserErrorCode.INVALID_INPUT, 'The parent area belongs to another framework version.', [
            'input',
            'parentId',
          ]);
        else if (parent.parent_id !== null)
          // Reads show pillars and their sub-themes: a third level would hide its indicators.
          errors.add(
            UserErrorCode.INVALID_INPUT,
            'A sub-theme sits under a pillar area, not another sub-theme.',
            ['input', 'parentId'],
          );
        else if (pillar && pillar !== parent.pillar)
          errors.add(
            UserErrorCode.INVALID_INPUT,
            `A sub-theme takes its parent’s pillar, ${parent.pillar}.`,
            ['input', 'pillar'],
          );
        else pillar = parent.pillar;
      } else if (!pillar) {
        errors.add(UserErrorCode.INVALID_INPUT, 'A pillar area needs its pillar.', ['input', 'pillar']);
      }
      errors.throwIfAny();
      await assertCodeFree(m, versionId, code, null);
      const [row] = await m.query(
        `INSERT INTO area (framework_version_id, parent_id, code, pillar, title, description, position)
         VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, (SELECT coalesce(max(position) + 1, 0) FROM area
           WHERE framework_version_id = $1 AND parent_id IS NOT DISTINCT FROM $2)))
         RETURNING *`,
        [versionId, parentId, code, pillar, JSON.stringify(title), JSON.stringify(description), position],
      );
      const area = hydrate(ctx.db, Area, row);
      await recordAudit(m, ctx, {
        entityType: 'area',
        entityId: area.id,
        action: 'create',
        after: areaView(area),
      });
      result.area = area;
    },
  );
}

export function updateArea(ctx: RequestContext, input: AreaUpdateInput): Promise<AreaUpdatePayload> {
  assertFrameworkEditor(ctx);
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new AreaUpdatePayload(),
    async (m, result) => {
      const { row } = await lockVersionItem(m, 'area', id, ['input', 'id']);
      const existing = hydrate(ctx.db, Area, row);
      const errors = new InputErrors();
      const wanted: Record<string, unknown> = {};
      if (input.code != null)
        wanted.code = errors.code(input.code, ['input', 'code'], ITEM_CODE_RE, 'PROT-ID');
      if (input.title != null) wanted.title = errors.optionalText(input.title, ['input', 'title']);
      if (input.description != null)
        wanted.description = errors.optionalText(input.description, ['input', 'description']);
      if (input.position != null) wanted.position = errors.position(input.position, ['input', 'position']);
      errors.throwIfAny();
      const diff = changedFields(areaView(existing), wanted);
      if (Object.keys(diff.after).length === 0) {
        result.area = existing;
        return;
      }
      if (diff.after.code)
        await assertCodeFree(m, existing.frameworkVersionId, diff.after.code as string, id);
      const area = hydrate(ctx.db, Area, await updateColumns(m, 'area', id, diff.after, COLUMNS));
      await recordAudit(m, ctx, { entityType: 'area', entityId: id, action: 'update', ...diff });
      result.area = area;
    },
  );
}

export function deleteArea(ctx: RequestContext, input: AreaDeleteInput): Promise<AreaDeletePayload> {
  assertFrameworkEditor(ctx);
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new AreaDeletePayload(),
    async (m, result) => {
      const { row } = await lockVersionItem(m, 'area', id, ['input', 'id']);
      const existing = hydrate(ctx.db, Area, row);
      const [usage] = await m.query(
        `SELECT (SELECT count(*) FROM area WHERE parent_id = $1)::int AS sub_themes,
                (SELECT count(*) FROM indicator WHERE area_id = $1)::int AS indicators`,
        [id],
      );
      if (usage.sub_themes > 0 || usage.indicators > 0) {
        throw BusinessRuleError.of(
          UserErrorCode.INVALID_INPUT,
          `Area ${existing.code} still has ${usage.sub_themes} sub-theme(s) and ${usage.indicators} indicator(s); ` +
            'move or delete them first.',
          ['input', 'id'],
        );
      }
      await m.query(`DELETE FROM area WHERE id = $1`, [id]);
      await recordAudit(m, ctx, {
        entityType: 'area',
        entityId: id,
        action: 'delete',
        before: areaView(existing),
      });
      result.deletedAreaId = id;
    },
  );
}
