import { Connection } from '../../common/connection';
import { Framework } from './framework.entity';

export const FrameworkConnection = Connection(Framework, 'Framework', 'frameworks');
