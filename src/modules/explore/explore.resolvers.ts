// Resolvers of schema/explore.graphql: neighbourhoods, paths and statistics. No Cypher here.
import type { Resolvers } from '../../generated/graphql.js';
import { loadNode } from '../document/node.js';
import { readGraphStats } from './explore.repository.js';
import { neighbourhood, shortestPath } from './subgraph.js';

export const exploreResolvers: Resolvers = {
  Query: {
    neighborhood: (_parent, args, { db }) => neighbourhood(db, args),
    path: (_parent, args, { db }) => shortestPath(db, args),
    graphStats: (_parent, _args, { db }) => readGraphStats(db),
  },
  GraphNode: {
    entity: (row, _args, { loaders }) => (row.type ? (loadNode(loaders, row.id) as never) : null),
  },
};
