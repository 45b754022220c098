import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs, pageWindow, toConnection } from '../../common/connection';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { Assessment } from '../assessment/assessment.entity';
import { AssessmentStatus } from '../assessment/assessment.enums';
import {
  allowedTransitions,
  canEditAssessment,
  canReviewAssessment,
  canSubmitAssessment,
  seesWorkOn,
} from '../assessment/assessment.policy';
import { MonitoringCycle } from '../cycle/cycle.entity';
import type { CycleStatus } from '../cycle/cycle.enums';
import { Evidence } from '../evidence/evidence.entity';
import { Indicator } from '../indicator/indicator.entity';
import { Standard } from '../standard/standard.entity';
import { RecommendationFollowUp } from './follow-up.entity';
import { Recommendation } from './recommendation.entity';
import { RecommendationConnection } from './recommendation.types';

async function cycleStatus(ctx: RequestContext, followUp: RecommendationFollowUp): Promise<CycleStatus> {
  const cycle = await ctx.loaders.cycle.byId.load(followUp.cycleId);
  if (!cycle) throw new Error(`follow-up ${followUp.id} has no cycle`);
  return cycle.status;
}

@Resolver(() => RecommendationFollowUp)
export class FollowUpResolver {
  @FieldResolver(() => LocalizedText, {
    nullable: true,
    description: 'What was done and what is missing, as the partner found it.',
  })
  narrative(
    @Root() followUp: RecommendationFollowUp,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, followUp.narrative, locale);
  }

  @FieldResolver(() => Recommendation, { description: 'The recommendation followed up.' })
  async recommendation(@Root() followUp: RecommendationFollowUp, @Ctx() ctx: RequestContext) {
    const recommendation = await ctx.loaders.recommendation.byId.load(followUp.recommendationId);
    // Whoever reads a follow-up reads its recommendation (the policies say so); a missing one is a fault.
    if (!recommendation) throw new Error(`follow-up ${followUp.id} has no readable recommendation`);
    return recommendation;
  }

  @FieldResolver(() => MonitoringCycle, { description: 'The monitoring cycle of the follow-up.' })
  cycle(@Root() followUp: RecommendationFollowUp, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byId.load(followUp.cycleId);
  }

  @FieldResolver(() => [Evidence], {
    description:
      'The evidence of implementation it cites, oldest link first: only the items the caller may read where ' +
      'they were filed (with an assessment of the country, under their confidentiality).',
  })
  async evidence(@Root() followUp: RecommendationFollowUp, @Ctx() ctx: RequestContext) {
    const rows = await ctx.loaders.recommendation.evidenceByFollowUp.load(followUp.id);
    return rows.map((row) => row.evidence);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The reviewer’s latest note, written when requesting changes or reopening: for the users who work on its ' +
      'country, the reviewer and admins; null for others. Anonymous readers get UNAUTHENTICATED, API keys FORBIDDEN.',
  })
  reviewNote(@Root() followUp: RecommendationFollowUp, @Ctx() ctx: RequestContext): string | null {
    return seesWorkOn(ctx.viewer, followUp.countryCode) ? followUp.reviewNote : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may change it now.' })
  async viewerCanEdit(@Root() followUp: RecommendationFollowUp, @Ctx() ctx: RequestContext) {
    return canEditAssessment(ctx.viewer, followUp, await cycleStatus(ctx, followUp));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may submit it for review now.' })
  async viewerCanSubmit(@Root() followUp: RecommendationFollowUp, @Ctx() ctx: RequestContext) {
    return canSubmitAssessment(ctx.viewer, followUp, await cycleStatus(ctx, followUp));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may approve it or request changes now.' })
  async viewerCanReview(@Root() followUp: RecommendationFollowUp, @Ctx() ctx: RequestContext) {
    return canReviewAssessment(ctx.viewer, followUp, await cycleStatus(ctx, followUp));
  }

  @FieldResolver(() => [AssessmentStatus], {
    description: 'The statuses the viewer could move it to now, to show the right buttons.',
  })
  async allowedTransitions(@Root() followUp: RecommendationFollowUp, @Ctx() ctx: RequestContext) {
    return allowedTransitions(ctx.viewer, followUp, await cycleStatus(ctx, followUp));
  }
}

const LINKED = 'Recommendations the caller may read';

@Resolver(() => Indicator)
export class IndicatorRecommendationsResolver {
  @FieldResolver(() => RecommendationConnection, {
    description: `${LINKED} that are linked to this indicator, by country.`,
  })
  async recommendations(@Root() indicator: Indicator, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const request = { key: indicator.id, filter: null, window: pageWindow(page) };
    return toConnection(await ctx.loaders.recommendation.pageByIndicator.load(request));
  }
}

@Resolver(() => Standard)
export class StandardRecommendationsResolver {
  @FieldResolver(() => RecommendationConnection, {
    description: `${LINKED} that concern this standard, by country.`,
  })
  async recommendations(@Root() standard: Standard, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const request = { key: standard.id, filter: null, window: pageWindow(page) };
    return toConnection(await ctx.loaders.recommendation.pageByStandard.load(request));
  }
}

@Resolver(() => Assessment)
export class AssessmentRecommendationsResolver {
  @FieldResolver(() => RecommendationConnection, {
    description: `${LINKED} made to the assessment’s country and linked to its indicator.`,
  })
  async recommendations(@Root() assessment: Assessment, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const request = { key: assessment.id, filter: null, window: pageWindow(page) };
    return toConnection(await ctx.loaders.recommendation.pageByAssessment.load(request));
  }
}
