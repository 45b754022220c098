import type { ClientBase } from 'pg';
import { BatchFailure, StatementBatch, type BatchResult, type BatchStatement } from './statement-batch';
import type { StatementCounter } from './statement-counter';

/**
 * The sign-in that goes out in front of every batch of a read: `check` is given its rows and throws when they
 * do not confirm the caller the request was started for.
 */
export interface BatchSignIn {
  statement: BatchStatement;
  check(rows: Array<Record<string, unknown>>): void;
}

interface Waiting {
  statement: BatchStatement;
  resolve(result: BatchResult): void;
  reject(error: unknown): void;
}

/**
 * How a read-only request talks to the database: its statements are gathered while the operation runs and sent
 * in batches, each one write and one round trip, with the caller's sign-in in front. A batch is one implicit
 * transaction (see StatementBatch), so the row-level security settings the sign-in makes hold for exactly the
 * statements behind it and end with it; nothing is begun or committed around them. Under READ COMMITTED every
 * statement already saw its own snapshot, so a read that was one explicit transaction of several statements reads
 * nothing different in several batches.
 *
 * A statement goes out as soon as the code that asked for it has run (with any asked for alongside it), when no
 * batch is out; those asked for while a batch is out wait for it and go together in the next one. Nothing waits
 * for a later turn of the event loop: a small request is not held back behind the work of a large one.
 */
export class ReadPipeline {
  private waiting: Waiting[] = [];
  private scheduled = false;
  private inFlight: Promise<void> | null = null;
  private ended = false;
  /** Why the database refused the caller, once it has: every later statement is refused the same way. */
  refusal: unknown = null;
  /** Whether a sign-in has been confirmed by the database in this request. */
  confirmed = false;
  /** The row of the first sign-in that went out in front of a batch: it ran before every statement behind it. */
  firstSignIn: Record<string, unknown> | null = null;

  constructor(
    private readonly client: () => ClientBase,
    private readonly counter: StatementCounter | undefined,
    public signIn: BatchSignIn | null,
  ) {}

  /**
   * Queues `statement`; its result comes when its batch has run. The sign-in in front of each batch is not
   * counted again: a request counts its sign-in once, and its round trips apart.
   */
  run(statement: BatchStatement): Promise<BatchResult> {
    if (this.ended) {
      return Promise.reject(new Error('The request has ended: it sends no more statements.'));
    }
    if (this.refusal) return Promise.reject(this.refusal);
    this.counter?.record(statement.text);
    return new Promise((resolve, reject) => {
      this.waiting.push({ statement, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Ends the request's use of the connection: waits for the batch that is out, refuses what was still waiting,
   * and, when no batch has confirmed the sign-in yet, sends it alone so that no answer leaves on a credential the
   * database has not checked in this request.
   */
  async end(confirm: boolean): Promise<void> {
    await this.inFlight;
    if (confirm && !this.ended && !this.refusal && !this.confirmed && this.signIn) {
      await this.send([]);
    }
    this.ended = true;
    const left = this.waiting;
    this.waiting = [];
    for (const item of left) item.reject(new Error('The request has ended: it sends no more statements.'));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight || this.waiting.length === 0 || this.ended) return;
    const batch = this.waiting;
    this.waiting = [];
    this.inFlight = this.send(batch).finally(() => {
      this.inFlight = null;
      if (this.waiting.length > 0) this.schedule();
    });
  }

  /** Sends `batch` behind the sign-in and hands each statement its result; never throws. */
  private async send(batch: Waiting[]): Promise<void> {
    const signIn = this.signIn;
    const statements = batch.map((item) => item.statement);
    if (signIn) statements.unshift(signIn.statement);
    this.counter?.recordRoundTrip();
    let results: BatchResult[];
    let failure: BatchFailure | null = null;
    try {
      results = await StatementBatch.run(this.client(), statements);
    } catch (error) {
      if (!(error instanceof BatchFailure)) {
        for (const item of batch) item.reject(error);
        if (signIn) this.refusal ??= error;
        return;
      }
      failure = error;
      results = error.done;
    }
    if (signIn) {
      if (results.length === 0) {
        this.refusal ??= failure?.error;
        for (const item of batch) item.reject(failure?.error);
        return;
      }
      try {
        signIn.check(results[0].rows);
        this.confirmed = true;
        this.firstSignIn ??= results[0].rows[0] ?? null;
      } catch (refused) {
        this.refusal = refused;
        for (const item of batch) item.reject(refused);
        return;
      }
      results = results.slice(1);
    }
    for (const [index, item] of batch.entries()) {
      // Each statement's readers carry on in a turn of the event loop of their own, as they would have had the
      // statements come back one by one: a batch of many does not become one long stretch of work that holds up
      // every other request's answer.
      if (index > 0) await new Promise((resolve) => setImmediate(resolve));
      if (index < results.length) item.resolve(results[index]);
      else if (index === results.length) item.reject(failure!.error);
      // The statements behind the one that failed never ran: they go out again in the next batch.
      else this.waiting.push(item);
    }
  }
}
