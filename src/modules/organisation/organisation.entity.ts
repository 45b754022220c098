import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationKind } from './organisation.enums';
import { Node } from '../../common/node.type';

@ObjectType({
  implements: Node,
  description: 'An organisation taking part in the database: the tenant that owns its users and data.',
})
@Entity({ name: 'organisation' })
export class Organisation {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Full name, e.g. "ASTRA – Anti Trafficking Action".' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'Short name used in tables and charts, e.g. "ASTRA".' })
  @Column({ name: 'short_name', type: 'text' })
  shortName: string;

  @Field(() => OrganisationKind, { description: 'What part the organisation plays.' })
  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Field({ description: 'When the organisation was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the organisation was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Which countries a partner organisation covers; a partner's members work on these countries only. */
@Entity({ name: 'organisation_country' })
export class OrganisationCountry {
  @Column({ name: 'organisation_id', type: 'uuid', primary: true })
  organisationId: string;

  @Column({ name: 'country_code', type: 'char', length: 2, primary: true })
  countryCode: string;
}
