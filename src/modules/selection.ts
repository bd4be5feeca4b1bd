// What a query selects under a field, read from its syntax tree: lets a load read in the same
// statement what the query will ask of its result (prefetch.ts), or leave out what it will not.
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Where a field sits in the query: its nodes and the operation's fragments, to see what is selected under it. */
export interface FieldSelection {
  nodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
}

/** The selection of the field a resolver resolves. */
export function selectionOf(info: GraphQLResolveInfo): FieldSelection {
  return { nodes: info.fieldNodes, fragments: info.fragments };
}

/**
 * Whether the query selects the field path `path` under `selection` (`['tasks', 'outputs']`),
 * through fragments of any type: a yes that turns out unused only reads a little more.
 */
export function selects(selection: FieldSelection, path: readonly string[]): boolean {
  return path.length === 0 || selectedFields(selection, path.slice(0, -1)).has(path[path.length - 1]!);
}

/** The names of the fields selected directly at `path` under `selection`, through fragments of any type. */
export function selectedFields(selection: FieldSelection, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  const within = (set: SelectionSetNode | undefined, rest: readonly string[]): void => {
    if (!set) return;
    for (const node of set.selections) {
      if (node.kind === Kind.FIELD) {
        if (rest.length === 0) names.add(node.name.value);
        else if (node.name.value === rest[0]) within(node.selectionSet, rest.slice(1));
      } else if (node.kind === Kind.INLINE_FRAGMENT) within(node.selectionSet, rest);
      else within(selection.fragments[node.name.value]?.selectionSet, rest);
    }
  };
  for (const node of selection.nodes) within(node.selectionSet, path);
  return names;
}
