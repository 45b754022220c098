import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { hydrate } from '../../common/paging';
import { ANONYMOUS } from '../auth/viewer';
import { editionBreakdowns } from '../breakdown/breakdown-edition';
import { loadMatrix } from '../comparison/comparison.service';
import { DataStatus, DEMO_NOTICE } from '../deployment/data-status';
import type { PublicationFacts } from '../deployment/publication';
import type { EditionContent } from './edition.entity';
import { Edition } from './edition.entity';

/**
 * Freezes what the public reads of a cycle that has just been published, inside the publishing transaction:
 * the comparison as an anonymous reader sees it, the published assessments with their public evidence and
 * their breakdowns as the public reads them (small counts suppressed), and the published follow-ups of
 * recommendations as they stood, with the public evidence they cite. Beside it, the framework its data package
 * describes (the cycle's title, indicators, standards and their links), frozen too.
 */
export async function createEdition(
  m: EntityManager,
  ds: DataSource | EntityManager,
  cycleId: string,
  publishedBy: string | null,
  disclosureMinCount?: number,
): Promise<Edition> {
  const [cycle] = await m.query(`SELECT id, code, year FROM monitoring_cycle WHERE id = $1`, [cycleId]);
  const matrix = await loadMatrix(m, ANONYMOUS, { cycleId });
  const assessments: Array<{ a: Record<string, unknown> }> = await m.query(
    `SELECT jsonb_build_object(
       'id', a.id, 'countryCode', a.country_code, 'indicatorId', a.indicator_id, 'score', a.score,
       'notScoredReason', a.not_scored_reason, 'valueNumber', a.value_number, 'valueBoolean', a.value_boolean,
       'valueText', a.value_text, 'narrative', a.narrative, 'confidence', a.confidence, 'version', a.version,
       'evidence', coalesce((SELECT jsonb_agg(jsonb_build_object('kind', e.kind, 'title', e.title, 'citation', e.citation,
           'url', e.url, 'documentDate', e.document_date, 'language', e.language,
           'issuingInstitution', e.issuing_institution, 'reliability', e.reliability) ORDER BY e.created_at, e.id)
         FROM evidence e WHERE e.assessment_id = a.id AND e.confidentiality = 'PUBLIC'), '[]'::jsonb)) AS a
     FROM assessment a WHERE a.cycle_id = $1 AND a.status = 'PUBLISHED' ORDER BY a.country_code, a.id`,
    [cycleId],
  );
  // Each published follow-up with its recommendation and source, and the evidence it cites that the public reads.
  const recommendations: Array<{ r: Record<string, unknown> }> = await m.query(
    `SELECT jsonb_build_object(
       'followUpId', f.id, 'recommendationId', r.id, 'countryCode', r.country_code, 'sourceBody', r.source_body,
       'source', jsonb_build_object('id', s.id, 'title', s.title, 'round', s.round, 'year', s.year,
         'publishedOn', s.published_on, 'url', s.url),
       'reference', r.reference, 'strength', r.strength, 'text', r.text,
       'implementationStatus', f.implementation_status, 'narrative', f.narrative, 'version', f.version,
       'evidence', coalesce((SELECT jsonb_agg(jsonb_build_object('kind', e.kind, 'title', e.title, 'citation', e.citation,
           'url', e.url, 'documentDate', e.document_date) ORDER BY x.created_at, e.id)
         FROM follow_up_evidence x JOIN evidence e ON e.id = x.evidence_id JOIN assessment a ON a.id = e.assessment_id
         WHERE x.follow_up_id = f.id AND e.confidentiality = 'PUBLIC' AND a.status = 'PUBLISHED'), '[]'::jsonb)) AS r
     FROM recommendation_follow_up f JOIN recommendation r ON r.id = f.recommendation_id
     JOIN recommendation_source s ON s.id = r.source_id
     WHERE f.cycle_id = $1 AND f.status = 'PUBLISHED' ORDER BY r.country_code, s.year DESC, s.id, r.reference, r.id`,
    [cycleId],
  );
  const content: EditionContent = {
    cycle: { id: cycle.id, code: cycle.code, year: cycle.year },
    indicatorIds: matrix.indicatorIds,
    countryCodes: matrix.countryCodes,
    cells: matrix.cells,
    assessments: await editionBreakdowns(
      m,
      assessments.map((row) => row.a),
      disclosureMinCount,
    ),
    recommendations: recommendations.map((row) => row.r),
  };
  const json = JSON.stringify(content);
  const [row] = await m.query(
    `INSERT INTO edition (cycle_id, number, published_at, published_by, content, content_sha256, framework)
     SELECT $1, coalesce(max(e.number), 0) + 1, (SELECT coalesce(published_at, now()) FROM monitoring_cycle WHERE id = $1),
       $2, $3::jsonb, $4, edition_framework($1, $5::uuid[])
     FROM (SELECT $1::uuid AS cycle_id) one LEFT JOIN edition e ON e.cycle_id = one.cycle_id RETURNING *`,
    [cycleId, publishedBy, json, createHash('sha256').update(json).digest('hex'), content.indicatorIds],
  );
  return hydrate(ds, Edition, row);
}

/**
 * The reference to cite an edition by: `Edition.citation` and the comparison export give the same text. On demo
 * data it says so first, so that a copied citation cannot pass for a real finding.
 */
export function editionCitation(
  cycleCode: string | undefined,
  edition: Pick<Edition, 'id' | 'number' | 'publishedAt'>,
  publication: PublicationFacts,
): string {
  const date = edition.publishedAt.toISOString().slice(0, 10);
  const reference = `Regional database of anti-trafficking indicators, monitoring cycle ${cycleCode}, edition ${edition.number}, published ${date} (edition ${edition.id}).`;
  const parts = [reference];
  if (publication.dataStatus === DataStatus.DEMO) parts.unshift(DEMO_NOTICE);
  if (publication.fundingStatement) parts.push(publication.fundingStatement);
  return parts.join(' ');
}

/**
 * An edition of a cycle: the given number, or the latest; null when the cycle has none. Every read of an
 * edition's content goes through here, so the request notes the edition for the response cache.
 */
export async function findEdition(
  ctx: RequestContext,
  cycleId: string,
  number?: number | null,
): Promise<Edition | null> {
  const rows = await ctx.db.query(
    `SELECT id, cycle_id, number, published_at, published_by, content, content_sha256, NULL::jsonb AS framework
     FROM edition WHERE cycle_id = $1 AND ($2::int IS NULL OR number = $2) ORDER BY number DESC LIMIT 1`,
    [cycleId, number ?? null],
  );
  if (!rows.length) return null;
  const edition = hydrate(ctx.db, Edition, rows[0]);
  ctx.responseCache.usedEdition(edition.id, edition.cycleId);
  return edition;
}

/** Every edition of a batch of cycles, newest first, without their content. */
export async function findEditionsOfCycles(
  ctx: RequestContext,
  cycleIds: readonly string[],
): Promise<Edition[]> {
  const rows = await ctx.db.query(
    `SELECT id, cycle_id, number, published_at, published_by, content_sha256, NULL::jsonb AS content,
       NULL::jsonb AS framework
     FROM edition WHERE cycle_id = ANY($1) ORDER BY number DESC`,
    [cycleIds],
  );
  return rows.map((row: Record<string, unknown>) => hydrate(ctx.db, Edition, row));
}
