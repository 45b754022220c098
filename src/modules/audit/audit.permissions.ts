import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

// Rows are decided in the service (which entries of whose history) and names in the resolver (`actor`): both
// depend on the record, which a rule on the field cannot see.
export const auditPermissions: IRules = {
  Query: { auditTrail: publicRead },
  AuditEvent: publicRead,
};
