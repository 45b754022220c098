import type { RequestContext } from '../../common/context';
import { groupLoader, uniqueLoader } from '../../common/loaders';
import {
  findAreas,
  findAreasOfVersions,
  findFrameworks,
  findScoreLevelsOfVersions,
  findVersions,
  findVersionsOfFrameworks,
} from './framework.service';

export function createFrameworkLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findFrameworks(ctx, ids),
      (framework) => framework.id,
    ),
    versionById: uniqueLoader(
      (ids: readonly string[]) => findVersions(ctx, ids),
      (version) => version.id,
    ),
    versionsByFramework: groupLoader(
      (ids: readonly string[]) => findVersionsOfFrameworks(ctx, ids),
      (version) => version.frameworkId,
    ),
    areaById: uniqueLoader(
      (ids: readonly string[]) => findAreas(ctx, ids),
      (area) => area.id,
    ),
    areasByVersion: groupLoader(
      (ids: readonly string[]) => findAreasOfVersions(ctx, ids),
      (area) => area.frameworkVersionId,
    ),
    scoreLevelsByVersion: groupLoader(
      (ids: readonly string[]) => findScoreLevelsOfVersions(ctx, ids),
      (level) => level.frameworkVersionId,
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    framework: ReturnType<typeof createFrameworkLoaders>;
  }
}
