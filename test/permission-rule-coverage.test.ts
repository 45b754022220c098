import { buildSchema } from 'graphql';
import { allow, deny } from 'graphql-shield';
import { buildExecutableSchema } from '../src/graphql/schema';
import { assertEveryFieldHasRule, rulelessFields } from '../src/graphql/rule-coverage';

const schema = buildSchema(`
  type Query { report: Report }
  type Report { id: ID!, title: String!, secretNote: String }
  type ReportPayload { report: Report }
`);

describe('permission rules cover every field', () => {
  it('refuses a schema with a field that has no rule of its own, naming the type and field', () => {
    const rules = {
      Query: { report: allow },
      Report: { id: allow, title: allow },
      ReportPayload: allow,
    };
    expect(rulelessFields(schema, rules)).toEqual(['Report.secretNote']);
    expect(() => assertEveryFieldHasRule(schema, rules)).toThrow(
      /Permission rules are missing for Report\.secretNote/,
    );
  });

  it('does not count a * default as a rule of the fields it would cover', () => {
    const rules = {
      Query: { report: allow },
      Report: { '*': allow, secretNote: deny },
      ReportPayload: allow,
    };
    expect(rulelessFields(schema, rules)).toEqual(['Report.*', 'Report.id', 'Report.title']);
    expect(() => assertEveryFieldHasRule(schema, rules)).toThrow(/Report\.\*/);
  });

  it('refuses a type that has no rules at all', () => {
    const rules = { Query: { report: allow }, Report: { id: allow, title: allow, secretNote: deny } };
    expect(rulelessFields(schema, rules)).toEqual(['ReportPayload.report']);
  });

  it('accepts one rule for a whole type and a rule for each field', () => {
    const rules = {
      Query: { report: allow },
      Report: { id: allow, title: allow, secretNote: deny },
      ReportPayload: allow,
    };
    expect(() => assertEveryFieldHasRule(schema, rules)).not.toThrow();
  });

  it('builds the real schema: every field of the API has its rule', () => {
    expect(() => buildExecutableSchema()).not.toThrow();
  });
});
