import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { WebhookDeliveryStatus, WebhookEvent } from './webhook.enums';

@ObjectType('Webhook', {
  description:
    'An HTTPS endpoint of an organisation that is sent the events it subscribed to, signed with its secret.',
})
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscription {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Field({ description: 'Where the events are POSTed.' })
  @Column({ type: 'text' })
  url: string;

  @Field({ description: 'What the endpoint is for, up to 500 characters; may be empty.' })
  @Column({ type: 'text', default: '' })
  description: string;

  @Field(() => [WebhookEvent], { description: 'The events the endpoint is sent.' })
  @Column({ type: 'text', array: true })
  events: WebhookEvent[];

  /**
   * Kept as it is, not hashed: the worker needs it to sign every delivery. It is never a field of the API after
   * `webhookCreate` and `webhookSecretRotate` return it.
   */
  @Column({ type: 'text', select: false })
  secret: string;

  /** The secret before the last rotation, still signing beside the new one until it expires. */
  @Column({ name: 'previous_secret', type: 'text', nullable: true, select: false })
  previousSecret: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Until when deliveries also carry a signature with the secret replaced by the last rotation; null when ' +
      'only the current secret signs.',
  })
  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @Field({ description: 'Whether events are sent; a disabled endpoint gets none and its pending ones wait.' })
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @Field({ description: 'When the endpoint was registered.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the endpoint was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType('WebhookAttempt', { description: 'One try at delivering an event.' })
@Entity({ name: 'webhook_delivery_attempt' })
export class WebhookDeliveryAttempt {
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @Field(() => Int, { description: 'Which try it was, from 1.' })
  @PrimaryColumn({ type: 'integer' })
  attempt: number;

  @Field({ description: 'When the request was sent.' })
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Field(() => Int, { description: 'How long the endpoint took to answer, or until the try gave up, in ms.' })
  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status answered; null when there was no answer.',
  })
  @Column({ name: 'response_code', type: 'integer', nullable: true })
  responseCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why the try failed; null when it succeeded.' })
  @Column({ type: 'text', nullable: true })
  error: string | null;
}

@ObjectType('WebhookDelivery', {
  description: 'One event queued for one endpoint, with the outcome of its tries.',
})
@Entity({ name: 'webhook_delivery' })
export class WebhookDelivery {
  @Field(() => ID, {
    description:
      'Stable identifier, sent as `X-Webhook-Id` with every try: an endpoint ignores repeats by it.',
  })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Field(() => ID, { description: 'The webhook the delivery is for.' })
  @Column({ name: 'subscription_id', type: 'uuid' })
  webhookId: string;

  @Field(() => WebhookEvent, { description: 'The event delivered.' })
  @Column({ type: 'text' })
  event: WebhookEvent;

  @Field(() => GraphQLJSON, {
    description: 'The `data` of the body sent: identifiers, codes and statuses only.',
  })
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery is.' })
  @Column({ type: 'text', default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'How many tries were made so far.' })
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** While set and in the future, a worker is trying the delivery and no other one takes it. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last try was made.' })
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status of the last answer; null when there was none (yet).',
  })
  @Column({ name: 'last_response_code', type: 'integer', nullable: true })
  lastResponseCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last try failed; null after a success.' })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted the delivery.' })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Field({ description: 'When the event happened and the delivery was queued.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Filled by the page query: every try, oldest first. */
  attemptLog?: WebhookDeliveryAttempt[];
}
