import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { columnsOf, loadPages } from '../../common/paging';
import { hydrateJson, propertiesForFields } from '../../common/fast-read';
import { forbidden } from '../../common/errors';
import { Evidence } from './evidence.entity';
import { evidencePolicy, evidenceVisibilitySql } from './evidence.policy';

/** One page of evidence per assessment, for a batch of assessments. */
export function pageEvidence(
  ctx: RequestContext,
  assessmentIds: string[],
  window: PageWindow,
): Promise<Map<string, Page<Evidence>>> {
  const params: unknown[] = [assessmentIds];
  const visible = evidenceVisibilitySql(ctx.viewer, 't', params);
  return loadPages(
    ctx.db,
    Evidence,
    {
      where: `t.assessment_id = ANY($1) AND ${visible}`,
      params,
      partitionBy: 't.assessment_id',
      orderBy: 't.created_at, t.id',
    },
    window,
  );
}

// What the code reads of evidence whatever is asked (ordering, visibility), and what its other fields read.
const ALWAYS = ['id', 'assessmentId', 'countryCode', 'confidentiality', 'createdAt'];
const RELATED: Record<string, string[]> = {
  assessment: ['assessmentId'],
  country: ['countryCode'],
  file: ['id', 'fileKey', 'fileName', 'fileMime', 'fileSize', 'fileSha256'],
};

/**
 * The page of evidence of one assessment (`assessmentId`, an SQL expression) as JSON built in the database, for a
 * list of assessments to fetch with its rows: `{ "total": n, "items": [row, ...] }`, the same page and
 * visibility as `pageEvidence`. With `fields` (the GraphQL fields asked of each evidence) only the columns they
 * need are built. `evidencePageOf` reads it back.
 */
export function evidencePageSelect(
  ctx: RequestContext,
  assessmentId: string,
  params: unknown[],
  window: PageWindow,
  fields: Set<string> | null = null,
): string {
  const visible = evidenceVisibilitySql(ctx.viewer, 'e', params);
  params.push(window.offset, window.limit);
  const [offset, limit] = [`$${params.length - 1}::bigint`, `$${params.length}::bigint`];
  const metadata = ctx.db.connection.getMetadata(Evidence);
  const columns = columnsOf(metadata, 'e', propertiesForFields(metadata, fields, ALWAYS, RELATED));
  return `json_build_object(
      'total', (SELECT count(*) FROM evidence e WHERE e.assessment_id = ${assessmentId} AND ${visible}),
      'items', coalesce((SELECT json_agg(p ORDER BY p.created_at, p.id) FROM (
        SELECT ${columns} FROM evidence e WHERE e.assessment_id = ${assessmentId} AND ${visible}
        ORDER BY e.created_at, e.id OFFSET ${offset} LIMIT ${limit}) p), '[]'::json))`;
}

export function evidencePageOf(
  ctx: RequestContext,
  json: { total: number; items: Array<Record<string, unknown>> },
  window: PageWindow,
): Page<Evidence> {
  const metadata = ctx.db.connection.getMetadata(Evidence);
  return {
    items: json.items.map((item) => hydrateJson<Evidence>(metadata, item)),
    totalCount: json.total,
    window,
  };
}

export function findEvidence(ctx: RequestContext, ids: readonly string[]): Promise<Evidence[]> {
  return ctx.db.getRepository(Evidence).find({ where: { id: In([...ids]) } });
}

/** One piece of evidence for the viewer: null when there is none, FORBIDDEN when the viewer may not read it. */
export async function getEvidence(ctx: RequestContext, id: string): Promise<Evidence | null> {
  const evidence = await ctx.loaders.evidence.byId.load(id);
  if (!evidence) return null;
  const assessment = await ctx.loaders.assessment.byId.load(evidence.assessmentId);
  // Evidence of an assessment the database hides from the caller is as hidden as the assessment.
  if (!assessment) return null;
  const cycle = await ctx.loaders.cycle.byId.load(assessment.cycleId);
  if (!cycle || !evidencePolicy(ctx.viewer, 'read', evidence, assessment, cycle.status).allowed) {
    throw forbidden('You are not allowed to read this evidence.');
  }
  return evidence;
}
