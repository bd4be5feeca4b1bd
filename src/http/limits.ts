// What one GraphQL operation may cost: depth, aliases and directives are checked while validating
// the document; the cost budget needs the variables (`first: $n`), so it runs in a server plugin.
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

/** Validation rules that refuse over-deep, alias-flooded or directive-flooded documents. */
export function limitRules(limits: OperationLimits): ValidationRule[] {
  // Reported as validation errors (400, GRAPHQL_VALIDATION_FAILED), not thrown (Apollo would answer 500).
  const common = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...common }) as unknown as ValidationRule,
    maxAliasesRule({ n: limits.maxAliases, ...common }) as unknown as ValidationRule,
    maxDirectivesRule({ n: limits.maxDirectives, ...common }) as unknown as ValidationRule,
  ];
}

/**
 * Size assumed for a list whose field takes no `first`/`limit`. Such lists follow the structure of
 * a document (its responsibilities, a task's indicators, K and S), which holds a handful each.
 */
const ASSUMED_LIST_SIZE = 5;
/** Page size of a connection asked for without `first`. */
const DEFAULT_PAGE_SIZE = 20;

/**
 * The cost of a selection: every field costs 1, and what is selected under a list or connection
 * costs once per item it may return (its `first`, `limit` or an assumed size).
 */
export function operationCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  variables: Record<string, unknown>,
  fragments: Record<string, FragmentDefinitionNode>,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      // Introspection fields and fields of a union (only __typename) cost 1.
      if (selection.name.value.startsWith('__') || !('getFields' in parentType)) {
        total += 1;
        continue;
      }
      const field = parentType.getFields()[selection.name.value];
      if (!field) continue;
      const args = getArgumentValues(field, selection, variables);
      const returnType = getNullableType(field.type);
      const named = getNamedType(field.type);
      const isConnection = named.name.endsWith('Connection');
      const explicitSize = [args.first, args.limit].find((value): value is number => typeof value === 'number');
      const size = explicitSize ?? (isConnection ? DEFAULT_PAGE_SIZE : isListType(returnType) ? ASSUMED_LIST_SIZE : 1);
      const inner = selection.selectionSet && isCompositeType(named)
        ? operationCost(schema, selection.selectionSet, named, variables, fragments)
        : 0;
      total += 1 + Math.max(size, 1) * inner;
    } else if (selection.kind === 'InlineFragment') {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? schema.getType(typeName) : parentType;
      if (type && isCompositeType(type)) total += operationCost(schema, selection.selectionSet, type, variables, fragments);
    } else {
      const fragment = fragments[selection.name.value];
      const type = fragment && schema.getType(fragment.typeCondition.name.value);
      if (fragment && type && isCompositeType(type)) total += operationCost(schema, fragment.selectionSet, type, variables, fragments);
    }
  }
  return total;
}

/** Refuses an operation whose cost exceeds the budget, before any resolver runs. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === 'FragmentDefinition') fragments[definition.name.value] = definition;
          }
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          const cost = operationCost(schema, operation.selectionSet, root, request.variables ?? {}, fragments);
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer items (smaller \`first\`/\`limit\`) or fewer nested lists.`,
              { extensions: { code: 'COST_LIMIT_EXCEEDED', cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
