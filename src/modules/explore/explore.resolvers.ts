// Resolvers of schema/explore.graphql: neighbourhoods, paths, statistics, hub views and the
// catalogue overview. No Cypher here.
import type { Resolvers } from '../../generated/graphql.js';
import { loadNode } from '../../graph/node.js';
import { readGraphStats } from './explore.repository.js';
import { hubGroup, hubSummary } from './hub.js';
import { clusterCounts, similarPairs, topCompetencies } from './overview.js';
import { readDocumentCounts } from './overview.repository.js';
import { neighbourhood, shortestPath } from './subgraph.js';

export const exploreResolvers: Resolvers = {
  Query: {
    neighborhood: (_parent, args, { db }) => neighbourhood(db, args),
    path: (_parent, args, { db }) => shortestPath(db, args),
    graphStats: (_parent, _args, { db }) => readGraphStats(db),
    neighborhoodSummary: (_parent, args, { db }) => hubSummary(db, args.id),
    neighborhoodGroup: (_parent, args, { db }) => hubGroup(db, args),
    // Each part of the overview is read by its own field, only when asked for.
    catalogueOverview: () => ({}) as never,
  },
  CatalogueOverview: {
    standardCount: async (_parent, _args, { db }) => (await readDocumentCounts(db)).standardCount,
    unitCount: async (_parent, _args, { db }) => (await readDocumentCounts(db)).unitCount,
    clusters: (_parent, _args, { db, loaders }) => clusterCounts(db, loaders) as never,
    topCompetencies: (_parent, args, { db, loaders }) => topCompetencies(db, loaders, args) as never,
    similarPairs: (_parent, args, { db, loaders }) => similarPairs(db, loaders, args) as never,
  },
  GraphNode: {
    entity: (row, _args, { loaders }) => (row.type ? (loadNode(loaders.graph, row.id) as never) : null),
  },
};
