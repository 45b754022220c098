import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { I18nText } from '../../common/i18n';
import { Instrument } from './standard.enums';
import { Node } from '../../common/node.type';

@ObjectType({
  implements: Node,
  description: 'A provision of an instrument that indicators measure: an article or an action plan measure.',
})
@Entity({ name: 'standard' })
export class Standard {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Instrument, { description: 'The instrument the provision belongs to.' })
  @Column({ type: 'text' })
  instrument: Instrument;

  @Field({ description: 'The provision as cited, e.g. `Art. 10(1)` or `Measure 2.3`.' })
  @Column({ type: 'text' })
  reference: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a national action plan measure, the country whose plan it is.',
  })
  @Column({ name: 'country_code', type: 'char', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'jsonb' })
  title: I18nText;

  @Column({ type: 'jsonb' })
  summary: I18nText;
}
