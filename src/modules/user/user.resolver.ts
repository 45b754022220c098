import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Organisation } from '../organisation/organisation.entity';
import { User } from './user.entity';
import { Role } from './user.enums';

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Role, { description: 'The user’s role in its organisation.' })
  role(@Root() user: User): Role {
    return user.role as Role;
  }

  @FieldResolver(() => Organisation, { description: 'The organisation the user belongs to.' })
  async organisation(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organisation.byId.load(user.organisationId as string);
  }
}
