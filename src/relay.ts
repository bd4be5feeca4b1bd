// Relay plumbing shared by every module: readable global ids (`Standard:BLM2421-007v4`), opaque
// cursors, page-size rules and the connection builder. Pure functions, no database.
import { badUserInput } from './errors.js';
import { NODE_KINDS, nodeKindOf, type NodeType } from './graph/node-kinds.js';

/** Page size of a connection asked for without `first`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest `first` any connection accepts. */
export const MAX_PAGE_SIZE = 100;

export type { NodeType };

export const NODE_TYPE_NAMES: NodeType[] = NODE_KINDS.map((kind) => kind.type);

export function isNodeType(name: string): name is NodeType {
  return nodeKindOf(name) !== undefined;
}

/** The graph label whose id constraint finds nodes of a GraphQL type (`Note` -> `Term`). */
export function graphLabelOf(type: NodeType): string {
  return nodeKindOf(type)!.lookupLabel;
}

/** The GraphQL type of a node with these graph labels, or null when the API does not expose it. */
export function nodeTypeOfLabels(labels: readonly string[]): NodeType | null {
  for (const kind of NODE_KINDS) if (labels.includes(kind.label)) return kind.type;
  return null;
}

/** The global id of a node: `<Type>:<key>`, where the key is the node's `id` without the type's prefix. */
export function toGlobalId(type: NodeType, graphId: string): string {
  const prefix = nodeKindOf(type)!.idPrefix;
  return `${type}:${prefix && graphId.startsWith(prefix) ? graphId.slice(prefix.length) : graphId}`;
}

/**
 * The global id of any graph node: its GraphQL type and key when the API exposes the label, else
 * `<first label>:<id>` so that every node still has a readable, unique id.
 */
export function globalIdOfNode(labels: readonly string[], graphId: string): string {
  const type = nodeTypeOfLabels(labels);
  return type ? toGlobalId(type, graphId) : `${labels[0] ?? 'Node'}:${graphId}`;
}

export interface ResolvedGlobalId {
  type: NodeType;
  /** The node's `id` property. */
  graphId: string;
  /** The graph label to look it up under. */
  label: string;
}

/** Splits a global id into its type and graph id; null when the type is unknown or the key empty. */
export function fromGlobalId(globalId: string): ResolvedGlobalId | null {
  const colon = globalId.indexOf(':');
  if (colon <= 0) return null;
  const type = globalId.slice(0, colon);
  const key = globalId.slice(colon + 1);
  if (!isNodeType(type) || key.length === 0) return null;
  const kind = nodeKindOf(type)!;
  return { type, graphId: kind.idPrefix + key, label: kind.lookupLabel };
}

/** What a cursor points after: the sort key of an item (keyset) or a position in a ranked list. */
export type CursorPosition = { kind: 'key'; key: string } | { kind: 'offset'; offset: number };

const CURSOR_VERSION = 'c1';

/** An opaque cursor: base64url of the position. Clients must treat it as a token. */
export function encodeCursor(position: CursorPosition): string {
  const body = position.kind === 'key' ? `${CURSOR_VERSION}:k:${position.key}` : `${CURSOR_VERSION}:o:${position.offset}`;
  return Buffer.from(body, 'utf8').toString('base64url');
}

/** Reads a cursor this API issued; anything else is a BAD_USER_INPUT naming the argument. */
export function decodeCursor(cursor: string, argument = 'after'): CursorPosition {
  const body = Buffer.from(cursor, 'base64url').toString('utf8');
  const [version, kind, ...rest] = body.split(':');
  const value = rest.join(':');
  if (version === CURSOR_VERSION && kind === 'k' && value.length > 0) return { kind: 'key', key: value };
  if (version === CURSOR_VERSION && kind === 'o' && /^\d+$/.test(value)) return { kind: 'offset', offset: Number(value) };
  throw badUserInput(`\`${argument}\` is not a cursor this API issued; pass an \`endCursor\` or \`cursor\` from a previous page.`, argument);
}

