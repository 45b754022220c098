import type { I18nText, Locale } from './i18n';
import type { RequestContext } from './context';
import { LocalizedText } from './localized-text.type';

export const LOCALE_ARG_DESCRIPTION =
  'Language to return the text in; defaults to the request’s Accept-Language, falling back to English.';

/** Resolves a stored multilingual text for a field, honouring a field-level `locale` argument. */
export function localize(ctx: RequestContext, value: I18nText, locale?: Locale | null): LocalizedText;
export function localize(
  ctx: RequestContext,
  value: I18nText | null,
  locale?: Locale | null,
): LocalizedText | null;
export function localize(
  ctx: RequestContext,
  value: I18nText | null,
  locale?: Locale | null,
): LocalizedText | null {
  if (!value) return null;
  return LocalizedText.of(value, locale ?? ctx.locale);
}
