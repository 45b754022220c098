import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createOrganisation, updateOrganisation } from './organisation-edit.service';
import {
  OrganisationCreateInput,
  OrganisationCreatePayload,
  OrganisationUpdateInput,
  OrganisationUpdatePayload,
} from './organisation-edit.types';

@Resolver()
export class OrganisationEditResolver {
  @Mutation(() => OrganisationCreatePayload, { description: 'Creates an organisation (admins).' })
  organisationCreate(
    @Arg('input', { description: 'The organisation.' }) input: OrganisationCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createOrganisation(ctx, input);
  }

  @Mutation(() => OrganisationUpdatePayload, {
    description: 'Renames an organisation or changes the countries a partner covers (admins).',
  })
  organisationUpdate(
    @Arg('input', { description: 'The changes.' }) input: OrganisationUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateOrganisation(ctx, input);
  }
}
