import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Locale } from '../../common/i18n';
import { createArea, deleteArea, updateArea } from './area-edit.service';
import { createFramework, createFrameworkVersion, publishFrameworkVersion } from './framework-edit.service';
import {
  AreaCreateInput,
  AreaCreatePayload,
  AreaDeleteInput,
  AreaDeletePayload,
  AreaUpdateInput,
  AreaUpdatePayload,
  FrameworkCreateInput,
  FrameworkCreatePayload,
  FrameworkVersionCreateInput,
  FrameworkVersionCreatePayload,
  FrameworkVersionPublishInput,
  FrameworkVersionPublishPayload,
  MissingTranslation,
  TranslationSetInput,
  TranslationSetPayload,
} from './framework-edit.types';
import { FrameworkVersion } from './framework.entity';
import { findMissingTranslations, setTranslation } from './translation.service';

const EDITORS = '(framework editors and admins)';
const UNUSED_VERSION =
  'of a framework version no monitoring cycle uses; a used version gives FRAMEWORK_VERSION_IN_USE';

@Resolver()
export class FrameworkEditResolver {
  @Mutation(() => FrameworkCreatePayload, {
    description: `Creates an indicator framework ${EDITORS}. A code already taken gives DUPLICATE.`,
  })
  frameworkCreate(
    @Arg('input', { description: 'The new framework.' }) input: FrameworkCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createFramework(ctx, input);
  }

  @Mutation(() => FrameworkVersionCreatePayload, {
    description:
      `Creates a DRAFT framework version ${EDITORS}, empty with the default score scale or copied from ` +
      'another version so that a published framework can be revised into the next one.',
  })
  frameworkVersionCreate(
    @Arg('input', { description: 'The new version.' }) input: FrameworkVersionCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createFrameworkVersion(ctx, input);
  }

  @Mutation(() => FrameworkVersionPublishPayload, {
    description:
      `Publishes a DRAFT version ${EDITORS}. It needs indicators, each measuring at least one standard ` +
      '(else INVALID_INPUT); a published version gives INVALID_TRANSITION.',
  })
  frameworkVersionPublish(
    @Arg('input', { description: 'The version to publish.' }) input: FrameworkVersionPublishInput,
    @Ctx() ctx: RequestContext,
  ) {
    return publishFrameworkVersion(ctx, input);
  }

  @Mutation(() => AreaCreatePayload, {
    description: `Adds a pillar area or sub-theme ${UNUSED_VERSION} ${EDITORS}.`,
  })
  areaCreate(
    @Arg('input', { description: 'The new area.' }) input: AreaCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createArea(ctx, input);
  }

  @Mutation(() => AreaUpdatePayload, { description: `Changes an area ${UNUSED_VERSION} ${EDITORS}.` })
  areaUpdate(
    @Arg('input', { description: 'What to change.' }) input: AreaUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateArea(ctx, input);
  }

  @Mutation(() => AreaDeletePayload, {
    description: `Deletes an area ${UNUSED_VERSION} ${EDITORS}; one with indicators or sub-themes gives INVALID_INPUT.`,
  })
  areaDelete(
    @Arg('input', { description: 'The area to delete.' }) input: AreaDeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteArea(ctx, input);
  }

  @Mutation(() => TranslationSetPayload, {
    description:
      `Sets or removes one language of a framework, area, indicator, standard or score level text ${EDITORS}. ` +
      'Texts of a version a monitoring cycle uses give FRAMEWORK_VERSION_IN_USE.',
  })
  translationSet(
    @Arg('input', { description: 'The text and language.' }) input: TranslationSetInput,
    @Ctx() ctx: RequestContext,
  ) {
    return setTranslation(ctx, input);
  }
}

@Resolver(() => FrameworkVersion)
export class FrameworkVersionEditResolver {
  @FieldResolver(() => [MissingTranslation], {
    description:
      'The version’s texts (with its framework’s, score scale’s and standards’) that have no translation in ' +
      '`locale`, so readers get them in another language of its fallback chain or in English (Serbian in one ' +
      `script counts as translated where the other script has the text) ${EDITORS}.`,
  })
  missingTranslations(
    @Root() version: FrameworkVersion,
    @Arg('locale', () => Locale, { description: 'The language to check.' }) locale: Locale,
    @Ctx() ctx: RequestContext,
  ) {
    return findMissingTranslations(ctx, version.id, locale);
  }
}
