import type { RequestContext } from '../../common/context';
import { assertCountryCode, assertId } from '../../common/validation';
import type { Pillar } from '../framework/framework.enums';
import { assertReferencesExist } from '../references';
import { CellState, Trend } from './comparison.enums';
import { getComparison } from './comparison.read';
import type { ComparisonCell } from './comparison.types';
import { AreaProfile, CountryProfile, ScoreDistribution } from './comparison.types';

const LEVEL: Record<string, keyof ScoreDistribution> = {
  '0': 'notInPlace',
  '1': 'partial',
  '2': 'largely',
  '3': 'fully',
  NOT_APPLICABLE: 'notApplicable',
  NO_DATA: 'noData',
};

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A country's results per pillar, from the same cells as the comparison (so the same read rules and editions
 * apply): counts, coverage, the spread over the scale, the mean score and the change since the previous cycle.
 * It describes one country; it never ranks countries.
 */
export async function getCountryProfile(
  ctx: RequestContext,
  countryCode: string,
  cycleId: string,
): Promise<CountryProfile | null> {
  const code = assertCountryCode(countryCode, 'countryCode');
  // Before the comparison, which would name its own argument, countryCodes. A profile's country is usually
  // asked for too, so the lookup is the one that field makes.
  await assertReferencesExist(ctx, { countries: { argument: 'countryCode', codes: [code] } });
  const comparison = await getComparison(ctx, {
    cycleId: assertId(cycleId, 'cycleId'),
    countryCodes: [code],
  });
  if (!comparison) return null;
  const areas = new Map<string, { pillar: Pillar; cells: ComparisonCell[] }>();
  for (const row of comparison.rows) {
    for (const cell of row.cells) {
      const data = cell as ComparisonCell & { pillar: Pillar; pillarAreaId: string };
      const entry = areas.get(data.pillarAreaId) ?? { pillar: data.pillar, cells: [] };
      entry.cells.push(cell);
      areas.set(data.pillarAreaId, entry);
    }
  }
  const profiles = [...areas.entries()].map(([areaId, { pillar, cells }]) => {
    const distribution = new ScoreDistribution();
    const scores: number[] = [];
    const changes: number[] = [];
    let assessed = 0;
    for (const cell of cells) {
      if (cell.state !== CellState.ASSESSED) continue;
      assessed += 1;
      const level = cell.score !== null ? String(cell.score) : cell.notScoredReason;
      if (level && LEVEL[level]) distribution[LEVEL[level]] += 1;
      if (cell.score !== null) scores.push(cell.score);
      if (cell.score !== null && cell.previousScore !== null && cell.trend !== Trend.NOT_COMPARABLE) {
        changes.push(cell.score - cell.previousScore);
      }
    }
    const mean = (values: number[]) =>
      values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null;
    return Object.assign(new AreaProfile(), {
      areaId,
      pillar,
      indicatorCount: cells.length,
      assessedCount: assessed,
      hiddenCount: cells.filter((c) => c.state === CellState.HIDDEN).length,
      coverage: cells.length ? round(assessed / cells.length) : 0,
      distribution,
      meanScore: mean(scores),
      meanScoreChange: mean(changes),
      improved: cells.filter((c) => c.trend === Trend.IMPROVED).length,
      deteriorated: cells.filter((c) => c.trend === Trend.DETERIORATED).length,
    });
  });
  return Object.assign(new CountryProfile(), {
    id: `${code}:${comparison.cycleId}`,
    countryCode: code,
    cycleId: comparison.cycleId,
    areas: profiles,
  });
}
