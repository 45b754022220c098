import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { forbidden, UserError, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { lockRows, queryRows } from '../../common/sql';
import { toI18nText } from '../../common/translation-input';
import { assertCountryCode, assertId } from '../../common/validation';
import { changedFields, recordAudit } from '../audit/audit.service';
import { RecommendationSource } from './recommendation-source.entity';
import { Recommendation } from './recommendation.entity';
import { RecommendationStrength, SourceBody } from './recommendation.enums';
import { recommendationEditDecision } from './recommendation.policy';
import type { RecommendationCreateInput, RecommendationUpdateInput } from './recommendation.types';
import { RecommendationCreatePayload, RecommendationUpdatePayload } from './recommendation.types';

const MAX_LINKS = 50;

const userOf = (ctx: RequestContext) => (ctx.viewer.kind === 'user' ? ctx.viewer.userId : null);

/** Checks and writes the standards and indicators a recommendation is linked to, replacing the old links. */
async function setLinks(
  m: EntityManager,
  recommendation: Recommendation,
  standardIds: string[] | null | undefined,
  indicatorIds: string[] | null | undefined,
): Promise<void> {
  const errors: UserError[] = [];
  const lists = [
    [
      'standardIds',
      standardIds,
      'recommendation_standard',
      'standard_id',
      `SELECT id FROM standard WHERE id = ANY($1)`,
    ],
    [
      'indicatorIds',
      indicatorIds,
      'recommendation_indicator',
      'indicator_id',
      // Only indicators every reader may see: those of published framework versions.
      `SELECT i.id FROM indicator i JOIN framework_version v ON v.id = i.framework_version_id
       WHERE i.id = ANY($1) AND v.status = 'PUBLISHED'`,
    ],
  ] as const;
  for (const [field, given, table, column, existsSql] of lists) {
    if (given == null) continue;
    const ids = [...new Set(given.map((id) => assertId(id, `input.${field}`)))];
    if (ids.length > MAX_LINKS) {
      errors.push(UserError.of(UserErrorCode.INVALID_INPUT, `At most ${MAX_LINKS} links.`, ['input', field]));
      continue;
    }
    const found = new Set((await m.query(existsSql, [ids])).map((r: { id: string }) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      errors.push(
        UserError.of(UserErrorCode.NOT_FOUND, `Unknown or unpublished: ${missing.join(', ')}.`, [
          'input',
          field,
        ]),
      );
      continue;
    }
    await m.query(`DELETE FROM ${table} WHERE recommendation_id = $1`, [recommendation.id]);
    await m.query(
      `INSERT INTO ${table} (recommendation_id, country_code, ${column}) SELECT $1, $2, unnest($3::uuid[])`,
      [recommendation.id, recommendation.countryCode, ids],
    );
  }
  if (errors.length) throw new BusinessRuleError(errors);
}

function checkStrength(body: SourceBody, strength: RecommendationStrength | null | undefined): UserError[] {
  if (strength && body !== SourceBody.GRETA)
    return [
      UserError.of(UserErrorCode.INVALID_INPUT, `A strength is GRETA’s wording; a ${body} source has none.`, [
        'input',
        'strength',
      ]),
    ];
  return [];
}

function checkReference(reference: string | null | undefined): UserError[] {
  if (reference == null) return [];
  const trimmed = reference.trim();
  return trimmed.length >= 1 && trimmed.length <= 60
    ? []
    : [
        UserError.of(UserErrorCode.INVALID_INPUT, 'A reference has 1 to 60 characters.', [
          'input',
          'reference',
        ]),
      ];
}

const auditView = (r: Recommendation) => ({
  reference: r.reference,
  strength: r.strength,
  text: r.text,
  version: r.version,
});

export function createRecommendation(
  ctx: RequestContext,
  input: RecommendationCreateInput,
): Promise<RecommendationCreatePayload> {
  const countryCode = assertCountryCode(input.countryCode, 'input.countryCode');
  const sourceId = assertId(input.sourceId, 'input.sourceId');
  if (!recommendationEditDecision(ctx.viewer, countryCode).allowed)
    throw forbidden(`You cannot record recommendations to ${countryCode}.`);
  return runMutation(
    ctx,
    () => new RecommendationCreatePayload(),
    async (m, result) => {
      const [sourceRow] = await m.query(`SELECT * FROM recommendation_source WHERE id = $1`, [sourceId]);
      if (!sourceRow || (sourceRow.country_code && sourceRow.country_code !== countryCode))
        throw BusinessRuleError.of(
          UserErrorCode.NOT_FOUND,
          `There is no such source addressed to ${countryCode}.`,
          ['input', 'sourceId'],
        );
      const source = hydrate(ctx.db, RecommendationSource, sourceRow);
      const text = toI18nText(input.text, ['input', 'text'], 5000);
      const errors = [
        ...checkReference(input.reference),
        ...checkStrength(source.body, input.strength),
        ...text.errors,
      ];
      if (input.text.length === 0)
        errors.push(UserError.of(UserErrorCode.INVALID_INPUT, 'A text is required.', ['input', 'text']));
      if (errors.length) throw new BusinessRuleError(errors);
      const [row] = await m.query(
        `INSERT INTO recommendation (country_code, source_id, source_body, reference, strength, text, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
        [
          countryCode,
          source.id,
          source.body,
          input.reference.trim(),
          input.strength ?? null,
          JSON.stringify(text.value),
          userOf(ctx),
        ],
      );
      const saved = hydrate(ctx.db, Recommendation, row);
      await setLinks(m, saved, input.standardIds, input.indicatorIds);
      await recordAudit(m, ctx, {
        entityType: 'recommendation',
        entityId: saved.id,
        countryCode,
        action: 'create',
        after: {
          ...auditView(saved),
          sourceId: source.id,
          standardIds: input.standardIds ?? [],
          indicatorIds: input.indicatorIds ?? [],
        },
      });
      result.recommendation = saved;
    },
  );
}

export function updateRecommendation(
  ctx: RequestContext,
  input: RecommendationUpdateInput,
): Promise<RecommendationUpdatePayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new RecommendationUpdatePayload(),
    async (m, result) => {
      const { rows, locked } = await lockRows(m, `SELECT * FROM recommendation WHERE id = $1`, 'FOR UPDATE', [
        id,
      ]);
      if (rows.length === 0)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such recommendation.', [
          'input',
          'id',
        ]);
      const existing = hydrate(ctx.db, Recommendation, rows[0]);
      // The tenant check on the loaded row; the database refuses the lock to whoever may not change it.
      if (!recommendationEditDecision(ctx.viewer, existing.countryCode).allowed || !locked)
        throw forbidden(`You cannot change recommendations to ${existing.countryCode}.`);
      if (existing.version !== input.expectedVersion) {
        result.currentVersion = existing.version;
        throw BusinessRuleError.of(
          UserErrorCode.STALE_VERSION,
          `The recommendation changed since version ${input.expectedVersion}; it is now version ${existing.version}.`,
          ['input', 'expectedVersion'],
        );
      }
      const text = input.text ? toI18nText(input.text, ['input', 'text'], 5000) : null;
      const errors = [
        ...checkReference(input.reference),
        ...checkStrength(existing.sourceBody, input.strength),
        ...(text?.errors ?? []),
      ];
      if (input.text && input.text.length === 0)
        errors.push(UserError.of(UserErrorCode.INVALID_INPUT, 'A text is required.', ['input', 'text']));
      if (errors.length) throw new BusinessRuleError(errors);
      const [row] = await queryRows(
        m,
        `UPDATE recommendation SET reference = coalesce($2, reference),
           strength = CASE WHEN $3 THEN $4 ELSE strength END, text = coalesce($5::jsonb, text),
           version = version + 1, updated_by = $6, updated_at = now()
         WHERE id = $1 RETURNING *`,
        [
          id,
          input.reference?.trim() ?? null,
          input.strength !== undefined,
          input.strength ?? null,
          text?.value ? JSON.stringify(text.value) : null,
          userOf(ctx),
        ],
      );
      const saved = hydrate(ctx.db, Recommendation, row);
      await setLinks(m, saved, input.standardIds, input.indicatorIds);
      await recordAudit(m, ctx, {
        entityType: 'recommendation',
        entityId: saved.id,
        countryCode: saved.countryCode,
        action: 'update',
        ...changedFields(auditView(existing), auditView(saved)),
      });
      result.recommendation = saved;
    },
  );
}
