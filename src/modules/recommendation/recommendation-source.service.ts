import type { RequestContext } from '../../common/context';
import { forbidden, UserError, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { toI18nText } from '../../common/translation-input';
import { assertCountryCode } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import { RecommendationSource } from './recommendation-source.entity';
import { sourceCreateDecision } from './recommendation.policy';
import type { RecommendationSourceCreateInput } from './recommendation.types';
import { RecommendationSourceCreatePayload } from './recommendation.types';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const URL_RE = /^https?:\/\/[^\s/$.?#][^\s]*$/;

const userOf = (ctx: RequestContext) => (ctx.viewer.kind === 'user' ? ctx.viewer.userId : null);

/** Records a source: a partner for its own countries, an admin for any country or for several (no country). */
export function createSource(
  ctx: RequestContext,
  input: RecommendationSourceCreateInput,
): Promise<RecommendationSourceCreatePayload> {
  const countryCode = input.countryCode ? assertCountryCode(input.countryCode, 'input.countryCode') : null;
  // The tenant check: a partner records its own countries' sources; only admins one for several countries.
  if (!sourceCreateDecision(ctx.viewer, countryCode).allowed)
    throw forbidden(
      countryCode
        ? `You cannot record sources addressed to ${countryCode}.`
        : 'Only admins record a source addressed to several countries.',
    );
  return runMutation(
    ctx,
    () => new RecommendationSourceCreatePayload(),
    async (m, result) => {
      const errors: UserError[] = [];
      const invalid = (message: string, field: string) =>
        errors.push(UserError.of(UserErrorCode.INVALID_INPUT, message, ['input', field]));
      const title = toI18nText(input.title, ['input', 'title'], 300);
      errors.push(...title.errors);
      if (input.title.length === 0) invalid('A title is required.', 'title');
      const round = input.round?.trim() || null;
      if (round && round.length > 40) invalid('A round has at most 40 characters.', 'round');
      if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100)
        invalid('The year must be from 1990 to 2100.', 'year');
      if (
        input.publishedOn != null &&
        (!DATE_RE.test(input.publishedOn) || Number.isNaN(Date.parse(`${input.publishedOn}T00:00:00Z`)))
      )
        invalid('Dates are written YYYY-MM-DD.', 'publishedOn');
      const url = input.url?.trim() || null;
      if (url && (!URL_RE.test(url) || url.length > 2000))
        invalid('The URL must be an http(s) address.', 'url');
      if (errors.length) throw new BusinessRuleError(errors);
      const [row] = await m.query(
        `INSERT INTO recommendation_source (body, country_code, title, round, year, published_on, url, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          input.body,
          countryCode,
          JSON.stringify(title.value),
          round,
          input.year,
          input.publishedOn ?? null,
          url,
          userOf(ctx),
        ],
      );
      const source = hydrate(ctx.db, RecommendationSource, row);
      await recordAudit(m, ctx, {
        entityType: 'recommendation_source',
        entityId: source.id,
        countryCode,
        action: 'create',
        after: { body: source.body, title: source.title, round, year: source.year },
      });
      result.source = source;
    },
  );
}
