import { registerEnumType } from 'type-graphql';

/** The events an endpoint may subscribe to; each value is the name sent in `X-Webhook-Event` and `event`. */
export enum WebhookEvent {
  ASSESSMENT_SUBMITTED = 'assessment.submitted',
  ASSESSMENT_APPROVED = 'assessment.approved',
  ASSESSMENT_CHANGES_REQUESTED = 'assessment.changes_requested',
  CYCLE_PUBLISHED = 'cycle.published',
}

registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description:
    'What a webhook is told about. Deliveries name the event in lower case with a dot, e.g. ' +
    '`assessment.submitted` for ASSESSMENT_SUBMITTED.',
  valuesConfig: {
    ASSESSMENT_SUBMITTED: { description: '`assessment.submitted`: a country lead submitted an assessment.' },
    ASSESSMENT_APPROVED: { description: '`assessment.approved`: the reviewer approved an assessment.' },
    ASSESSMENT_CHANGES_REQUESTED: {
      description:
        '`assessment.changes_requested`: the reviewer sent an assessment back, or reopened an approved one.',
    },
    CYCLE_PUBLISHED: {
      description: '`cycle.published`: a monitoring cycle was published as a new edition.',
    },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery is.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt or for a retry (see `nextAttemptAt`).' },
    DELIVERED: { description: 'The endpoint answered with a 2xx status.' },
    FAILED: { description: 'Every attempt failed; it is not tried again.' },
  },
});
