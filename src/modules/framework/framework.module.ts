import type { GraphQLModule } from '../../common/module';
import { FrameworkEditResolver, FrameworkVersionEditResolver } from './framework-edit.resolver';
import { AreaResolver, FrameworkVersionResolver, ScoreLevelResolver } from './framework-version.resolver';
import { frameworkPermissions } from './framework.permissions';
import { FrameworkResolver } from './framework.resolver';

export const frameworkModule: GraphQLModule = {
  resolvers: [
    FrameworkResolver,
    FrameworkVersionResolver,
    AreaResolver,
    ScoreLevelResolver,
    FrameworkEditResolver,
    FrameworkVersionEditResolver,
  ],
  permissions: frameworkPermissions,
};
