import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from './user.enums';

@ObjectType({ description: 'A person who signs in to the database.' })
@Entity({ name: 'app_user' })
export class User {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique regardless of case (unique index on lower(email)). */
  @Column({ type: 'text' })
  email: string;

  @Field({ description: 'The name shown to other users.' })
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id hash; null until an invited user has chosen a password. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Field({ description: 'False once the user has been deactivated; a deactivated user cannot sign in.' })
  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  /** SHA-256 of the one-time token an invited user sets a password with; null once used. */
  @Column({ name: 'setup_token_hash', type: 'text', nullable: true, select: false })
  setupTokenHash: string | null;

  @Column({ name: 'setup_token_expires_at', type: 'timestamptz', nullable: true, select: false })
  setupTokenExpiresAt: Date | null;

  /** Raised on password change or deactivation so that older tokens stop working. */
  @Column({ name: 'token_version', type: 'integer', default: 1 })
  tokenVersion: number;

  @Field({ description: 'When the user was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** From the user's membership, filled in when the user is loaded with it. */
  role?: Role;
  organisationId?: string;
}

/** A user's place in an organisation: one organisation and one role per user. */
@Entity({ name: 'membership' })
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  role: Role;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
