import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';

/** Readable by anyone, signed in or not. */
export const publicRead = allow;

type RuleMap = Record<string, unknown>;

/** One rule for each of the named fields: a type's field map lists its fields, never a `'*'` default. */
export function fieldsWithRule<R>(rule: R, ...fields: string[]): Record<string, R> {
  return Object.fromEntries(fields.map((field) => [field, rule]));
}

/** Merges the rule fragments of the modules; two modules giving a rule for the same field is a bug. */
export function mergeRules(...fragments: IRules[]): IRules {
  const merged: Record<string, unknown> = {};
  for (const fragment of fragments) {
    for (const [typeName, rule] of Object.entries(fragment as RuleMap)) {
      const existing = merged[typeName];
      if (existing === undefined) {
        merged[typeName] = rule;
      } else if (isFieldMap(existing) && isFieldMap(rule)) {
        for (const field of Object.keys(rule)) {
          if (field in existing) throw new Error(`Two permission rules for ${typeName}.${field}`);
        }
        merged[typeName] = { ...existing, ...rule };
      } else {
        throw new Error(`Two permission rules for type ${typeName}`);
      }
    }
  }
  return merged as IRules;
}

function isFieldMap(value: unknown): value is RuleMap {
  return typeof value === 'object' && value !== null && value.constructor === Object;
}

/**
 * Rules for the plumbing types every module shares. Connections, edges and page info only carry nodes, and each
 * node type has its own rules, so allowing them exposes nothing by itself.
 */
export function plumbingRules(schema: GraphQLSchema): IRules {
  const shared = new Set(['PageInfo', 'LocalizedText', 'Translation', 'UserError']);
  const rules: RuleMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (shared.has(type.name) || /(Connection|Edge)$/.test(type.name)) rules[type.name] = allow;
  }
  return rules as IRules;
}
