import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than the limit of ${limit} bytes.`);
  }
}

/** The client went away before the body was complete; there is nobody left to answer. */
export class UploadAbortedError extends Error {
  constructor() {
    super('The client closed the connection during the upload.');
  }
}

/** A request body written to a private temporary file, with its length and SHA-256. */
export interface SpooledUpload {
  path: string;
  size: number;
  sha256: string;
  discard(): Promise<void>;
}

/**
 * Writes the request body to a temporary file while counting and hashing it, and stops at `limit` bytes: memory
 * holds one chunk at a time whatever the client sends. The file is needed before anything is stored because the
 * type check reads the end of a zip, and an S3 upload must state its length up front. On any failure the
 * partial file is removed.
 */
export async function spoolUpload(req: IncomingMessage, dir: string, limit: number): Promise<SpooledUpload> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${randomBytes(12).toString('hex')}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(new UploadTooLargeError(limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const onClose = () => {
    if (!req.complete) meter.destroy(new UploadAbortedError());
  };
  const onError = () => meter.destroy(new UploadAbortedError());
  req.on('close', onClose);
  req.on('error', onError);
  req.pipe(meter);
  try {
    await pipeline(meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    req.unpipe(meter);
    // Read and drop the rest, so the client gets the answer instead of a reset connection.
    req.resume();
    await fs.rm(file, { force: true });
    throw error;
  } finally {
    req.off('close', onClose);
    req.off('error', onError);
  }
  return { path: file, size, sha256: hash.digest('hex'), discard: () => fs.rm(file, { force: true }) };
}
