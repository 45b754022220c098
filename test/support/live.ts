import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';

type ExecutionResult = FormattedExecutionResult<Record<string, any>, unknown>;
import WebSocket from 'ws';
import type { TestServer } from './server';

/** The WebSocket address of a test server's /graphql. */
export function liveUrl(api: TestServer): string {
  return api.url.replace(/^http/, 'ws');
}

/** A `ws` socket class that sends these headers with its upgrade (a page's Origin, a proxy's X-Forwarded-For). */
function socketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export interface LiveClient {
  client: Client;
  /** The close code and reason once the server closed the socket. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/** A graphql-ws client signed in with `authorization` (none: anonymous), connecting at once and never retrying. */
export function liveClient(
  api: TestServer,
  authorization?: string,
  headers: Record<string, string> = {},
): LiveClient {
  let closedWith!: (value: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (closedWith = resolve));
  const client = createClient({
    url: liveUrl(api),
    webSocketImpl: socketWith(headers),
    lazy: false,
    retryAttempts: 0,
    connectionParams: authorization ? { authorization } : {},
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closedWith({ code, reason: String(reason) });
      },
    },
  });
  return { client, closed, dispose: () => client.dispose() as Promise<void> };
}

export interface LiveSubscription {
  received: ExecutionResult[];
  /** Resolves with the `n`-th result (from 0) once it came; rejects on an error or after `timeoutMs`. */
  nth(n: number, timeoutMs?: number): Promise<ExecutionResult>;
  /** Resolves with the errors the server ended the subscription with. */
  failure(timeoutMs?: number): Promise<unknown>;
  stop(): void;
}

export function subscribe(
  live: LiveClient,
  query: string,
  variables: Record<string, unknown> = {},
): LiveSubscription {
  const received: ExecutionResult[] = [];
  let failed: unknown = null;
  let wake: Array<() => void> = [];
  const notify = () => {
    const waiting = wake;
    wake = [];
    for (const resolve of waiting) resolve();
  };
  const stop = live.client.subscribe(
    { query, variables },
    {
      next: (value) => {
        received.push(value);
        notify();
      },
      error: (error) => {
        failed = error ?? 'error';
        notify();
      },
      complete: notify,
    },
  );
  const until = async (ready: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}; received ${JSON.stringify(received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return {
    received,
    async nth(n, timeoutMs = 10_000) {
      await until(() => received.length > n || failed !== null, timeoutMs, `event ${n}`);
      if (received.length <= n) throw new Error(`The subscription failed: ${JSON.stringify(failed)}`);
      return received[n];
    },
    async failure(timeoutMs = 10_000) {
      await until(() => failed !== null, timeoutMs, 'an error');
      return failed;
    },
    stop,
  };
}

/** Waits until `count` subscriptions listen on the server, so that what is done next is heard. */
export async function listening(api: TestServer, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (api.server.liveSubscriptions() < count) {
    if (Date.now() > deadline)
      throw new Error(`${api.server.liveSubscriptions()} subscriptions listen, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Opens a raw socket and resolves with the HTTP status of a refused upgrade, or 101 when it was accepted. */
export function upgradeStatus(
  api: TestServer,
  headers: Record<string, string>,
  path = '/graphql',
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(liveUrl(api).replace(/\/graphql$/, path), 'graphql-transport-ws', {
      headers,
    });
    socket.once('open', () => {
      socket.close();
      // Once closed on both sides, so that the socket no longer counts as open.
      socket.once('close', () => setTimeout(() => resolve(101), 20));
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(String(error))) reject(error);
    });
  });
}
