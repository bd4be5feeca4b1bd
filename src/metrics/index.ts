// Prometheus metrics of the service: the registry, the GraphQL and HTTP instruments, the pool gauges.
export { createMetrics, type ServiceMetrics } from './service-metrics.js';
export { countImportedDocuments, graphqlMetrics, type GraphqlMetrics } from './graphql-metrics.js';
export { httpMetrics } from './http-metrics.js';
export { poolStats, type PoolStats } from './neo4j-pool.js';
