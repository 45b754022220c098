import { ArgsType, Field } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { Organisation } from './organisation.entity';
import { OrganisationKind } from './organisation.enums';

export const OrganisationConnection = Connection(Organisation, 'Organisation', 'organisations');

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganisationKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only organisations covering this country (ISO code).',
  })
  countryCode?: string | null;
}
