import { createHash, createHmac } from 'node:crypto';

/** SHA-256 of an empty body, the payload hash of GET and DELETE requests. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SignatureInput {
  method: string;
  /** The request path exactly as sent (already percent-encoded). */
  path: string;
  /** The canonical query string (names and values encoded, sorted); empty for none. */
  query?: string;
  /** Every header to sign, including `host`, `x-amz-date` and `x-amz-content-sha256`. */
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  service: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The request time as `YYYYMMDDTHHMMSSZ`, the value of `x-amz-date`. */
  amzDate: string;
}

export function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

/** The canonical request of AWS Signature Version 4 (kept separate so a verifier can rebuild it). */
export function canonicalRequest(input: SignatureInput): { text: string; signedHeaders: string } {
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const text = [
    input.method.toUpperCase(),
    input.path,
    input.query ?? '',
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  return { text, signedHeaders };
}

/** The `Authorization` header value for a request signed with AWS Signature Version 4 (HMAC-SHA256). */
export function signatureV4(input: SignatureInput): string {
  const day = input.amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const { text, signedHeaders } = canonicalRequest(input);
  const stringToSign = ['AWS4-HMAC-SHA256', input.amzDate, scope, hex(text)].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), input.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
