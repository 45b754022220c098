import type { EntityManager } from 'typeorm';
import { buildTables, type StoredCell } from './breakdown-tables';
import { DEFAULT_DISCLOSURE_MIN_COUNT, findCellsOfAssessments, loadDimensions } from './breakdown.service';

/**
 * The published assessments of an edition with their breakdowns as the public reads them: an edition is what
 * anonymous readers and API keys get, so its cells are suppressed as theirs are, once and for good.
 */
export async function editionBreakdowns(
  m: EntityManager,
  assessments: Array<Record<string, unknown>>,
  minCount = DEFAULT_DISCLOSURE_MIN_COUNT,
): Promise<Array<Record<string, unknown>>> {
  const rows = await findCellsOfAssessments(
    m,
    assessments.map((a) => String(a.id)),
  );
  if (rows.length === 0) return assessments;
  const dimensions = await loadDimensions(m);
  const byAssessment = new Map<
    string,
    { answerType: (typeof rows)[number]['answerType']; cells: StoredCell[] }
  >();
  for (const row of rows) {
    const entry = byAssessment.get(row.assessmentId) ?? { answerType: row.answerType, cells: [] };
    entry.cells.push(row.cell);
    byAssessment.set(row.assessmentId, entry);
  }
  return assessments.map((a) => {
    const entry = byAssessment.get(String(a.id));
    if (!entry) return a;
    const tables = buildTables(entry.cells, dimensions, {
      answerType: entry.answerType,
      exact: false,
      minCount,
    });
    return {
      ...a,
      breakdown: tables.map((t) => ({
        dimensions: t.dimensionCodes,
        cells: t.cells.map((c) => ({
          categories: c.categories.map((k) => k.code),
          value: c.value,
          suppressed: c.suppressed,
        })),
      })),
    };
  });
}
