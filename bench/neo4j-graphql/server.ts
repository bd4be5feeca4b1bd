// The alternative a user would pick instead of this service: the Neo4j GraphQL Library
// (@neo4j/graphql) generating a GraphQL API from type definitions of the same graph, served the
// same way (Apollo Server 5 on Express 5), so both GraphQL stacks are measured over HTTP alike.
//
//   NEO4J_URI=bolt://127.0.0.1:7687 PORT=4100 node --import tsx bench/neo4j-graphql/server.ts
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';

const here = path.dirname(fileURLToPath(import.meta.url));
export const NEO4J_GRAPHQL_TYPE_DEFS = fs.readFileSync(path.join(here, 'type-defs.graphql'), 'utf8');

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is required');
  const port = Number(process.env.PORT ?? 4100);
  const password = process.env.NEO4J_PASSWORD ?? '';
  const driver = neo4j.driver(uri, password ? neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', password) : undefined, {
    maxConnectionPoolSize: 50,
  });
  await driver.verifyConnectivity();

  const schema = await new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPE_DEFS, driver }).getSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema, introspection: true });
  await apollo.start();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));

  const stop = async () => {
    await apollo.stop();
    httpServer.close();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
