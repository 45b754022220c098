import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { pageWindow, PageArgs, toConnection } from '../../common/connection';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { assertId } from '../../common/validation';
import { Framework, FrameworkVersion } from './framework.entity';
import { FrameworkVersionStatus } from './framework.enums';
import { findFrameworkByCode, listFrameworks } from './framework.service';
import { FrameworkConnection } from './framework.types';

@Resolver(() => Framework)
export class FrameworkResolver {
  @Query(() => FrameworkConnection, { description: 'The indicator frameworks, ordered by code.' })
  async frameworks(@Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await listFrameworks(ctx, pageWindow(page)));
  }

  @Query(() => Framework, {
    nullable: true,
    description: 'One framework by `id` or by `code` (give exactly one).',
  })
  async framework(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true, description: 'The identifier.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'The unique code, e.g. `WB-THB`.' })
    code?: string,
  ) {
    if ((id == null) === (code == null)) throw badUserInput('Give exactly one of id and code.');
    if (id != null) return ctx.loaders.framework.byId.load(assertId(id, 'id'));
    return findFrameworkByCode(ctx, code as string);
  }

  @Query(() => FrameworkVersion, { nullable: true, description: 'One framework version by id.' })
  frameworkVersion(
    @Arg('id', () => ID, { description: 'The identifier.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.loaders.framework.versionById.load(assertId(id, 'id'));
  }

  @FieldResolver(() => LocalizedText, { description: 'The framework’s name.' })
  name(
    @Root() framework: Framework,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, framework.name, locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'What the framework covers and how it is used.' })
  description(
    @Root() framework: Framework,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, framework.description, locale);
  }

  @FieldResolver(() => [FrameworkVersion], { description: 'The framework’s versions, oldest first.' })
  versions(@Root() framework: Framework, @Ctx() ctx: RequestContext) {
    return ctx.loaders.framework.versionsByFramework.load(framework.id);
  }

  @FieldResolver(() => FrameworkVersion, {
    nullable: true,
    description: 'The most recently published version.',
  })
  async latestVersion(@Root() framework: Framework, @Ctx() ctx: RequestContext) {
    const versions = await ctx.loaders.framework.versionsByFramework.load(framework.id);
    const published = versions.filter((v) => v.status === FrameworkVersionStatus.PUBLISHED);
    published.sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0));
    return published[0] ?? null;
  }
}
