import { Field, ObjectType } from 'type-graphql';
import type { I18nText, LocaleTag } from './i18n';
import { Locale, LOCALE_TAGS, resolveText } from './i18n';

@ObjectType({ description: 'One translation of a multilingual text.' })
export class Translation {
  @Field(() => Locale, { description: 'The language of this translation.' })
  locale: Locale;

  @Field({ description: 'The text in that language.' })
  text: string;
}

@ObjectType({
  description:
    'A multilingual text resolved in the language the request asked for (the `locale` argument, else the ' +
    '`Accept-Language` header). When that language has no text, the next language of its fallback chain that ' +
    'has one is returned (Montenegrin: Serbian Latin, then Bosnian; Bosnian: Croatian, then Serbian Latin; ' +
    'Croatian: Bosnian, then Serbian Latin; Serbian in one script: the other script, transliterated), and ' +
    'English at the latest.',
})
export class LocalizedText {
  @Field({ description: 'The text in the returned language.' })
  text: string;

  @Field(() => Locale, {
    description:
      'The language `text` is in: the requested one (Serbian transliterated from the other script counts as ' +
      'the requested one), else the language of its fallback chain the text was found in, else English.',
  })
  locale: Locale;

  @Field({
    description:
      'True when the requested language had no text and another language (`locale`) was returned instead.',
  })
  isFallback: boolean;

  @Field(() => [Translation], { description: 'Every stored translation of this text, English first.' })
  translations: Translation[];

  static of(value: I18nText, requested: LocaleTag): LocalizedText {
    const resolved = resolveText(value, requested);
    const result = new LocalizedText();
    result.text = resolved.text;
    result.locale = resolved.locale as Locale;
    result.isFallback = resolved.locale !== requested;
    result.translations = LOCALE_TAGS.filter((tag) => value[tag]).map((tag) =>
      Object.assign(new Translation(), { locale: tag as Locale, text: value[tag] as string }),
    );
    return result;
  }
}
