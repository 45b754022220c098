import { Connection } from '../../common/connection';
import { Country } from './country.entity';

export const CountryConnection = Connection(Country, 'Country', 'countries');
