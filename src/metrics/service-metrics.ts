// The service's Prometheus metrics, in a registry of their own (one per server, so tests that start
// several servers in one process never share request counts; import jobs belong to the process, so
// their figures are the process's). Served as text at GET /metrics.
import type { Driver } from 'neo4j-driver';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { importJobActivity } from '../pipeline/import-jobs.js';
import { poolStats } from './neo4j-pool.js';

/** Request latency buckets in seconds: from a cached lookup to the 10 s query timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface ServiceMetrics {
  registry: Registry;
  /** GraphQL operations by operation name and outcome. */
  graphqlRequests: Counter<'operation' | 'outcome'>;
  graphqlDuration: Histogram<'operation'>;
  /** Errors sent to clients, by `extensions.code`. */
  graphqlErrors: Counter<'code'>;
  /** Every HTTP response by route and status, including those refused before GraphQL (413, 429). */
  httpResponses: Counter<'route' | 'status'>;
  /** Documents imported over GraphQL, by outcome. */
  importDocuments: Counter<'status' | 'dry_run'>;
  /** This process's import jobs now (QUEUED, RUNNING); read from the job runner at each scrape. */
  importJobs: Gauge<'state'>;
  /** This process's import jobs finished since it started, by final state; read at each scrape. */
  importJobsFinished: Counter<'state'>;
  /** Documents this process's import jobs finished since it started, by status; read at each scrape. */
  importJobDocuments: Counter<'status'>;
}

export function createMetrics(driver: Driver): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const pool = (name: string, help: string, pick: (stats: NonNullable<ReturnType<typeof poolStats>>) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const stats = poolStats(driver);
        // Before the first session there is no pool yet: report it empty rather than not at all.
        this.set(stats ? pick(stats) : 0);
      },
    });
  pool('neo4j_pool_connections_in_use', 'Bolt connections lent out to sessions now.', (s) => s.inUse);
  pool('neo4j_pool_connections_idle', 'Bolt connections open and free.', (s) => s.idle);
  pool('neo4j_pool_acquisitions_waiting', 'Sessions waiting for a connection because every one is in use (a burst queues up to 10 s).', (s) => s.waiting);
  pool('neo4j_pool_max_connections', 'Size limit of the Bolt connection pool (NEO4J_MAX_CONNECTIONS).', (s) => s.max);

  // Import jobs run in the background, one at a time per process, outside any request: the job
  // runner keeps the tallies and each scrape copies them, so every state and status is reported
  // (at 0 until it happens) and a series can be alerted on before its first occurrence.
  const importJobs = new Gauge({
    name: 'import_jobs',
    help: 'Import jobs of this process now, by state (QUEUED, RUNNING).',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const activity = importJobActivity();
      this.set({ state: 'QUEUED' }, activity.queued);
      this.set({ state: 'RUNNING' }, activity.running);
    },
  });
  const importJobsFinished = new Counter({
    name: 'import_jobs_finished_total',
    help: 'Import jobs this process finished since it started, by final state (SUCCEEDED, FAILED).',
    labelNames: ['state'] as const,
    registers,
    collect() {
      this.reset();
      for (const [state, count] of Object.entries(importJobActivity().finished)) this.inc({ state }, count);
    },
  });
  const importJobDocuments = new Counter({
    name: 'import_job_documents_total',
    help: "Documents this process's import jobs finished since it started, by status (CREATED, UPDATED, UNCHANGED, FAILED).",
    labelNames: ['status'] as const,
    registers,
    collect() {
      this.reset();
      for (const [status, count] of Object.entries(importJobActivity().documents)) this.inc({ status }, count);
    },
  });

  return {
    registry,
    graphqlRequests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations by operation name (anonymous when unnamed, other beyond the first 200 names) and outcome (ok, client_error, server_error).',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its answer, by operation name.',
      labelNames: ['operation'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    graphqlErrors: new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers by extensions.code.',
      labelNames: ['code'] as const,
      registers,
    }),
    httpResponses: new Counter({
      name: 'http_responses_total',
      help: 'HTTP responses by route and status code.',
      labelNames: ['route', 'status'] as const,
      registers,
    }),
    importDocuments: new Counter({
      name: 'import_documents_total',
      help: 'Documents sent to importDocuments, by outcome (CREATED, UPDATED, UNCHANGED, FAILED) and whether it was a dry run.',
      labelNames: ['status', 'dry_run'] as const,
      registers,
    }),
    importJobs,
    importJobsFinished,
    importJobDocuments,
  };
}
