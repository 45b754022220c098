import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../../config';

/** What the caller already knows about the bytes it stores; a store may use it instead of measuring again. */
export interface PutOptions {
  /** Exact length in bytes (required by stores that must announce it before sending, such as S3). */
  size?: number;
  /** SHA-256 of the content, lowercase hex. */
  sha256?: string;
  contentType?: string;
}

/**
 * Where attached files are kept. Keys are opaque names made by `newFileKey`, never a user's file name, so that
 * no name can reach a path or an object URL. A key either holds a complete file or nothing.
 */
export interface FileStorage {
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<void>;
  /** The stored bytes; rejects with FileNotFoundError when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes the file; removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under key ${key}.`);
  }
}

const KEY_RE = /^[a-z0-9][a-z0-9_-]{0,199}$/;

/** A fresh random key: 128 bits, so that keys never collide and cannot be guessed. */
export function newFileKey(): string {
  return randomBytes(16).toString('hex');
}

/** Refuses anything but the keys this service makes, so a key can never climb out of a directory or bucket. */
export function assertFileKey(key: string): string {
  if (!KEY_RE.test(key)) throw new Error(`Not a valid file key: "${key.slice(0, 60)}"`);
  return key;
}

/** The directory local storage keeps its files in. */
export function localFilesDir(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'files');
}
