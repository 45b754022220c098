import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import { buildSchemaSync } from 'type-graphql';
import { ErrorCode } from '../common/errors';
import { mergeRules, plumbingRules } from '../common/permissions';
import { AssessmentMutationResolver } from '../modules/assessment/assessment-mutation.resolver';
import { assessmentPermissions } from '../modules/assessment/assessment.permissions';
import { authPermissions } from '../modules/auth/auth.permissions';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { AssessmentResolver } from '../modules/assessment/assessment.resolver';
import { countryPermissions } from '../modules/country/country.permissions';
import { CountryResolver } from '../modules/country/country.resolver';
import { cyclePermissions } from '../modules/cycle/cycle.permissions';
import { CycleResolver } from '../modules/cycle/cycle.resolver';
import { evidencePermissions } from '../modules/evidence/evidence.permissions';
import { EvidenceResolver } from '../modules/evidence/evidence.resolver';
import { frameworkPermissions } from '../modules/framework/framework.permissions';
import { FrameworkResolver } from '../modules/framework/framework.resolver';
import {
  AreaResolver,
  FrameworkVersionResolver,
  ScoreLevelResolver,
} from '../modules/framework/framework-version.resolver';
import { indicatorPermissions } from '../modules/indicator/indicator.permissions';
import { IndicatorResolver } from '../modules/indicator/indicator.resolver';
import { organisationPermissions } from '../modules/organisation/organisation.permissions';
import { OrganisationResolver } from '../modules/organisation/organisation.resolver';
import { reviewCommentPermissions } from '../modules/review-comment/review-comment.permissions';
import { ReviewCommentResolver } from '../modules/review-comment/review-comment.resolver';
import { standardPermissions } from '../modules/standard/standard.permissions';
import { StandardResolver } from '../modules/standard/standard.resolver';
import { userPermissions } from '../modules/user/user.permissions';
import { UserResolver } from '../modules/user/user.resolver';

const resolvers = [
  AssessmentMutationResolver,
  AssessmentResolver,
  AuthResolver,
  AreaResolver,
  CountryResolver,
  CycleResolver,
  EvidenceResolver,
  FrameworkResolver,
  FrameworkVersionResolver,
  IndicatorResolver,
  OrganisationResolver,
  ReviewCommentResolver,
  ScoreLevelResolver,
  StandardResolver,
  UserResolver,
] as const;

let cached: GraphQLSchema | undefined;

/** The schema as the code declares it, without permissions: what `schema/schema.graphql` is printed from. */
export function buildTypeSchema(): GraphQLSchema {
  if (!cached) {
    cached = buildSchemaSync({ resolvers: [...resolvers], validate: false });
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

/** The executable schema: every field behind a graphql-shield rule, and a field without one is refused. */
export function buildExecutableSchema(): GraphQLSchema {
  const schema = buildTypeSchema();
  const rules = mergeRules(
    plumbingRules(schema),
    assessmentPermissions,
    authPermissions,
    countryPermissions,
    cyclePermissions,
    evidencePermissions,
    frameworkPermissions,
    indicatorPermissions,
    organisationPermissions,
    reviewCommentPermissions,
    standardPermissions,
    userPermissions,
  );
  const permissions = shield(rules, {
    fallbackRule: deny,
    // Errors thrown by resolvers (bad input, not found) must reach the client as they are.
    allowExternalErrors: true,
    fallbackError: () =>
      new GraphQLError('You are not allowed to do this.', { extensions: { code: ErrorCode.FORBIDDEN } }),
  });
  return applyMiddleware(schema, permissions);
}