/** Checks `first` against the page-size rules and applies the default. */
export function pageSize(first: number | null | undefined, argument = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`\`${argument}\` must be between 0 and ${MAX_PAGE_SIZE}; got ${first}.`, argument);
  }
  return first;
}

/** A page of a keyset-ordered list: `after` is the sort key of the last item already seen. */
export interface KeysetPage {
  first: number;
  after: string | null;
}

export function keysetPage(args: { first?: number | null; after?: string | null }): KeysetPage {
  const first = pageSize(args.first);
  if (args.after === null || args.after === undefined) return { first, after: null };
  const position = decodeCursor(args.after);
  if (position.kind !== 'key') throw badUserInput('`after` is a cursor of a different list; pass a cursor from this connection.', 'after');
  return { first, after: position.key };
}

/** A page of a ranked list: `offset` items are skipped. */
export interface OffsetPage {
  first: number;
  offset: number;
}

export function offsetPage(args: { first?: number | null; after?: string | null }): OffsetPage {
  const first = pageSize(args.first);
  if (args.after === null || args.after === undefined) return { first, offset: 0 };
  const position = decodeCursor(args.after);
  if (position.kind !== 'offset') throw badUserInput('`after` is a cursor of a different list; pass a cursor from this connection.', 'after');
  return { first, offset: position.offset + 1 };
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T, E extends { cursor: string } = Edge<T>> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: number;
}

function pageInfoOf(cursors: string[], hasNextPage: boolean, hasPreviousPage: boolean): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: cursors[0] ?? null,
    endCursor: cursors[cursors.length - 1] ?? null,
  };
}

/**
 * A connection over a list ordered by a unique key. `items` is what the repository read after the
 * cursor: up to `first + 1` items, the extra one only telling that another page exists. `edgeOf`
 * builds edges that carry more than `node` and `cursor`.
 */
export function keysetConnection<T>(items: readonly T[], totalCount: number, page: KeysetPage, keyOf: (item: T) => string): Connection<T>;
export function keysetConnection<T, E extends { cursor: string }>(
  items: readonly T[],
  totalCount: number,
  page: KeysetPage,
  keyOf: (item: T) => string,
  edgeOf: (item: T, cursor: string) => E,
): Connection<T, E>;
export function keysetConnection<T>(
  items: readonly T[],
  totalCount: number,
  page: KeysetPage,
  keyOf: (item: T) => string,
  edgeOf: (item: T, cursor: string) => { cursor: string } = (node, cursor) => ({ node, cursor }),
): Connection<T, { cursor: string }> {
  const shown = items.slice(0, page.first);
  const edges = shown.map((item) => edgeOf(item, encodeCursor({ kind: 'key', key: keyOf(item) })));
  return {
    edges,
    pageInfo: pageInfoOf(
      edges.map((edge) => edge.cursor),
      items.length > page.first,
      page.after !== null,
    ),
    totalCount,
  };
}

/**
 * A connection over a ranked list read with SKIP `page.offset`: up to `first + 1` items, the extra
 * one only telling that another page exists.
 */
export function offsetConnection<T>(items: readonly T[], totalCount: number, page: OffsetPage): Connection<T>;
export function offsetConnection<T, E extends { cursor: string }>(
  items: readonly T[],
  totalCount: number,
  page: OffsetPage,
  edgeOf: (item: T, cursor: string) => E,
): Connection<T, E>;
export function offsetConnection<T>(
  items: readonly T[],
  totalCount: number,
  page: OffsetPage,
  edgeOf: (item: T, cursor: string) => { cursor: string } = (node, cursor) => ({ node, cursor }),
): Connection<T, { cursor: string }> {
  const shown = items.slice(0, page.first);
  const edges = shown.map((item, index) => edgeOf(item, encodeCursor({ kind: 'offset', offset: page.offset + index })));
  return {
    edges,
    pageInfo: pageInfoOf(
      edges.map((edge) => edge.cursor),
      items.length > page.first || page.offset + shown.length < totalCount,
      page.offset > 0,
    ),
    totalCount,
  };
}
