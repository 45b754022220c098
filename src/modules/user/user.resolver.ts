import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Country } from '../country/country.entity';
import { Organisation } from '../organisation/organisation.entity';
import { User } from './user.entity';
import { Role } from './user.enums';
import { canSeeEmail } from './user.policy';

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The e-mail address: shown to the user, its organisation’s country lead and admins; null to others.',
  })
  email(@Root() user: User, @Ctx() ctx: RequestContext): string | null {
    return canSeeEmail(ctx.viewer, user) ? user.email : null;
  }

  @FieldResolver(() => Role, { description: 'The user’s role in its organisation.' })
  role(@Root() user: User): Role {
    return user.role as Role;
  }

  @FieldResolver(() => Organisation, { description: 'The organisation the user belongs to.' })
  async organisation(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organisation.byId.load(user.organisationId as string);
  }

  @FieldResolver(() => [Country], {
    description: 'The countries the user works on: its organisation’s countries.',
  })
  async countries(@Root() user: User, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.country.byOrganisation.load(user.organisationId as string)).map(
      (row) => row.country,
    );
  }
}
