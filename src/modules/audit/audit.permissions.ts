import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

// Row access is decided in the service: who may read the assessment decides who reads its history.
export const auditPermissions: IRules = {
  Query: { auditTrail: publicRead },
  AuditEvent: publicRead,
};
