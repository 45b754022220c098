import type { DataSource } from 'typeorm';
import type { WebhookSettings } from '../../config';
import type { Logger } from '../../common/logger';
import { queryRows } from '../../common/sql';
import { postJson, type PostResult } from './webhook.delivery';
import {
  ATTEMPT_HEADER,
  EVENT_HEADER,
  ID_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
} from './webhook.signing';
import { useTargetPolicy } from './webhook.targets';

/**
 * The delivery worker. The queue is the webhook_delivery table: a due delivery is claimed in one short statement
 * (`FOR UPDATE SKIP LOCKED`, then a lease in `locked_until`), sent with no transaction open, and its outcome is
 * written in another statement. Any number of workers, in one process or many, share the queue; a worker that dies
 * mid-try leaves a lease that expires, and the delivery is tried again.
 */

interface Claimed {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
  previous_secret: string | null;
}

/** After the longest request a lease still holds this long, so only a dead worker's lease expires. */
const LEASE_MARGIN_MS = 30_000;
const PRUNE_EVERY_MS = 3_600_000;

/** Exponential backoff with equal jitter: half the doubled wait, plus up to as much again at random. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** The body sent for a delivery: the same bytes on every try, so a signature is checked against what arrived. */
export function deliveryBody(delivery: Pick<Claimed, 'id' | 'event' | 'created_at' | 'payload'>): string {
  return JSON.stringify({
    id: delivery.id,
    event: delivery.event,
    createdAt: new Date(delivery.created_at).toISOString(),
    data: delivery.payload,
  });
}

export class WebhookWorker {
  private stopped = true;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: WebhookSettings,
    private readonly logger?: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Stops polling and waits for the tries in flight to be recorded (each is bounded by the timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
        if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) await this.prune();
      } catch (error) {
        // The database may be away for a while; the queue is in it, so nothing is lost meanwhile.
        this.logger?.warn({ err: error }, 'webhook worker could not reach the queue');
      }
      if (claimed < this.settings.batchSize && !this.stopped) await this.sleep(this.settings.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Claims the due deliveries, sends them side by side and records each outcome; returns how many it claimed. */
  async runOnce(): Promise<number> {
    await this.failExhausted();
    const claimed = await this.claim();
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  private claim(): Promise<Claimed[]> {
    return queryRows<Claimed>(
      this.dataSource.manager,
      `WITH due AS (
         SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
         WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND s.enabled AND d.attempts < $2
           AND (d.locked_until IS NULL OR d.locked_until <= now())
         ORDER BY d.next_attempt_at, d.id LIMIT $1
         FOR UPDATE OF d SKIP LOCKED)
       UPDATE webhook_delivery d
       SET attempts = d.attempts + 1, last_attempt_at = now(), locked_until = now() + $3 * interval '1 millisecond'
       FROM due, webhook_subscription s WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id, d.event, d.payload, d.attempts, d.created_at, s.url, s.secret,
         CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret END AS previous_secret`,
      [this.settings.batchSize, this.settings.maxAttempts, this.settings.timeoutMs + LEASE_MARGIN_MS],
    );
  }

  private async deliver(delivery: Claimed): Promise<void> {
    const body = deliveryBody(delivery);
    const secrets = delivery.previous_secret
      ? [delivery.secret, delivery.previous_secret]
      : [delivery.secret];
    const startedAt = new Date();
    const result = await postJson(
      delivery.url,
      body,
      {
        [ID_HEADER]: delivery.id,
        [EVENT_HEADER]: delivery.event,
        [ATTEMPT_HEADER]: String(delivery.attempts),
        [SIGNATURE_HEADER]: signatureHeader(secrets, body, Math.floor(startedAt.getTime() / 1000)),
      },
      this.settings.timeoutMs,
      this.settings,
    );
    try {
      await this.record(delivery, startedAt, result);
    } catch (error) {
      // Unrecorded, the try is retried when its lease expires: the endpoint may see it twice, and dedupes by id.
      this.logger?.warn({ err: error, deliveryId: delivery.id }, 'webhook outcome not recorded');
    }
  }

  /**
   * Writes a try and the delivery's new state in one statement. `attempts` fences it: a worker whose lease ran out
   * and was taken over records nothing.
   */
  private async record(delivery: Claimed, startedAt: Date, result: PostResult): Promise<void> {
    const ok = result.error === null;
    const last = delivery.attempts >= this.settings.maxAttempts;
    const status = ok ? 'DELIVERED' : last ? 'FAILED' : 'PENDING';
    const retryInMs = backoffMs(delivery.attempts, this.settings.backoffBaseMs, this.settings.backoffMaxMs);
    await this.dataSource.query(
      `WITH d AS (
         UPDATE webhook_delivery SET status = $3, locked_until = NULL, last_response_code = $4, last_error = $5,
           delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() END,
           next_attempt_at = CASE WHEN $3 = 'PENDING' THEN now() + $6 * interval '1 millisecond' ELSE next_attempt_at END
         WHERE id = $1 AND attempts = $2 AND status = 'PENDING' RETURNING id)
       INSERT INTO webhook_delivery_attempt (delivery_id, attempt, started_at, duration_ms, response_code, error)
       SELECT id, $2, $7, $8, $4, $5 FROM d`,
      [
        delivery.id,
        delivery.attempts,
        status,
        result.status,
        result.error,
        retryInMs,
        startedAt,
        result.durationMs,
      ],
    );
    if (!ok) {
      this.logger?.info(
        { deliveryId: delivery.id, attempt: delivery.attempts, status, responseCode: result.status },
        'webhook try failed',
      );
    }
  }

  /** A delivery whose last try's worker died has used up its tries: it fails rather than waiting for ever. */
  private async failExhausted(): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_delivery SET status = 'FAILED', locked_until = NULL,
         last_error = coalesce(last_error, 'The last try was not recorded: the worker stopped during it.')
       WHERE status = 'PENDING' AND attempts >= $1 AND (locked_until IS NULL OR locked_until <= now())`,
      [this.settings.maxAttempts],
    );
  }

  /** Deletes finished deliveries older than the retention period, in bounded batches. */
  async prune(): Promise<number> {
    this.lastPrune = Date.now();
    const deleted = await queryRows(
      this.dataSource.manager,
      `DELETE FROM webhook_delivery WHERE id IN (
         SELECT id FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < now() - $1 * interval '1 day'
         LIMIT 10000) RETURNING id`,
      [this.settings.retentionDays],
    );
    return deleted.length;
  }
}

/** Applies the webhook settings and, where this instance delivers, starts its worker. */
export function startWebhooks(
  dataSource: DataSource,
  settings: WebhookSettings,
  logger?: Logger,
): { stop(): Promise<void> } {
  useTargetPolicy(settings);
  if (!settings.workerEnabled) return { stop: async () => undefined };
  const worker = new WebhookWorker(dataSource, settings, logger);
  worker.start();
  return { stop: () => worker.stop() };
}
