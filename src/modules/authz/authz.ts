import { forbidden } from '../../common/errors';
import type { Viewer } from '../auth/viewer';
import type { Grants } from './capabilities';
import { CAPABILITIES, Capability, EVERY_API_KEY, EVERYONE, ROLES, Scope } from './capabilities';

/**
 * Asking the capability table (capabilities.ts) about a viewer. `scopeOf` says over which rows the viewer holds a
 * capability, `can` whether it holds it over one row's country or organisation, `holds` whether it holds it at
 * all (what a shield rule asks before the row is known).
 */

const grantsCache = new WeakMap<Viewer, Grants>();

function widest(a: Scope | undefined, b: Scope | undefined): Scope | undefined {
  if (a === Scope.ALL || b === Scope.ALL) return Scope.ALL;
  return a ?? b;
}

function merge(...grants: Grants[]): Grants {
  const merged: Grants = {};
  for (const g of grants) {
    for (const [capability, scope] of Object.entries(g) as Array<[Capability, Scope]>) {
      merged[capability] = widest(merged[capability], scope);
    }
  }
  return merged;
}

/** Everything the viewer holds: everyone's grants, its role's (only the reads for an API key), every key's. */
export function grantsOf(viewer: Viewer): Grants {
  let grants = grantsCache.get(viewer);
  if (grants) return grants;
  if (viewer.kind === 'anonymous') {
    grants = EVERYONE;
  } else {
    const role = viewer.role ? ROLES[viewer.role].grants : {};
    if (viewer.kind === 'user') {
      grants = merge(EVERYONE, role);
    } else {
      const reads = Object.fromEntries(
        Object.entries(role).filter(([capability]) => CAPABILITIES[capability as Capability].apiKeys),
      ) as Grants;
      grants = merge(EVERYONE, reads, EVERY_API_KEY);
    }
  }
  grantsCache.set(viewer, grants);
  return grants;
}

export function scopeOf(viewer: Viewer, capability: Capability): Scope | undefined {
  return grantsOf(viewer)[capability];
}

/** Holds the capability over some rows at least: the question of a rule on an operation. */
export function holds(viewer: Viewer, capability: Capability): boolean {
  return scopeOf(viewer, capability) !== undefined;
}

/**
 * The service half of a rule on an operation: the shield rule already refused whoever does not hold the
 * capability, but a service must not depend on being reached only through that rule.
 */
export function assertHolds(viewer: Viewer, capability: Capability, message: string): void {
  if (!holds(viewer, capability)) throw forbidden(message);
}

/** The row a capability is asked about: its country for country data, its organisation for an organisation's. */
export interface Target {
  countryCode?: string;
  organisationId?: string;
}

/** Holds the capability over this row: over every row, or over the viewer's own countries or organisation. */
export function can(viewer: Viewer, capability: Capability, target: Target = {}): boolean {
  const scope = scopeOf(viewer, capability);
  if (scope === Scope.ALL) return true;
  if (scope !== Scope.OWN || viewer.kind === 'anonymous') return false;
  switch (CAPABILITIES[capability].over) {
    case 'country':
      return target.countryCode !== undefined && viewer.countries.includes(target.countryCode);
    case 'organisation':
      return target.organisationId !== undefined && viewer.organisationId === target.organisationId;
    default:
      return false;
  }
}

/**
 * The part of a country-scoped capability as SQL: `true` when held over every row, the country test when held
 * over the viewer's own countries, `false` otherwise. `params` receives the countries.
 */
export function canSql(
  viewer: Viewer,
  capability: Capability,
  countryColumn: string,
  params: unknown[],
): string {
  const scope = scopeOf(viewer, capability);
  if (scope === Scope.ALL) return 'true';
  if (scope !== Scope.OWN || viewer.kind === 'anonymous' || viewer.countries.length === 0) return 'false';
  params.push(viewer.countries);
  return `${countryColumn} = ANY($${params.length}::text[])`;
}

/** Why a policy refuses, one of the API's error codes: top-level errors or `userErrors`. */
export enum Denial {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  /** The row is hidden from the caller: answered as a row that does not exist. */
  NOT_FOUND = 'NOT_FOUND',
  CYCLE_NOT_OPEN = 'CYCLE_NOT_OPEN',
  NOT_EDITABLE = 'NOT_EDITABLE',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
}

/** A policy's answer: allowed, or the reason it is not. */
export type Decision = { allowed: true } | { allowed: false; reason: Denial };

export const ALLOW: Decision = { allowed: true };

export function deny(reason: Denial): Decision {
  return { allowed: false, reason };
}

/** The first refusal among checks made in order, or ALLOW. */
export function firstDenial(...checks: Array<[ok: boolean, reason: Denial]>): Decision {
  for (const [ok, reason] of checks) if (!ok) return deny(reason);
  return ALLOW;
}

/** The values of a column (statuses, confidentialities) that one capability reads. */
export interface ReadClass {
  values: readonly string[];
  capability: Capability;
}

/**
 * Which rows the viewer reads by the value of one column, as SQL: each class of values is read where its
 * capability is held, everywhere (ALL) or on the viewer's own countries (OWN). Used by the read policies, so that
 * the predicate on a loaded row and the filter of a list come from the same grants.
 */
export function readClassesSql(
  viewer: Viewer,
  classes: readonly ReadClass[],
  column: string,
  countryColumn: string,
  params: unknown[],
): { sql: string; everywhere: Set<string> } {
  const everywhere = new Set<string>();
  const own = new Set<string>();
  for (const c of classes) {
    const scope = scopeOf(viewer, c.capability);
    for (const value of c.values) {
      if (scope === Scope.ALL) everywhere.add(value);
      else if (scope === Scope.OWN) own.add(value);
    }
  }
  const every = classes.flatMap((c) => c.values);
  if (every.every((v) => everywhere.has(v))) return { sql: 'true', everywhere };
  const parts: string[] = [];
  const ownOnly = [...own].filter((v) => !everywhere.has(v));
  if (ownOnly.length > 0 && viewer.kind !== 'anonymous' && viewer.countries.length > 0) {
    params.push(viewer.countries);
    const country = `${countryColumn} = ANY($${params.length}::text[])`;
    const coversRest = every.every((v) => everywhere.has(v) || own.has(v));
    parts.push(coversRest ? country : `(${country} AND ${inList(column, ownOnly)})`);
  }
  if (everywhere.size > 0)
    parts.push(
      inList(
        column,
        every.filter((v) => everywhere.has(v)),
      ),
    );
  return { sql: joinOr(parts), everywhere };
}

function inList(column: string, values: readonly string[]): string {
  return values.length === 1
    ? `${column} = '${values[0]}'`
    : `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;
}

export function joinOr(parts: string[]): string {
  if (parts.length === 0) return 'false';
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}
