import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError, isIntrospectionType, isObjectType } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { IMiddleware } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { ShieldRule } from 'graphql-shield/typings/types';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { ErrorCode } from '../common/errors';
import type { GraphQLModule } from '../common/module';
import { mergeRules, plumbingRules } from '../common/permissions';
import { apiKeyModule } from '../modules/api-key/api-key.module';
import { assessmentModule } from '../modules/assessment/assessment.module';
import { auditModule } from '../modules/audit/audit.module';
import { authModule } from '../modules/auth/auth.module';
import { breakdownModule } from '../modules/breakdown/breakdown.module';
import { comparisonModule } from '../modules/comparison/comparison.module';
import { countryModule } from '../modules/country/country.module';
import { cycleModule } from '../modules/cycle/cycle.module';
import { deploymentModule } from '../modules/deployment/deployment.module';
import { editionModule } from '../modules/edition/edition.module';
import { evidenceModule } from '../modules/evidence/evidence.module';
import { frameworkModule } from '../modules/framework/framework.module';
import { indicatorModule } from '../modules/indicator/indicator.module';
import { nodeModule } from '../modules/node/node.module';
import { organisationModule } from '../modules/organisation/organisation.module';
import { progressModule } from '../modules/progress/progress.module';
import { recommendationModule } from '../modules/recommendation/recommendation.module';
import { reviewCommentModule } from '../modules/review-comment/review-comment.module';
import { searchModule } from '../modules/search/search.module';
import { standardModule } from '../modules/standard/standard.module';
import { userModule } from '../modules/user/user.module';
import { webhookModule } from '../modules/webhook/webhook.module';
import { assertEveryFieldHasRule } from './rule-coverage';

const modules: GraphQLModule[] = [
  apiKeyModule,
  assessmentModule,
  auditModule,
  authModule,
  breakdownModule,
  comparisonModule,
  countryModule,
  cycleModule,
  deploymentModule,
  editionModule,
  evidenceModule,
  frameworkModule,
  indicatorModule,
  nodeModule,
  organisationModule,
  progressModule,
  recommendationModule,
  reviewCommentModule,
  searchModule,
  standardModule,
  userModule,
  webhookModule,
];

let cached: GraphQLSchema | undefined;

/** type-graphql wants a publish/subscribe even when every subscription brings its own stream, as here. */
const UNUSED_PUB_SUB = {
  publish: () => {
    throw new Error('Announce changes with announce() (src/common/live-events.ts).');
  },
  subscribe: () => {
    throw new Error('Subscriptions listen on ctx.live.');
  },
};

/** The schema as the code declares it, without permissions: what `schema/schema.graphql` is printed from. */
export function buildTypeSchema(): GraphQLSchema {
  if (!cached) {
    const resolvers = modules.flatMap((m) => m.resolvers) as unknown as Parameters<
      typeof buildSchemaSync
    >[0]['resolvers'];
    readPlainFieldsAsProperties();
    // The subscriptions bring their own event streams (ctx.live); type-graphql's publish/subscribe is not used.
    cached = buildSchemaSync({ resolvers, validate: false, pubSub: UNUSED_PUB_SUB });
    // type-graphql has no place to describe the root types, so their descriptions are set here.
    const query = cached.getQueryType() as { description?: string | null } | null;
    if (query) {
      query.description =
        'Reads of the regional database of anti-trafficking indicators: countries, organisations, the indicator ' +
        'framework, monitoring cycles, and assessments with their evidence and review comments. What a reader ' +
        'sees depends on who is signed in.';
    }
    const subscription = cached.getSubscriptionType() as { description?: string | null } | null;
    if (subscription) {
      subscription.description =
        'Live updates, over WebSocket with the graphql-ws protocol (`graphql-transport-ws`) at `/graphql`, signed ' +
        'in with `{ "authorization": "Bearer <token or API key>" }` as the `connection_init` payload. Each event is ' +
        'read again under the subscriber’s sign-in, and sent only when a query would show it to the subscriber.';
    }
    const mutation = cached.getMutationType() as { description?: string | null } | null;
    if (mutation) {
      mutation.description =
        'Changes. Each takes one `input` and returns a payload whose `userErrors` list expected business failures ' +
        '(nothing is changed then); missing sign-in is the top-level error UNAUTHENTICATED, a refusal FORBIDDEN.';
    }
  }
  return cached;
}

