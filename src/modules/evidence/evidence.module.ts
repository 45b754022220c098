import type { GraphQLModule } from '../../common/module';
import { mergeRules } from '../../common/permissions';
import { evidenceEditPermissions } from './evidence-edit.permissions';
import { EvidenceEditResolver } from './evidence-edit.resolver';
import { evidencePermissions } from './evidence.permissions';
import { EvidenceResolver } from './evidence.resolver';

export const evidenceModule: GraphQLModule = {
  resolvers: [EvidenceResolver, EvidenceEditResolver],
  permissions: mergeRules(evidencePermissions, evidenceEditPermissions),
};
