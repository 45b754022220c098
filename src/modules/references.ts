import type { RequestContext } from '../common/context';
import { badUserInput } from '../common/errors';
import { areaCodeExists } from './framework/framework.service';

/** What the arguments of a read name, each with the argument's name for the refusal. */
export interface References {
  countries?: { argument: string; codes: readonly string[] } | null;
  cycle?: { argument: string; id: string } | null;
  frameworkVersion?: { argument: string; id: string } | null;
  indicators?: { argument: string; ids: readonly string[] } | null;
  /** An area code, in the version named above, else the cycle's, else any version the reader sees. */
  area?: { argument: string; code: string } | null;
}

function missing<T>(values: readonly T[], found: ReadonlyArray<unknown>): T[] {
  return values.filter((_, i) => !found[i] || found[i] instanceof Error);
}

/**
 * Refuses a read whose arguments name something that is not there: a filter on a country, cycle, version,
 * indicator or area that does not exist is a mistake (a typo, an id from another server) that an empty answer
 * would hide. The refusal is BAD_USER_INPUT naming the argument and the value. What the reader may not see
 * (a draft version, its indicators and areas) is looked up through the same read rules, so it is refused in the
 * same words as what does not exist, and a refusal tells nothing a reader could not already list; countries and
 * cycles are public. Callers ask once their answer came back empty, so a read that finds something costs no
 * statement more.
 */
export async function assertReferencesExist(ctx: RequestContext, refs: References): Promise<void> {
  const { countries, cycle, frameworkVersion, indicators, area } = refs;
  const [foundCountries, foundCycle, foundVersion, foundIndicators] = await Promise.all([
    countries ? ctx.loaders.country.byCode.loadMany(countries.codes) : [],
    cycle ? ctx.loaders.cycle.byId.load(cycle.id) : null,
    frameworkVersion ? ctx.loaders.framework.versionById.load(frameworkVersion.id) : null,
    indicators ? ctx.loaders.indicator.byId.loadMany(indicators.ids) : [],
  ]);
  if (countries) {
    const unknown = missing(countries.codes, foundCountries);
    if (unknown.length > 0)
      throw badUserInput(`There is no country ${unknown.join(', ')}.`, { argument: countries.argument });
  }
  if (cycle && !foundCycle)
    throw badUserInput(`There is no monitoring cycle with the id ${cycle.id}.`, { argument: cycle.argument });
  if (frameworkVersion && !foundVersion)
    throw badUserInput(`There is no framework version with the id ${frameworkVersion.id}.`, {
      argument: frameworkVersion.argument,
    });
  if (indicators) {
    const unknown = missing(indicators.ids, foundIndicators);
    if (unknown.length > 0)
      throw badUserInput(`There is no indicator with the id ${unknown.join(', ')}.`, {
        argument: indicators.argument,
      });
  }
  if (area) {
    const versionId = frameworkVersion?.id ?? foundCycle?.frameworkVersionId ?? null;
    if (!(await areaCodeExists(ctx, area.code, versionId)))
      throw badUserInput(
        versionId ? `The framework version has no area ${area.code}.` : `There is no area ${area.code}.`,
        { argument: area.argument },
      );
  }
}
