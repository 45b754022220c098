import type { RequestContext } from '../common/context';
import { badUserInput } from '../common/errors';
import { assertId } from '../common/validation';
import { versionCodeKey } from './indicator/indicator.service';

/**
 * The codes a front end starts from. A page's address holds a cycle's code (`2024`), an indicator's code and a
 * country's ISO code, never a UUID: every read that starts from a cycle or an indicator takes either its id or
 * its code. Giving both, or neither, is BAD_USER_INPUT naming the two arguments, before anything is read.
 */

/** Refuses arguments of which not exactly one is given. */
export function assertExactlyOne(given: Record<string, unknown>): void {
  const names = Object.keys(given);
  const count = names.filter((name) => given[name] != null).length;
  if (count !== 1) {
    const list = names.length === 2 ? `${names[0]} and ${names[1]}` : names.join(', ');
    throw badUserInput(`Give exactly one of ${list}.`, {
      argument: names[0],
      arguments: names,
    });
  }
}

export interface CycleRef {
  /** The cycle's id, under the argument name `idArg`. */
  id?: string | null;
  /** The cycle's code, under the argument name `codeArg`. */
  code?: string | null;
  idArg?: string;
  codeArg?: string;
}

/**
 * The id of the cycle named by id or by code; null when no cycle has the code (as for an id that names nothing,
 * each read then answers as it does for an unknown id). A cycle found by code also serves the request's later
 * reads of it by id.
 */
export async function cycleIdOf(ctx: RequestContext, ref: CycleRef): Promise<string | null> {
  const idArg = ref.idArg ?? 'cycleId';
  const codeArg = ref.codeArg ?? 'cycleCode';
  assertExactlyOne({ [idArg]: ref.id, [codeArg]: ref.code });
  if (ref.id != null) return assertId(ref.id, idArg);
  const cycle = await ctx.loaders.cycle.byCode.load(String(ref.code).trim());
  return cycle?.id ?? null;
}

/** The id of the cycle named by code, or BAD_USER_INPUT naming the argument when there is none. */
async function knownCycleVersion(ctx: RequestContext, code: string, argument: string): Promise<string> {
  const cycle = await ctx.loaders.cycle.byCode.load(code.trim());
  if (!cycle) throw badUserInput(`There is no monitoring cycle with the code ${code}.`, { argument });
  return cycle.frameworkVersionId;
}

export interface IndicatorRef {
  id?: string | null;
  code?: string | null;
  /** With a code: the framework version it is a code in… */
  frameworkVersionId?: string | null;
  /** …or the cycle whose framework version it is a code in. */
  cycleCode?: string | null;
  idArg: string;
  codeArg: string;
}

/**
 * The id of the indicator named by id, or by code within a framework version (given by its id, or by the code of
 * a cycle that uses it: an indicator's code is unique only within its version). Null when the version has no
 * indicator with the code that the reader may see; an unknown cycle code is BAD_USER_INPUT.
 */
export async function indicatorIdOf(ctx: RequestContext, ref: IndicatorRef): Promise<string | null> {
  assertExactlyOne({ [ref.idArg]: ref.id, [ref.codeArg]: ref.code });
  if (ref.id != null) {
    if (ref.frameworkVersionId != null || ref.cycleCode != null)
      throw badUserInput(`frameworkVersionId and cycleCode only go with ${ref.codeArg}.`, {
        argument: ref.frameworkVersionId != null ? 'frameworkVersionId' : 'cycleCode',
      });
    return assertId(ref.id, ref.idArg);
  }
  assertExactlyOne({ frameworkVersionId: ref.frameworkVersionId, cycleCode: ref.cycleCode });
  const versionId =
    ref.frameworkVersionId != null
      ? assertId(ref.frameworkVersionId, 'frameworkVersionId')
      : await knownCycleVersion(ctx, String(ref.cycleCode), 'cycleCode');
  const indicator = await ctx.loaders.indicator.byVersionAndCode.load(
    versionCodeKey(versionId, String(ref.code).trim()),
  );
  return indicator?.id ?? null;
}

/**
 * The ids of indicators named by code within one framework version, in the order given; a code the version does
 * not have (for this reader) is BAD_USER_INPUT naming the argument and the codes.
 */
export async function indicatorIdsOfCodes(
  ctx: RequestContext,
  frameworkVersionId: string,
  codes: readonly string[],
  argument: string,
): Promise<string[]> {
  const found = await ctx.loaders.indicator.byVersionAndCode.loadMany(
    codes.map((code) => versionCodeKey(frameworkVersionId, code.trim())),
  );
  const unknown = codes.filter((_, i) => !found[i] || found[i] instanceof Error);
  if (unknown.length > 0)
    throw badUserInput(
      `The cycle’s framework version has no indicator with the code ${unknown.join(', ')}.`,
      {
        argument,
      },
    );
  return found.map((indicator) => (indicator as { id: string }).id);
}
