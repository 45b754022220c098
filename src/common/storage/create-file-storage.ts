import type { AppConfig } from '../../config';
import { LocalFileStorage } from './local-storage';
import { S3FileStorage } from './s3-storage';
import { localFilesDir, type FileStorage } from './storage';

/** The store FILE_STORAGE names: a local directory (the default) or an S3-compatible bucket. */
export function createFileStorage(config: Pick<AppConfig, 'fileStorage' | 's3' | 'dataDir'>): FileStorage {
  if (config.fileStorage === 's3') {
    if (!config.s3) throw new Error('FILE_STORAGE=s3 needs the S3_* settings');
    return new S3FileStorage(config.s3);
  }
  return new LocalFileStorage(localFilesDir(config));
}
