import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import type { I18nText } from '../../common/i18n';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { assertCountryCode } from '../../common/validation';
import { Edition } from '../edition/edition.entity';
import { ImplementationStatus, RecommendationStrength, SourceBody } from './recommendation.enums';

@ObjectType({
  description: 'A piece of public evidence a published follow-up cited, as it was at publication.',
})
export class EditionFollowUpEvidence {
  @Field({ description: 'The kind of document, as `Evidence.kind`.' })
  kind: string;

  @Field({ description: 'The title of the document.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'How to cite it.' })
  citation: string | null;

  @Field(() => String, { nullable: true, description: 'Where it can be read.' })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'The date of the document, `YYYY-MM-DD`.' })
  documentDate: string | null;
}

@ObjectType({
  description:
    'A published follow-up of a recommendation as an edition holds it: the recommendation, its source and how ' +
    'far it was implemented, as they stood when the cycle was published.',
})
export class EditionFollowUp {
  @Field(() => ID, { description: 'The follow-up.' })
  followUpId: string;

  @Field(() => ID, { description: 'The recommendation.' })
  recommendationId: string;

  @Field({ description: 'The country (ISO code).' })
  countryCode: string;

  @Field(() => SourceBody, { description: 'The body of the source.' })
  sourceBody: SourceBody;

  @Field(() => Int, { description: 'The year of the source.' })
  sourceYear: number;

  @Field(() => String, { nullable: true, description: 'The round of the source.' })
  sourceRound: string | null;

  @Field({ description: 'Where the recommendation is in its source.' })
  reference: string;

  @Field(() => RecommendationStrength, { nullable: true, description: 'GRETA’s wording; null for others.' })
  strength: RecommendationStrength | null;

  @Field(() => ImplementationStatus, { description: 'How far it was implemented.' })
  implementationStatus: ImplementationStatus;

  @Field(() => Int, { description: 'The version of the follow-up that was published.' })
  version: number;

  @Field(() => [EditionFollowUpEvidence], { description: 'The public evidence it cited.' })
  evidence: EditionFollowUpEvidence[];

  sourceTitle: I18nText;
  text: I18nText;
  narrative: I18nText | null;
}

@Resolver(() => EditionFollowUp)
export class EditionFollowUpResolver {
  @FieldResolver(() => LocalizedText, { description: 'The title of the source.' })
  sourceTitle(
    @Root() f: EditionFollowUp,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, f.sourceTitle, locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'The recommendation.' })
  text(
    @Root() f: EditionFollowUp,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, f.text, locale);
  }

  @FieldResolver(() => LocalizedText, { nullable: true, description: 'What was done and what was missing.' })
  narrative(
    @Root() f: EditionFollowUp,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, f.narrative, locale);
  }
}

@Resolver(() => Edition)
export class EditionRecommendationsResolver {
  @FieldResolver(() => [EditionFollowUp], {
    description:
      'The follow-ups of recommendations published in this edition, as they stood then, by country; empty for ' +
      'editions published before the register existed.',
  })
  recommendationFollowUps(
    @Root() edition: Edition,
    @Arg('countryCode', () => String, { nullable: true, description: 'Only this country (ISO code).' })
    countryCode?: string | null,
  ): EditionFollowUp[] {
    const country = countryCode ? assertCountryCode(countryCode, 'countryCode') : null;
    return (edition.content.recommendations ?? [])
      .filter((row) => !country || row.countryCode === country)
      .map((row) => {
        const source = row.source as Record<string, unknown>;
        return Object.assign(new EditionFollowUp(), {
          ...row,
          sourceYear: source.year,
          sourceRound: source.round ?? null,
          sourceTitle: source.title,
        }) as EditionFollowUp;
      });
  }
}
