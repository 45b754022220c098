import type { DataSource, EntityManager } from 'typeorm';
import { setLocaleFallbacks } from './i18n';

/**
 * Reads the locales' fallback chains (table `locale_fallback`) and installs them for text resolution. Called
 * once when the server starts: the chains change only by migration, and resolving a text must not cost a
 * statement. A database without the table keeps the built-in chains, which are the same rows.
 */
export async function loadLocaleFallbacks(db: DataSource | EntityManager): Promise<number> {
  const [{ present }]: Array<{ present: boolean }> = await db.query(
    `SELECT to_regclass('public.locale_fallback') IS NOT NULL AS present`,
  );
  if (!present) return 0;
  const rows: Array<{ locale: string; fallbacks: string[] }> = await db.query(
    `SELECT locale, fallbacks FROM locale_fallback`,
  );
  setLocaleFallbacks(rows);
  return rows.length;
}
