// Resolvers of schema/search.graphql: full-text search over the whole catalogue. No Cypher here.
import { badUserInput } from '../../errors.js';
import type { Resolvers, ResolversParentTypes, SearchKind } from '../../generated/graphql.js';
import { NODE_KINDS } from '../../graph/node-kinds.js';
import { nodeTypeOfLabels, offsetConnection, offsetPage, type NodeType } from '../../relay.js';
import { MAX_TEXT_LENGTH } from '../../arguments.js';
import { readSearch } from './search.repository.js';
import { luceneQuery, searchWords, snippetOf } from './search.text.js';

/** The graph label each search kind stands for, and the search kind of each node type. */
const KIND_LABEL = new Map<SearchKind, string>();
const TYPE_KIND = new Map<NodeType, SearchKind>();
for (const kind of NODE_KINDS) {
  if (kind.searchKind === null) continue;
  KIND_LABEL.set(kind.searchKind, kind.label);
  TYPE_KIND.set(kind.type, kind.searchKind);
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, { text, kinds, first, after }, { db, loaders }) => {
      const trimmed = text.trim();
      if (trimmed.length === 0 || trimmed.length > MAX_TEXT_LENGTH) {
        throw badUserInput(`\`text\` must be 1 to ${MAX_TEXT_LENGTH} characters; got ${trimmed.length}.`, 'text');
      }
      const page = offsetPage({ first, after });
      const query = luceneQuery(trimmed);
      const labels = [...new Set((kinds && kinds.length > 0 ? kinds : [...KIND_LABEL.keys()]).map((kind) => KIND_LABEL.get(kind)!))];
      const rows = query === null ? { total: 0, hits: [] } : await readSearch(db, query, labels, page.offset, page.first + 1);
      const words = searchWords(trimmed);
      const hits = rows.hits.flatMap((hit) => {
        const type = nodeTypeOfLabels(hit.labels);
        const kind = type && TYPE_KIND.get(type);
        if (!type || !kind) return [];
        // Decoded as the module that owns the type decodes its rows.
        const entity = loaders.graph.decodeAs(type, { ...hit.properties, labels: hit.labels }) as ResolversParentTypes['SearchResult'];
        return [{ entity, kind, score: hit.score, ...snippetOf(hit.properties, words) }];
      });
      loaders.graph.remember(hits.map((hit) => hit.entity));
      return offsetConnection(hits, rows.total, page, (hit, cursor) => ({
        node: hit.entity,
        kind: hit.kind,
        score: hit.score,
        field: hit.field,
        snippet: hit.snippet,
        cursor,
      }));
    },
  },
  SearchResult: { __resolveType: (row) => row.nodeType as never },
};
