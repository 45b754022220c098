import type { GraphQLModule } from '../../common/module';
import { auditPermissions } from './audit.permissions';
import { AuditResolver } from './audit.resolver';

export const auditModule: GraphQLModule = { resolvers: [AuditResolver], permissions: auditPermissions };
