import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { GraphQLError } from 'graphql';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { AppConfig } from '../../config';
import { allowanceFor, type Allowance } from '../http/cors';
import { clientAddress } from '../rate-limit/rate-limit';
import { LiveConnection, prepareSubscription, runSubscription } from './live-execution';
import type { LiveServerOptions } from './live-options';

export type { LiveServerOptions };

/** How long a client has, once its socket is open, to send `connection_init`. */
const CONNECTION_INIT_WAIT_MS = 10_000;
/** How often the server pings an idle socket, so that proxies keep it and dead peers are noticed. */
const KEEP_ALIVE_MS = 12_000;

/** What graphql-ws's context carries of each socket. */
interface Extra {
  socket: WebSocket;
  request: http.IncomingMessage;
}

export interface LiveServer {
  /** Closes every socket with 1001 (going away), ends the subscriptions and stops the event bus. */
  close(): Promise<void>;
}

/**
 * The caller's address as Express reads it with TRUST_PROXY hops: the socket's peer, or, behind trusted proxies,
 * the entry of X-Forwarded-For that the outermost trusted one added.
 */
export function upgradeAddress(req: http.IncomingMessage, trustProxy: number): string {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .reverse();
  const chain = [req.socket.remoteAddress ?? '', ...forwarded];
  return clientAddress(chain[Math.min(trustProxy, chain.length - 1)]);
}

/**
 * Who may open a socket, by the page's Origin, under the same CORS_ORIGINS as HTTP: a client that is not a
 * browser (no Origin) and a page of the API's own origin (GraphiQL) as listed; under `*`, other origins for
 * anonymous subscriptions only. Browsers apply no CORS to WebSockets: the server must check it itself.
 */
function socketAllowance(req: http.IncomingMessage, config: AppConfig): Allowance {
  const origin = req.headers.origin;
  if (origin === undefined) return 'listed';
  const host = req.headers.host;
  if (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)) return 'listed';
  return allowanceFor(origin, config.cors);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string, headers = ''): void {
  const body = JSON.stringify({ error: { message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `${headers}Connection: close\r\n\r\n${body}`,
  );
}

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the HTTP server's port, at /graphql. A socket
 * signs in once, with the `authorization` of its `connection_init` payload; every event is then read again under
 * that sign-in, in a transaction of its own (src/pipeline/live/live-execution.ts). Bounded: sockets per address,
 * subscriptions per socket, the size of a message, and the query limits of HTTP for each subscription.
 */
export function attachLiveServer(options: LiveServerOptions): LiveServer {
  const { httpServer, config, logger } = options;
  const limits = config.subscriptions;
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.graphql.maxBodyBytes });
  const openByAddress = new Map<string, number>();
  const allowances = new WeakMap<http.IncomingMessage, Allowance>();
  const connections = new WeakMap<WebSocket, LiveConnection>();

  const onUpgrade = async (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/graphql')
      return refuseUpgrade(socket, 404, 'Not Found', 'WebSockets are served at /graphql.');
    const allowance = socketAllowance(req, config);
    if (allowance === null) {
      const origin = String(req.headers.origin).slice(0, 100);
      return refuseUpgrade(
        socket,
        403,
        'Forbidden',
        `Pages of ${origin} may not call this API: CORS_ORIGINS does not list it.`,
      );
    }
    const address = upgradeAddress(req, config.rateLimit.trustProxy);
    // Opening a socket costs a sign-in: it counts as a request of its address, as an anonymous HTTP request does.
    const rate = await options.limiter.take(
      `ip:${address}`,
      config.rateLimit.ip,
      config.rateLimit.windowSeconds,
    );
    if (!rate.allowed) {
      return refuseUpgrade(
        socket,
        429,
        'Too Many Requests',
        `Too many requests from this address: retry in ${rate.retryAfterSeconds} s (setting RATE_LIMIT_IP).`,
        `Retry-After: ${rate.retryAfterSeconds}\r\n`,
      );
    }
    const open = openByAddress.get(address) ?? 0;
    if (open >= limits.maxConnectionsPerIp) {
      return refuseUpgrade(
        socket,
        429,
        'Too Many Requests',
        `An address may hold ${limits.maxConnectionsPerIp} WebSockets open at once (setting SUBSCRIPTIONS_MAX_CONNECTIONS_PER_IP).`,
      );
    }
    openByAddress.set(address, open + 1);
    allowances.set(req, allowance);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once('close', () => {
        const left = (openByAddress.get(address) ?? 1) - 1;
        if (left > 0) openByAddress.set(address, left);
        else openByAddress.delete(address);
      });
      wss.emit('connection', ws, req);
    });
  };
  const upgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(req, socket, head).catch((error: unknown) => {
      logger.error({ error: { message: String(error) } }, 'live updates: upgrade failed');
      socket.destroy();
    });
  };
  httpServer.on('upgrade', upgrade);

  const server = makeServer<Record<string, unknown>, Extra>({
    schema: options.schema,
    connectionInitWaitTimeout: CONNECTION_INIT_WAIT_MS,
    onConnect: async (ctx) => {
      const { socket, request } = ctx.extra;
      const connection = await LiveConnection.open(options, {
        socket,
        params: ctx.connectionParams ?? {},
        headers: request.headers,
        anonymousOnly: allowances.get(request) === 'anonymous',
      });
      if (!connection) return false;
      connections.set(socket, connection);
      return true;
    },
    onSubscribe: (ctx, _id, payload) => {
      const connection = connections.get(ctx.extra.socket);
      if (!connection)
        return [
          new GraphQLError('Sign in with connection_init first.', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        ];
      // The reservation of this subscription is already counted.
      return prepareSubscription(options, connection, payload, Object.keys(ctx.subscriptions).length);
    },
    subscribe: (args) => runSubscription(options, args),
    onNext: (_ctx, _id, _payload, _args, result) => ({
      ...result,
      ...(result.errors
        ? { errors: result.errors.map((error) => options.formatError(error.toJSON(), error)) }
        : {}),
    }),
    onError: (_ctx, _id, _payload, errors) =>
      errors.map((error) => options.formatError(error.toJSON(), error)),
  } satisfies ServerOptions<Record<string, unknown>, Extra>);
  wss.options.handleProtocols = handleProtocols;
  wss.on('connection', (socket: WebSocket, request: http.IncomingMessage) => serve(socket, request));

  /** One socket through graphql-ws, with a ping every KEEP_ALIVE_MS: a peer that does not answer is cut off. */
  function serve(socket: WebSocket, request: http.IncomingMessage): void {
    const fail = (error: unknown) => {
      logger.error(
        { error: { message: error instanceof Error ? error.message : String(error) } },
        'live updates',
      );
      socket.close(CloseCode.InternalServerError, 'Internal server error.');
    };
    socket.once('error', fail);
    let pongWait: NodeJS.Timeout | null = null;
    const ping = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, why) => socket.close(code, why),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch(fail);
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, why) => {
      if (pongWait) clearTimeout(pongWait);
      clearInterval(ping);
      void closed(code, String(why));
    });
  }

  return {
    close: async () => {
      httpServer.off('upgrade', upgrade);
      for (const socket of wss.clients) socket.close(1001, 'The server is shutting down.');
      // A peer that does not answer the close within a moment is cut off, so that shutting down never hangs.
      const cutOff = setTimeout(() => {
        for (const socket of wss.clients) socket.terminate();
      }, 1000);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      clearTimeout(cutOff);
      await options.bus.close().catch((error: Error) => {
        logger.warn({ error: { message: error.message } }, 'live updates: closing the event bus');
      });
    },
  };
}
