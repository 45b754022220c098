import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../../common/errors';

/** The name of the rule, in the refusal's message and `extensions.rule`. */
export const ONE_SENSITIVE_MUTATION = 'ONE_SENSITIVE_MUTATION';

/**
 * Mutations that check a secret or make, change or end a credential. Aliased many times in one request they
 * would multiply password guesses past the sign-in limits, or mint and revoke credentials in bulk, so a request
 * runs at most one of them.
 */
export const SENSITIVE_MUTATIONS: readonly string[] = [
  'login',
  'passwordChange',
  'userSetPassword',
  'userInvite',
  'userDeactivate',
  'apiKeyCreate',
  'apiKeyRevoke',
  'webhookCreate',
  'webhookSecretRotate',
];

/**
 * The fields an operation selects at its root, by response key, with its fragments (named and inline) expanded.
 * A field repeated under one response key runs once, so it is listed once, however often a fragment repeats it.
 */
export function rootFields(
  operation: OperationDefinitionNode,
  document: DocumentNode,
): Map<string, FieldNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const found = new Map<string, FieldNode>();
  // Each fragment is expanded once: a second spread adds nothing, and cycles (refused elsewhere) end here.
  const expanded = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (!found.has(key)) found.set(key, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !expanded.has(fragment.name.value)) {
          expanded.add(fragment.name.value);
          visit(fragment.selectionSet);
        }
      }
    }
  };
  visit(operation.selectionSet);
  return found;
}

/** A request refused for running more than one sensitive mutation; reported to the client as BAD_USER_INPUT. */
export class SensitiveMutationError extends GraphQLError {
  constructor(fields: string[]) {
    super(
      `The operation runs ${fields.length} sensitive mutations (${fields.join(', ')}); a request may run at most ` +
        `one of ${SENSITIVE_MUTATIONS.join(', ')} (rule ${ONE_SENSITIVE_MUTATION}). Send each in a request of ` +
        `its own.`,
      {
        extensions: {
          code: ErrorCode.BAD_USER_INPUT,
          rule: ONE_SENSITIVE_MUTATION,
          maximum: 1,
          actual: fields.length,
        },
      },
    );
    this.name = 'SensitiveMutationError';
  }
}

/**
 * Refuses, before anything runs, a mutation operation that selects more than one sensitive mutation field:
 * counted by response key, through fragments, whatever `@skip` or `@include` would decide.
 */
export const oneSensitiveMutation: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'mutation') return;
    const sensitive = [...rootFields(node, context.getDocument())]
      .filter(([, field]) => SENSITIVE_MUTATIONS.includes(field.name.value))
      .map(([key, field]) => (key === field.name.value ? key : `${key}: ${field.name.value}`));
    if (sensitive.length > 1) context.reportError(new SensitiveMutationError(sensitive));
  },
});
