// Reads a root field's first level in the same statement as the root itself. When a root field
// knows the id of the entity it will return before reading it (a standard's code, a competency's
// kind and name), it starts the loads of the selected child fields in the same tick as its own: the
// request's batcher then reads the entity and its relationships in one statement instead of two.
// The loads are the very ones the child resolvers make later (same loader, same arguments), so the
// resolvers find them done; if the entity does not exist they come back empty and nothing uses them.
import { getArgumentValues, Kind, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { RequestContext } from './context.js';
import { selectionOf, type FieldSelection } from './selection.js';

/**
 * The load a child field makes for a parent of this id, with the field's arguments; `selection`
 * lets a load read what is selected under the field in the same statement.
 */
export type FieldLoad = (id: string, args: Record<string, unknown>, context: RequestContext, selection: FieldSelection) => unknown;

/** The field resolvers that make these loads for their parent row's id. */
export function resolversById<Loads extends Record<string, FieldLoad>>(loads: Loads) {
  return Object.fromEntries(
    Object.entries(loads).map(([field, load]) => [
      field,
      (row: { id: string }, args: Record<string, unknown>, context: RequestContext, info: GraphQLResolveInfo) =>
        load(row.id, args, context, selectionOf(info)),
    ]),
  ) as { [Field in keyof Loads]: (row: { id: string }, args: Parameters<Loads[Field]>[1], context: RequestContext, info: GraphQLResolveInfo) => ReturnType<Loads[Field]> };
}

/**
 * Starts the loads of the fields selected under the current root field that `loads` knows, for an
 * entity of GraphQL type `typeName` and graph id `id`. Never throws: a field whose arguments are
 * wrong is left to its resolver, which reports it.
 */
export function prefetchSelection(info: GraphQLResolveInfo, typeName: string, id: string, loads: Record<string, FieldLoad>, context: RequestContext): void {
  const type = info.schema.getType(typeName) as GraphQLObjectType | undefined;
  if (!type) return;
  const fields = type.getFields();
  const visit = (selectionSet: SelectionSetNode | undefined, depth: number) => {
    if (!selectionSet || depth > 3) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const load = loads[selection.name.value];
        const definition = fields[selection.name.value];
        if (!load || !definition) continue;
        try {
          const started = load(id, getArgumentValues(definition, selection, info.variableValues), context, {
            nodes: [selection],
            fragments: info.fragments,
          });
          // The resolver awaits the same promise and reports its failure; this copy must not be unhandled.
          if (started instanceof Promise) started.catch(() => undefined);
        } catch {
          // Wrong arguments: the resolver reports them.
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type)) visit(selection.selectionSet, depth + 1);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value, type)) visit(fragment.selectionSet, depth + 1);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0);
}

/** Whether a fragment on `condition` applies to objects of `type` (the type itself or an interface it implements). */
function applies(condition: string | undefined, type: GraphQLObjectType): boolean {
  return condition === undefined || condition === type.name || type.getInterfaces().some((i) => i.name === condition);
}
