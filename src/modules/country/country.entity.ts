import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { I18nText, LocaleTag } from '../../common/i18n';
import { Node } from '../../common/node.type';

@ObjectType({
  implements: Node,
  description: 'A country monitored in the region, identified by its ISO 3166-1 alpha-2 code.',
})
@Entity({ name: 'country' })
export class Country {
  @Field({ description: 'ISO 3166-1 alpha-2 code, upper case (e.g. `RS`).' })
  @PrimaryColumn({ type: 'char', length: 2 })
  code: string;

  @Column({ type: 'jsonb' })
  name: I18nText;

  @Column({ type: 'text', array: true })
  locales: LocaleTag[];

  @Field({ description: 'When the country was added to the database.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
