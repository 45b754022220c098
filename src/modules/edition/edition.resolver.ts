import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { getComparison } from '../comparison/comparison.read';
import { Comparison } from '../comparison/comparison.types';
import { MonitoringCycle } from '../cycle/cycle.entity';
import { cycleIdOf } from '../entry-points';
import { publicationFacts } from '../deployment/publication';
import { Edition } from './edition.entity';
import { CitationFormat, formatCitation } from './edition.citation';
import { findEdition } from './edition.service';
import { configuredPublicUrl, editionUrl } from '../open-data/open-data.settings';

@ArgsType()
class EditionComparisonArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only indicators under this area (pillar or sub-theme code).',
  })
  areaCode?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these indicators.' })
  indicatorIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only the indicators with these codes in the cycle’s framework version (not with `indicatorIds`).',
  })
  indicatorCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these countries (ISO codes).' })
  countryCodes?: string[] | null;
}

@Resolver(() => Edition)
export class EditionResolver {
  @Query(() => Edition, {
    nullable: true,
    description: 'A published edition of a cycle: the given number, or the latest; null when there is none.',
  })
  async edition(
    @Ctx() ctx: RequestContext,
    @Arg('cycleId', () => ID, { nullable: true, description: 'The cycle, by id (or give `cycleCode`).' })
    cycleId?: string | null,
    @Arg('cycleCode', () => String, {
      nullable: true,
      description: 'The cycle, by its code, e.g. `2024` (or give `cycleId`).',
    })
    cycleCode?: string | null,
    @Arg('number', () => Int, { nullable: true, description: 'The edition number; omitted: the latest.' })
    number?: number,
  ) {
    if (number != null && (!Number.isInteger(number) || number < 1))
      throw badUserInput('number must be from 1.');
    const id = await cycleIdOf(ctx, { id: cycleId, code: cycleCode });
    const edition = id ? await findEdition(ctx, id, number) : null;
    // "No such edition" lasts only until the next publication: not an answer to share.
    if (!edition) ctx.responseCache.readLive();
    return edition;
  }

  @FieldResolver(() => MonitoringCycle, { description: 'The cycle this is an edition of.' })
  cycle(@Root() edition: Edition, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byId.load(edition.cycleId);
  }

  @FieldResolver(() => String, {
    description:
      'A reference to cite the edition by, with its stable URL in the structured formats; on demo data it says ' +
      'so first.',
  })
  async citation(
    @Root() edition: Edition,
    @Ctx() ctx: RequestContext,
    @Arg('format', () => CitationFormat, {
      defaultValue: CitationFormat.TEXT,
      description: 'How the reference is written: TEXT (the default), CSL_JSON or BIBTEX.',
    })
    format: CitationFormat,
  ): Promise<string> {
    const cycle = await ctx.loaders.cycle.byId.load(edition.cycleId);
    return formatCitation(format, {
      cycleCode: cycle?.code ?? '',
      edition,
      publication: await publicationFacts(ctx),
      url: editionUrl(configuredPublicUrl() ?? '', edition.id),
    });
  }

  @FieldResolver(() => String, {
    description:
      'The stable address of the edition as open data: its Frictionless Data Package (`datapackage.json`, with ' +
      'CSV resources beside it). Absolute when the deployment sets PUBLIC_URL, else a path on the API’s origin.',
  })
  url(@Root() edition: Edition): string {
    return editionUrl(configuredPublicUrl() ?? '', edition.id);
  }

  @FieldResolver(() => Comparison, { description: 'The comparison exactly as published in this edition.' })
  async comparison(
    @Root() edition: Edition,
    @Args() args: EditionComparisonArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return getComparison(ctx, { ...args, cycleId: edition.cycleId, edition: edition.number });
  }
}

@Resolver(() => MonitoringCycle)
export class CycleEditionsResolver {
  @FieldResolver(() => [Edition], { description: 'The cycle’s published editions, newest first.' })
  editions(@Root() cycle: MonitoringCycle, @Ctx() ctx: RequestContext) {
    return ctx.loaders.edition.byCycle.load(cycle.id);
  }
}
