import { ArgsType, Field } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { Standard } from './standard.entity';
import { Instrument } from './standard.enums';

export const StandardConnection = Connection(Standard, 'Standard', 'standards');

@ArgsType()
export class StandardsArgs extends PageArgs {
  @Field(() => Instrument, { nullable: true, description: 'Only provisions of this instrument.' })
  instrument?: Instrument | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only national action plan measures of this country (ISO code).',
  })
  countryCode?: string | null;
}
