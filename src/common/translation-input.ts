import { Field, InputType } from 'type-graphql';
import { UserError, UserErrorCode } from './errors';
import type { I18nText } from './i18n';
import { Locale } from './i18n';

@InputType({ description: 'A text in one language.' })
export class TranslationInput {
  @Field(() => Locale, { description: 'The language of the text.' })
  locale: Locale;

  @Field({ description: 'The text.' })
  text: string;
}

/**
 * Turns translations into a stored multilingual text. English is required: it is the fallback every reader gets
 * when their language is missing, and the language the reviewer compares countries in.
 */
export function toI18nText(
  translations: TranslationInput[],
  field: string[],
  maxLength: number,
): { value: I18nText | null; errors: UserError[] } {
  const errors: UserError[] = [];
  const value: Record<string, string> = {};
  for (const { locale, text } of translations) {
    const trimmed = text.trim();
    if (locale in value)
      errors.push(UserError.of(UserErrorCode.INVALID_INPUT, `${locale} is given twice.`, field));
    else if (trimmed.length === 0)
      errors.push(UserError.of(UserErrorCode.INVALID_INPUT, `The ${locale} text is empty.`, field));
    else if (trimmed.length > maxLength) {
      errors.push(
        UserError.of(
          UserErrorCode.INVALID_INPUT,
          `The ${locale} text is longer than ${maxLength} characters.`,
          field,
        ),
      );
    } else value[locale] = trimmed;
  }
  if (translations.length > 0 && !value.en && errors.length === 0) {
    errors.push(
      UserError.of(
        UserErrorCode.INVALID_INPUT,
        'An English text is required (it is the fallback for every reader).',
        field,
      ),
    );
  }
  return { value: errors.length === 0 && translations.length > 0 ? (value as I18nText) : null, errors };
}