/**
 * Access control is graphql-shield's: nothing here uses type-graphql's middlewares or `@Authorized`. A field
 * without a resolver of its own is then read as a plain property, as graphql reads it by default, rather than
 * through a function of type-graphql's made for middlewares there are none of: for a page of assessments with
 * their evidence, most of the fields of the answer.
 */
function readPlainFieldsAsProperties(): void {
  const storage = getMetadataStorage();
  if (
    storage.middlewares.length > 0 ||
    storage.authorizedFields.length > 0 ||
    storage.authorizedResolver.length > 0
  )
    throw new Error('type-graphql middlewares or @Authorized are in use: plain fields need their resolvers');
  for (const field of storage.fields) {
    if (field.simple === undefined && field.schemaName === field.name) field.simple = true;
  }
}

export interface SchemaOptions {
  /** `allow-all` puts `allow` in place of every rule; only the benchmark uses it, to measure what the rules cost. */
  permissions?: 'rules' | 'allow-all';
}

/**
 * The executable schema: every field behind a graphql-shield rule, and a field without one is refused. Fields
 * whose rule is `allow` get no middleware at all: shield would wrap each of them in an async function that only
 * says yes, one promise per field of every answer, which for a large comparison is most of its time and heap.
 */
export function buildExecutableSchema(options: SchemaOptions = {}): GraphQLSchema {
  const schema = buildTypeSchema();
  const allowAll = options.permissions === 'allow-all';
  const rules = allowAll ? {} : mergeRules(plumbingRules(schema), ...modules.map((m) => m.permissions));
  if (!allowAll) assertEveryFieldHasRule(schema, rules);
  const fallbackRule = allowAll ? allow : deny;
  const permissions = shield(rules, {
    fallbackRule,
    // Errors thrown by resolvers (bad input, not found) must reach the client as they are.
    allowExternalErrors: true,
    fallbackError: () =>
      new GraphQLError('You are not allowed to do this.', { extensions: { code: ErrorCode.FORBIDDEN } }),
  });
  const middleware = permissions.generate(schema) as Record<string, Record<string, unknown>>;
  const guarded = guardedFieldsOnly(schema, middleware, rules, fallbackRule) as IMiddleware;
  return ruleOnSubscribe(schema, (unguarded) => applyMiddleware(unguarded, guarded));
}

/**
 * graphql-middleware puts a field's rule around its `resolve` when it has one, and around `subscribe` only when
 * it has none. A subscription's rule must hold when subscribing, so that a refused subscriber gets its one error
 * at once rather than one for every event: the subscription fields are guarded without their `resolve`, which is
 * given back to the guarded schema afterwards.
 */
function ruleOnSubscribe(
  schema: GraphQLSchema,
  guard: (schema: GraphQLSchema) => GraphQLSchema,
): GraphQLSchema {
  const fields = Object.values(schema.getSubscriptionType()?.getFields() ?? {});
  const resolvers = new Map(fields.map((field) => [field.name, field.resolve]));
  for (const field of fields) field.resolve = undefined;
  let result: GraphQLSchema;
  try {
    result = guard(schema);
  } finally {
    for (const field of fields) field.resolve = resolvers.get(field.name);
  }
  for (const field of Object.values(result.getSubscriptionType()?.getFields() ?? {}))
    field.resolve = resolvers.get(field.name);
  return result;
}

/** The shield middleware without the fields whose rule, as shield resolves it, is `allow`. */
export function guardedFieldsOnly(
  schema: GraphQLSchema,
  middleware: Record<string, Record<string, unknown>>,
  rules: IRules,
  fallbackRule: ShieldRule,
): Record<string, Record<string, unknown>> {
  const guarded: Record<string, Record<string, unknown>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const typeRules = (rules as Record<string, unknown>)[type.name];
    const fields: Record<string, unknown> = {};
    for (const field of Object.keys(type.getFields())) {
      if (effectiveRule(typeRules, field, fallbackRule) === allow) continue;
      fields[field] = middleware[type.name][field];
    }
    if (Object.keys(fields).length > 0) guarded[type.name] = fields;
  }
  return guarded;
}

/** The rule shield applies to a field: its own, else its type's `*`, else the fallback (as shield's generator). */
function effectiveRule(typeRules: unknown, field: string, fallbackRule: ShieldRule): unknown {
  if (typeRules === undefined) return fallbackRule;
  if (typeof typeRules === 'object' && typeRules !== null && typeRules.constructor === Object) {
    const map = typeRules as Record<string, unknown>;
    return map[field] ?? map['*'] ?? fallbackRule;
  }
  return typeRules;
}
