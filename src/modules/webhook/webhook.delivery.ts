import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isNonPublicAddress, type TargetPolicy, urlProblem } from './webhook.targets';

export interface PostResult {
  /** The HTTP status answered, or null when there was no answer. */
  status: number | null;
  /** Why the try failed; null when the endpoint answered 2xx. */
  error: string | null;
  durationMs: number;
}

/** An answer's body is read and dropped: its size is capped so that an endpoint cannot keep a worker busy. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const USER_AGENT = 'trafficking-indicators-webhooks/1';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * Resolves like dns.lookup but refuses names that lead to a non-public address. Checking the address actually
 * connected to (not the name at registration) closes the DNS-rebinding way around the policy.
 */
function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || addresses.some((a) => isNonPublicAddress(a.address))) {
      return callback(
        Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: 'EPRIVATE' }),
        [],
      );
    }
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return (typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message).slice(
    0,
    500,
  );
}

/**
 * POSTs one delivery. Redirects are not followed (a 3xx is a failure): following them would lead past the target
 * checks. The whole exchange, answer included, is bounded by `timeoutMs`.
 */
export function postJson(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  policy: TargetPolicy,
): Promise<PostResult> {
  const started = Date.now();
  const done = (status: number | null, error: string | null): PostResult => ({
    status,
    error,
    durationMs: Date.now() - started,
  });
  // The policy may have changed since registration: an endpoint it no longer allows is not called.
  const problem = urlProblem(rawUrl, policy);
  if (problem) return Promise.resolve(done(null, `The endpoint is not allowed: ${problem}`));
  const url = new URL(rawUrl);
  const client = url.protocol === 'https:' ? https : http;
  const literal = net.isIP(url.hostname.replace(/^\[(.*)\]$/, '$1')) !== 0;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': USER_AGENT,
          ...headers,
        },
        agent: false,
        // Literal addresses were checked with the URL; names are checked as they resolve.
        ...(policy.allowPrivateTargets || literal
          ? {}
          : { lookup: publicOnlyLookup as unknown as net.LookupFunction }),
      },
      (response) => {
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        const status = response.statusCode ?? null;
        const outcome = () =>
          finish(
            done(
              status,
              status !== null && status >= 200 && status < 300
                ? null
                : `The endpoint answered HTTP ${status}.`,
            ),
          );
        response.on('end', outcome);
        response.on('close', outcome);
        response.on('error', outcome);
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`No answer within ${timeoutMs} ms.`));
    }, timeoutMs);
    request.on('error', (error) => finish(done(null, describe(error))));
    request.end(body);
  });
}
