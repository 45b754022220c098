import type { GraphQLModule } from '../../common/module';
import { editionPermissions } from './edition.permissions';
import { CycleEditionsResolver, EditionResolver } from './edition.resolver';

export const editionModule: GraphQLModule = {
  resolvers: [EditionResolver, CycleEditionsResolver],
  permissions: editionPermissions,
};
