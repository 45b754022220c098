import type { GraphQLSchema } from 'graphql';
import { isIntrospectionType, isObjectType } from 'graphql';
import type { IRules } from 'graphql-shield';

/**
 * Every field must be behind a rule someone chose for it. A type's rules are either one rule for the whole type
 * (e.g. `XPayload: allow`, `Area: publicRead`), which is a decision about every field the type has or will have,
 * or a map with one rule per field. A `'*'` entry in such a map is refused: a default next to a few exceptions is
 * how a new field of an assessment or an organisation became public without anyone deciding it.
 */
export function rulelessFields(schema: GraphQLSchema, rules: IRules): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const typeRules = (rules as Record<string, unknown>)[type.name];
    if (typeRules === undefined) {
      missing.push(...Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
      continue;
    }
    if (!isFieldMap(typeRules)) continue;
    if ('*' in typeRules) missing.push(`${type.name}.*`);
    for (const field of Object.keys(type.getFields())) {
      if (typeRules[field] === undefined) missing.push(`${type.name}.${field}`);
    }
  }
  return missing.sort();
}

/** Throws, naming each field, when a field has no rule of its own nor a whole-type rule. */
export function assertEveryFieldHasRule(schema: GraphQLSchema, rules: IRules): void {
  const missing = rulelessFields(schema, rules);
  if (missing.length === 0) return;
  throw new Error(
    `Permission rules are missing for ${missing.join(', ')}: give each field its own rule in its module's ` +
      `*.permissions.ts, or give the whole type one rule ('*' wildcards are not accepted).`,
  );
}

function isFieldMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && value.constructor === Object;
}
