import type { Resolvers } from '../../generated/graphql.js';

export const serviceResolvers: Resolvers = {
  Query: {
    service: async (_parent, _args, { services }) => ({
      name: 'competency-graph',
      version: services.serviceVersion,
      neo4jVersion: await services.neo4jVersion(),
    }),
  },
  Mutation: {
    ping: () => true,
  },
};
