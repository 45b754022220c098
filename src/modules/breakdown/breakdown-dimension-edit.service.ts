import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { recordAudit } from '../audit/audit.service';
import { assertFrameworkEditor, InputErrors } from '../framework/framework-edit.shared';
import { loadDimensions } from './breakdown.service';
import type { BreakdownDimensionCreateInput } from './breakdown-dimension-edit.types';
import { BreakdownDimensionCreatePayload } from './breakdown-dimension-edit.types';

const DIMENSION_CODE_RE = /^[a-z][a-z0-9_]{0,39}$/;
const CATEGORY_CODE_RE = /^[a-z0-9][a-z0-9_]{0,39}$/;
const MAX_CATEGORIES = 100;

/**
 * Creates a dimension of a framework with its categories, after every problem of the input is listed at once.
 * Its code is unique among all dimensions, the standard ones included: a cell names a dimension by code only.
 */
export function createDimension(
  ctx: RequestContext,
  input: BreakdownDimensionCreateInput,
): Promise<BreakdownDimensionCreatePayload> {
  assertFrameworkEditor(ctx);
  return runMutation(
    ctx,
    () => new BreakdownDimensionCreatePayload(),
    async (m, result) => {
      const errors = new InputErrors();
      const code = input.code.trim();
      if (!DIMENSION_CODE_RE.test(code))
        errors.add(
          UserErrorCode.INVALID_INPUT,
          `A dimension code has 1 to 40 small letters, digits or underscores, starting with a letter, e.g. ` +
            `disability; got "${code.slice(0, 40)}".`,
          ['input', 'code'],
        );
      const title = errors.text(input.title, ['input', 'title']);
      const description = errors.text(input.description, ['input', 'description']);
      if (input.categories.length === 0 || input.categories.length > MAX_CATEGORIES)
        errors.add(UserErrorCode.INVALID_INPUT, `A dimension has 1 to ${MAX_CATEGORIES} categories.`, [
          'input',
          'categories',
        ]);
      const seen = new Set<string>();
      const categories = input.categories.slice(0, MAX_CATEGORIES).map((category, i) => {
        const at = ['input', 'categories', String(i)];
        const categoryCode = category.code.trim();
        if (!CATEGORY_CODE_RE.test(categoryCode))
          errors.add(
            UserErrorCode.INVALID_INPUT,
            `A category code has 1 to 40 small letters, digits or underscores; got "${categoryCode.slice(0, 40)}".`,
            [...at, 'code'],
          );
        else if (seen.has(categoryCode))
          errors.add(UserErrorCode.DUPLICATE, `The category ${categoryCode} is given twice.`, [
            ...at,
            'code',
          ]);
        seen.add(categoryCode);
        return {
          code: categoryCode,
          title: errors.text(category.title, [...at, 'title']),
          unknown: category.unknown ?? false,
        };
      });
      if (categories.filter((c) => c.unknown).length > 1)
        errors.add(UserErrorCode.INVALID_INPUT, 'At most one category is the unknown one.', [
          'input',
          'categories',
        ]);
      errors.throwIfAny();

      const [framework] = await m.query(`SELECT id FROM framework WHERE id::text = $1`, [
        input.frameworkId.trim(),
      ]);
      if (!framework)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such framework.', [
          'input',
          'frameworkId',
        ]);
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO breakdown_dimension (code, framework_id, title, description, exhaustive, position)
         SELECT $1, $2, $3, $4, $5, coalesce(max(position) + 1, 0) FROM breakdown_dimension WHERE framework_id = $2
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [code, framework.id, JSON.stringify(title), JSON.stringify(description), input.exhaustive],
      );
      if (rows.length === 0)
        throw BusinessRuleError.of(UserErrorCode.DUPLICATE, `There is already a dimension ${code}.`, [
          'input',
          'code',
        ]);
      const [{ id }] = rows;
      await m.query(
        `INSERT INTO breakdown_category (dimension_id, code, title, is_unknown, position)
         SELECT $1, c.code, c.title, c.is_unknown, c.position
         FROM jsonb_to_recordset($2::jsonb) AS c(code text, title jsonb, is_unknown boolean, position int)`,
        [
          id,
          JSON.stringify(
            categories.map((c, position) => ({
              code: c.code,
              title: c.title,
              is_unknown: c.unknown,
              position,
            })),
          ),
        ],
      );
      await recordAudit(m, ctx, {
        entityType: 'breakdown_dimension',
        entityId: id,
        action: 'create',
        after: {
          code,
          frameworkId: framework.id,
          title,
          description,
          exhaustive: input.exhaustive,
          categories,
        },
      });
      result.dimension = (await loadDimensions(m)).get(code) ?? null;
    },
  );
}
