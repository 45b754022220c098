import { Connection } from '../../common/connection';
import { Evidence } from './evidence.entity';

export const EvidenceConnection = Connection(Evidence, 'Evidence', 'evidence');
