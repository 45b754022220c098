import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { S3Settings } from '../../config';
import { EMPTY_SHA256, signatureV4, toAmzDate } from './s3-signature';
import { assertFileKey, FileNotFoundError, type FileStorage, type PutOptions } from './storage';

/**
 * Files as objects of an S3-compatible bucket (AWS S3, MinIO, Ceph, …), addressed path-style
 * (`<endpoint>/<bucket>/<key>`) and signed with AWS Signature Version 4. An object appears only once its PUT has
 * completed, so a key never holds half a file.
 */
export class S3FileStorage implements FileStorage {
  constructor(
    private readonly settings: S3Settings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private urlOf(key: string): URL {
    return new URL(`${this.settings.endpoint}/${this.settings.bucket}/${assertFileKey(key)}`);
  }

  private async send(
    method: string,
    key: string,
    payloadHash: string,
    extra: Record<string, string> = {},
    body?: Readable | Buffer,
  ): Promise<Response> {
    const url = this.urlOf(key);
    const signed: Record<string, string> = {
      host: url.host,
      'x-amz-date': toAmzDate(this.now()),
      'x-amz-content-sha256': payloadHash,
      ...extra,
    };
    const authorization = signatureV4({
      method,
      path: url.pathname,
      headers: signed,
      payloadHash,
      region: this.settings.region,
      service: 's3',
      accessKeyId: this.settings.accessKeyId,
      secretAccessKey: this.settings.secretAccessKey,
      amzDate: signed['x-amz-date'],
    });
    // fetch sets Host itself from the URL, the same value that was signed.
    const { host: _host, ...headers } = signed;
    const init: RequestInit & { duplex?: 'half' } = { method, headers: { ...headers, authorization } };
    if (body !== undefined) {
      init.body = body as unknown as RequestInit['body'];
      init.duplex = 'half';
    }
    return fetch(url, init);
  }

  private async fail(operation: string, key: string, response: Response): Promise<never> {
    const detail = (await response.text().catch(() => '')).slice(0, 500);
    throw new Error(`S3 ${operation} of ${key} failed with HTTP ${response.status}: ${detail}`);
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<void> {
    let payloadHash: string;
    let size: number;
    if (Buffer.isBuffer(body)) {
      size = body.length;
      payloadHash = createHash('sha256').update(body).digest('hex');
    } else {
      if (options.size === undefined)
        throw new Error('S3 needs the size of a streamed file before sending it');
      size = options.size;
      // A known digest is signed, so the service rejects bytes that changed on the way.
      payloadHash = options.sha256 ?? 'UNSIGNED-PAYLOAD';
    }
    const response = await this.send(
      'PUT',
      key,
      payloadHash,
      {
        'content-length': String(size),
        'content-type': options.contentType ?? 'application/octet-stream',
      },
      body,
    );
    if (!response.ok) await this.fail('PUT', key, response);
    await response.body?.cancel();
  }

  async get(key: string): Promise<Readable> {
    const response = await this.send('GET', key, EMPTY_SHA256);
    if (response.status === 404) {
      await response.body?.cancel();
      throw new FileNotFoundError(key);
    }
    if (!response.ok || !response.body) return this.fail('GET', key, response);
    return Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key, EMPTY_SHA256);
    if (!response.ok && response.status !== 404) await this.fail('DELETE', key, response);
    await response.body?.cancel();
  }
}
