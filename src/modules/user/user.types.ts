import { Connection } from '../../common/connection';
import { User } from './user.entity';

export const UserConnection = Connection(User, 'User', 'users');
