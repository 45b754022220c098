import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { userWithRole } from '../../common/rules';
import { Role } from '../user/user.enums';

const editors = userWithRole(Role.COUNTRY_EDITOR, Role.COUNTRY_LEAD);

export const evidenceEditPermissions: IRules = {
  Mutation: { evidenceCreate: editors, evidenceUpdate: editors, evidenceDelete: editors },
  EvidenceCreatePayload: allow,
  EvidenceUpdatePayload: allow,
  EvidenceDeletePayload: allow,
};
