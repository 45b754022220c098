import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const evidencePermissions: IRules = {
  Query: { evidence: publicRead },
  Evidence: publicRead,
  // Only reachable through an Evidence the reader may see; the download checks the rights again.
  EvidenceFile: publicRead,
};
