import type { GraphQLModule } from '../../common/module';

export const apiKeyModule: GraphQLModule = { resolvers: [], permissions: {} };
