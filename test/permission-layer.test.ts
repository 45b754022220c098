import { GraphQLObjectType } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { allow, deny } from 'graphql-shield';
import { buildExecutableSchema, buildTypeSchema, guardedFieldsOnly } from '../src/graphql/schema';

function resolverOf(schema: GraphQLSchema, typeName: string, field: string) {
  return (schema.getType(typeName) as GraphQLObjectType).getFields()[field].resolve;
}

describe('permission layer', () => {
  const plain = buildTypeSchema();
  const guarded = buildExecutableSchema();

  it('leaves the fields everyone may read without middleware', () => {
    for (const [type, field] of [
      ['Query', 'assessments'],
      ['Assessment', 'status'],
      ['Assessment', 'evidence'],
      ['Evidence', 'title'],
      ['Indicator', 'code'],
      ['AssessmentConnection', 'nodes'],
    ]) {
      expect({
        field: `${type}.${field}`,
        same: resolverOf(guarded, type, field) === resolverOf(plain, type, field),
      }).toEqual({
        field: `${type}.${field}`,
        same: true,
      });
    }
  });

  it('puts a rule in front of every other field', () => {
    for (const [type, field] of [
      ['Assessment', 'comments'],
      ['Assessment', 'updatedBy'],
      ['Mutation', 'assessmentSave'],
      ['Mutation', 'userSetPassword'],
    ]) {
      const wrapped = resolverOf(guarded, type, field);
      expect({
        field: `${type}.${field}`,
        wrapped: typeof wrapped === 'function' && wrapped !== resolverOf(plain, type, field),
      }).toEqual({
        field: `${type}.${field}`,
        wrapped: true,
      });
    }
  });

  it('keeps the fallback for fields with no rule: a type-wide "*", else deny', () => {
    const shieldMiddleware = {
      Assessment: { status: 'status guard', comments: 'comments guard', score: 'score guard' },
      Country: { code: 'code guard', name: 'name guard' },
    } as unknown as Record<string, Record<string, unknown>>;
    const kept = guardedFieldsOnly(
      plain,
      Object.fromEntries(
        Object.values(plain.getTypeMap())
          .filter((t): t is GraphQLObjectType => t instanceof GraphQLObjectType)
          .map((t) => [
            t.name,
            Object.fromEntries(
              Object.keys(t.getFields()).map((f) => [f, shieldMiddleware[t.name]?.[f] ?? `${f} guard`]),
            ),
          ]),
      ),
      {
        Assessment: { status: allow, comments: deny },
        Indicator: allow,
        Evidence: { '*': allow, title: deny },
      },
      deny,
    );
    expect(kept.Assessment.status).toBeUndefined();
    expect(kept.Assessment.comments).toBe('comments guard');
    expect(kept.Assessment.score).toBe('score guard');
    expect(kept.Country).toEqual(expect.objectContaining({ code: 'code guard', name: 'name guard' }));
    expect(kept.Indicator).toBeUndefined();
    expect(Object.keys(kept.Evidence)).toEqual(['title']);
  });

  it('with every rule replaced by allow, wraps nothing', () => {
    const open = buildExecutableSchema({ permissions: 'allow-all' });
    expect(resolverOf(open, 'Assessment', 'comments')).toBe(resolverOf(plain, 'Assessment', 'comments'));
    expect(resolverOf(open, 'Mutation', 'assessmentSave')).toBe(
      resolverOf(plain, 'Mutation', 'assessmentSave'),
    );
  });
});
