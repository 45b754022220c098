import type { EntityManager } from 'typeorm';
import { canReadAssessment } from '../assessment/assessment.policy';
import { AssessmentStatus } from '../assessment/assessment.enums';
import type { Viewer } from '../auth/viewer';
import type { CycleStatus } from '../cycle/cycle.enums';
import { OrganisationKind } from '../organisation/organisation.enums';
import { Role } from '../user/user.enums';
import { WebhookEvent } from './webhook.enums';

/**
 * Queues events for the webhooks that may know of them. Each function takes the manager of the transaction that
 * makes the change, so a delivery exists exactly when the change commits (an outbox): nothing is sent for a change
 * that rolled back, and nothing is lost when the process stops between the commit and the call.
 *
 * Who is told is decided here, once: an endpoint is sent an event only when its organisation may read what the
 * event is about, as its API keys would read it. Payloads carry identifiers, codes and statuses, never narratives,
 * evidence or comments.
 */

const EVENT_OF_STATUS: Partial<Record<AssessmentStatus, WebhookEvent>> = {
  [AssessmentStatus.SUBMITTED]: WebhookEvent.ASSESSMENT_SUBMITTED,
  [AssessmentStatus.APPROVED]: WebhookEvent.ASSESSMENT_APPROVED,
  [AssessmentStatus.CHANGES_REQUESTED]: WebhookEvent.ASSESSMENT_CHANGES_REQUESTED,
};

/** The role whose reads an organisation's API keys have (see authenticate.ts); integrators read as the public. */
const READER_ROLE: Record<OrganisationKind, Role | null> = {
  [OrganisationKind.PARTNER]: Role.COUNTRY_VIEWER,
  [OrganisationKind.REVIEWER]: Role.REVIEWER,
  [OrganisationKind.PLATFORM]: Role.ADMIN,
  [OrganisationKind.INTEGRATOR]: null,
};

/** The organisation as a reader, for the read policies. */
export function organisationReader(
  subscriptionId: string,
  organisationId: string,
  kind: OrganisationKind,
  countries: string[],
): Viewer {
  const role = READER_ROLE[kind];
  return {
    kind: 'apiKey',
    apiKeyId: subscriptionId,
    organisationId,
    organisationKind: kind,
    role,
    countries: role ? countries : [],
  };
}

async function insertDeliveries(
  m: EntityManager,
  subscriptionIds: string[],
  event: WebhookEvent,
  payload: Record<string, unknown>,
): Promise<void> {
  if (subscriptionIds.length === 0) return;
  await m.query(
    `INSERT INTO webhook_delivery (organisation_id, subscription_id, event, payload)
     SELECT s.organisation_id, s.id, $2, $3::jsonb FROM webhook_subscription s WHERE s.id = ANY ($1::uuid[])`,
    [subscriptionIds, event, JSON.stringify(payload)],
  );
}

interface AssessmentCandidate {
  id: string;
  organisation_id: string;
  kind: OrganisationKind;
  countries: string[];
  cycle_code: string;
  indicator_code: string;
}

/** Queues the event of an assessment's new status (submitted, approved, changes requested), if it has one. */
export async function enqueueAssessmentEvent(
  m: EntityManager,
  assessment: {
    id: string;
    countryCode: string;
    cycleId: string;
    indicatorId: string;
    status: AssessmentStatus;
    version: number;
  },
  previousStatus: AssessmentStatus,
  cycleStatus: CycleStatus,
): Promise<void> {
  const event = EVENT_OF_STATUS[assessment.status];
  if (!event) return;
  const candidates: AssessmentCandidate[] = await m.query(
    `SELECT s.id, s.organisation_id, o.kind, c.code AS cycle_code, i.code AS indicator_code,
       array(SELECT oc.country_code::text FROM organisation_country oc WHERE oc.organisation_id = s.organisation_id)
         AS countries
     FROM webhook_subscription s JOIN organisation o ON o.id = s.organisation_id
       CROSS JOIN monitoring_cycle c CROSS JOIN indicator i
     WHERE s.enabled AND $1 = ANY (s.events) AND c.id = $2 AND i.id = $3`,
    [event, assessment.cycleId, assessment.indicatorId],
  );
  const readers = candidates.filter((c) =>
    canReadAssessment(
      organisationReader(c.id, c.organisation_id, c.kind, c.countries),
      assessment,
      cycleStatus,
    ),
  );
  if (readers.length === 0) return;
  await insertDeliveries(
    m,
    readers.map((c) => c.id),
    event,
    {
      assessment: {
        id: assessment.id,
        countryCode: assessment.countryCode,
        cycleId: assessment.cycleId,
        cycleCode: readers[0].cycle_code,
        indicatorId: assessment.indicatorId,
        indicatorCode: readers[0].indicator_code,
        status: assessment.status,
        previousStatus,
        version: assessment.version,
      },
    },
  );
}

/** Queues `cycle.published`. A published cycle is public, so every endpoint subscribed to it is told. */
export async function enqueueCyclePublished(
  m: EntityManager,
  cycle: { id: string; code: string; year: number; status: CycleStatus; publishedAt: Date | null },
  edition: { id: string; number: number; contentSha256: string } | null,
  publishedAssessments: number,
): Promise<void> {
  const payload = {
    cycle: {
      id: cycle.id,
      code: cycle.code,
      year: cycle.year,
      status: cycle.status,
      publishedAt: cycle.publishedAt,
    },
    edition: edition
      ? { id: edition.id, number: edition.number, contentSha256: edition.contentSha256 }
      : null,
    publishedAssessments,
  };
  await m.query(
    `INSERT INTO webhook_delivery (organisation_id, subscription_id, event, payload)
     SELECT s.organisation_id, s.id, $1, $2::jsonb FROM webhook_subscription s WHERE s.enabled AND $1 = ANY (s.events)`,
    [WebhookEvent.CYCLE_PUBLISHED, JSON.stringify(payload)],
  );
}
