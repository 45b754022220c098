import fs from 'node:fs';
import path from 'node:path';
import { isObjectType, isInputObjectType, isEnumType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildTypeSchema } from '../src/graphql/schema';

describe('schema', () => {
  const schema = buildTypeSchema();

  it('matches the committed schema/schema.graphql', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toContain(printSchema(lexicographicSortSchema(schema)));
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          if ('args' in field) {
            for (const arg of field.args)
              if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('caps every list that can grow with a connection', () => {
    const query = schema.getQueryType()!;
    for (const name of [
      'countries',
      'organisations',
      'frameworks',
      'cycles',
      'indicators',
      'assessments',
      'standards',
    ]) {
      expect(query.getFields()[name].type.toString()).toMatch(/Connection!$/);
    }
  });
});
