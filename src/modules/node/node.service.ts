import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { isId } from '../../common/validation';
import { getAssessment } from '../assessment/assessment.service';
import { getEvidence } from '../evidence/evidence.service';

/**
 * How each kind of node is read: by the very function or loader its own query (`assessment(id:)`,
 * `evidence(id:)`, `cycle(id:)`, …) reads it with, so that `node(id:)` shows, hides and refuses exactly what that
 * query does, and reads through the same per-request loaders.
 */
const READS: Record<string, (ctx: RequestContext, id: string) => Promise<unknown>> = {
  assessment: (ctx, id) => getAssessment(ctx, id),
  evidence: (ctx, id) => getEvidence(ctx, id),
  monitoring_cycle: (ctx, id) => ctx.loaders.cycle.byId.load(id),
  edition: (ctx, id) => ctx.loaders.edition.byId.load(id),
  framework: (ctx, id) => ctx.loaders.framework.byId.load(id),
  framework_version: (ctx, id) => ctx.loaders.framework.versionById.load(id),
  indicator: (ctx, id) => ctx.loaders.indicator.byId.load(id),
  organisation: (ctx, id) => ctx.loaders.organisation.byId.load(id),
  standard: (ctx, id) => ctx.loaders.standard.byId.load(id),
};

/**
 * The table each id is a row of, for a batch of ids, in one statement: one index lookup per table and id. Under
 * row-level security, a row the database hides from the caller is found in none, as its own query would not
 * find it either.
 */
export async function findNodeTables(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<Array<{ id: string; table: string }>> {
  const lookups = Object.keys(READS)
    .map((table) => `SELECT '${table}' AS table_name FROM ${table} WHERE id = k.id`)
    .join(' UNION ALL ');
  const rows: Array<{ id: string; table_name: string }> = await ctx.db.query(
    `SELECT k.id::text AS id, t.table_name FROM unnest($1::uuid[]) AS k(id) JOIN LATERAL (${lookups}) t ON true`,
    [ids],
  );
  return rows.map((row) => ({ id: row.id, table: row.table_name }));
}

const COUNTRY_ID = /^[A-Z]{2}$/;

/**
 * The record with this id, as its own query would answer it: null when there is none or it is hidden, the same
 * error where that query refuses. A UUID is looked up in every table (UUIDs are random: one names at most one
 * row); two upper-case letters are a country's ISO code.
 */
export async function readNode(ctx: RequestContext, id: string, argument: string): Promise<unknown> {
  if (COUNTRY_ID.test(id)) return ctx.loaders.country.byCode.load(id);
  if (!isId(id))
    throw badUserInput(
      `${argument} must be a record’s id (a UUID) or a country’s ISO code, got "${id.slice(0, 60)}".`,
      {
        argument,
      },
    );
  const key = id.toLowerCase();
  const found = await ctx.loaders.node.tableOf.load(key);
  return found ? READS[found.table](ctx, key) : null;
}
