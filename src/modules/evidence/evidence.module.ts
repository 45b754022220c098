import type { GraphQLModule } from '../../common/module';
import { evidencePermissions } from './evidence.permissions';
import { EvidenceResolver } from './evidence.resolver';

export const evidenceModule: GraphQLModule = { resolvers: [EvidenceResolver], permissions: evidencePermissions };
