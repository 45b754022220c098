import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';
import { buildSchemaSync } from 'type-graphql';
import { ErrorCode } from '../common/errors';
import type { GraphQLModule } from '../common/module';
import { mergeRules, plumbingRules } from '../common/permissions';
import { apiKeyModule } from '../modules/api-key/api-key.module';
import { assessmentModule } from '../modules/assessment/assessment.module';
import { auditModule } from '../modules/audit/audit.module';
import { authModule } from '../modules/auth/auth.module';
import { comparisonModule } from '../modules/comparison/comparison.module';
import { countryModule } from '../modules/country/country.module';
import { cycleModule } from '../modules/cycle/cycle.module';
import { editionModule } from '../modules/edition/edition.module';
import { evidenceModule } from '../modules/evidence/evidence.module';
import { frameworkModule } from '../modules/framework/framework.module';
import { indicatorModule } from '../modules/indicator/indicator.module';
import { organisationModule } from '../modules/organisation/organisation.module';
import { reviewCommentModule } from '../modules/review-comment/review-comment.module';
import { standardModule } from '../modules/standard/standard.module';
import { userModule } from '../modules/user/user.module';
import { webhookModule } from '../modules/webhook/webhook.module';

const modules: GraphQLModule[] = [
  apiKeyModule,
  assessmentModule,
  auditModule,
  authModule,
  comparisonModule,
  countryModule,
  cycleModule,
  editionModule,
  evidenceModule,
  frameworkModule,
  indicatorModule,
  organisationModule,
  reviewCommentModule,
  standardModule,
  userModule,
  webhookModule,
];

let cached: GraphQLSchema | undefined;

/** The schema as the code declares it, without permissions: what `schema/schema.graphql` is printed from. */
export function buildTypeSchema(): GraphQLSchema {
  if (!cached) {
    const resolvers = modules.flatMap((m) => m.resolvers) as unknown as Parameters<
      typeof buildSchemaSync
    >[0]['resolvers'];
    cached = buildSchemaSync({ resolvers, validate: false });
    // type-graphql has no place to describe the root types, so their descriptions are set here.
    const query = cached.getQueryType() as { description?: string | null } | null;
    if (query) {
      query.description =
        'Reads of the regional database of anti-trafficking indicators: countries, organisations, the indicator ' +
        'framework, monitoring cycles, and assessments with their evidence and review comments. What a reader ' +
        'sees depends on who is signed in.';
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

export interface SchemaOptions {
  /** `allow-all` puts `allow` in place of every rule; only the benchmark uses it, to measure what the rules cost. */
  permissions?: 'rules' | 'allow-all';
}

/** The executable schema: every field behind a graphql-shield rule, and a field without one is refused. */
export function buildExecutableSchema(options: SchemaOptions = {}): GraphQLSchema {
  const schema = buildTypeSchema();
  const allowAll = options.permissions === 'allow-all';
  const rules = allowAll ? {} : mergeRules(plumbingRules(schema), ...modules.map((m) => m.permissions));
  const permissions = shield(rules, {
    fallbackRule: allowAll ? allow : deny,
    // Errors thrown by resolvers (bad input, not found) must reach the client as they are.
    allowExternalErrors: true,
    fallbackError: () =>
      new GraphQLError('You are not allowed to do this.', { extensions: { code: ErrorCode.FORBIDDEN } }),
  });
  return applyMiddleware(schema, permissions);
}
