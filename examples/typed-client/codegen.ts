import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates TypedDocumentNodes for the example's operations from the API's committed schema:
 * `npm run examples:codegen`. The generated files are committed; `npm run examples:check` (run by the tests)
 * fails when they are out of date with the schema or the operations.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/typed-client/operations/*.graphql'],
  generates: {
    'examples/typed-client/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        scalars: { DateTimeISO: 'string', ID: 'string' },
      },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
