import type { GraphQLModule } from '../../common/module';
import { AreaResolver, FrameworkVersionResolver, ScoreLevelResolver } from './framework-version.resolver';
import { frameworkPermissions } from './framework.permissions';
import { FrameworkResolver } from './framework.resolver';

export const frameworkModule: GraphQLModule = {
  resolvers: [FrameworkResolver, FrameworkVersionResolver, AreaResolver, ScoreLevelResolver],
  permissions: frameworkPermissions,
};
