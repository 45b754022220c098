import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({
  description: 'A read-only key an integrator’s tool signs in with; it reads what its organisation may read.',
})
@Entity({ name: 'api_key' })
export class ApiKey {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @Field({ description: 'A name that says what the key is for, e.g. "Annual report generator".' })
  @Column({ type: 'text' })
  name: string;

  @Field({
    description: 'The first characters of the key, to recognise it; the key itself is never shown again.',
  })
  @Column({ type: 'text' })
  prefix: string;

  /** SHA-256 of the whole key: keys are long random strings, so a fast hash is enough to keep them unusable. */
  @Column({ name: 'key_hash', type: 'text', select: false })
  keyHash: string;

  @Field({ description: 'When the key was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the key was last used (to the minute).' })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the key was revoked; a revoked key no longer works.',
  })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
