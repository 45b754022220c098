import type { GraphQLModule } from '../../common/module';
import { countryPermissions } from './country.permissions';
import { CountryResolver } from './country.resolver';

export const countryModule: GraphQLModule = { resolvers: [CountryResolver], permissions: countryPermissions };
