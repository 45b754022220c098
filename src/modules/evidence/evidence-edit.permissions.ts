import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

// Evidence changes with its assessment: whoever may edit the assessment.
const editors = requires(Capability.ASSESSMENT_EDIT);

export const evidenceEditPermissions: IRules = {
  Mutation: { evidenceCreate: editors, evidenceUpdate: editors, evidenceDelete: editors },
  EvidenceCreatePayload: allow,
  EvidenceUpdatePayload: allow,
  EvidenceDeletePayload: allow,
};
