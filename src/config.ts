// The only reader of process.env. Every setting is parsed and validated once at start; a bad
// environment fails with one message that lists every problem, not the first one found.
import path from 'node:path';
import { z } from 'zod';
import type { OperationLimits } from './http/limits.js';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** Every environment variable the service reads, with its default. The README's table mirrors this. */
const EnvSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt://, neo4j://, bolt+s:// or neo4j+s:// URI')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_EMBEDDED_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_EMBEDDED_PORT: port.default(7687),
  NEO4J_EMBEDDED_HEAP: z.string().regex(/^\d+[mMgG]$/, 'must look like 512m or 1g').default('1g'),

  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters when set').optional(),
  SEED_ON_EMPTY: booleanFromEnv.default(true),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt.default(10_000),
  NEO4J_MAX_CONNECTIONS: positiveInt.default(50),

  MAX_QUERY_DEPTH: positiveInt.default(15),
  MAX_QUERY_ALIASES: positiveInt.default(30),
  MAX_QUERY_DIRECTIVES: positiveInt.default(20),
  MAX_QUERY_TOKENS: positiveInt.default(5_000),
  MAX_QUERY_COST: positiveInt.default(1_000_000),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must look like 100kb or 1mb').default('1mb'),
  ADMIN_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must look like 100kb or 20mb').default('20mb'),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(0),
  RATE_LIMIT_LOOPBACK: booleanFromEnv.default(false),
  INTROSPECTION: booleanFromEnv.default(true),
  DEBUG_ERRORS: booleanFromEnv.default(false),
  METRICS_ENABLED: booleanFromEnv.default(true),
  COMPILED_EXECUTION: booleanFromEnv.default(true),
  RESPONSE_CACHE: booleanFromEnv.default(true),
  RESPONSE_CACHE_MB: positiveInt.default(64),
  RESPONSE_CACHE_MAX_AGE: z.coerce.number().int().min(0).default(0),
  RESPONSE_CACHE_POLL_MS: z.coerce.number().int().min(1_000, 'must be at least 1000 (the version is read at most once a second)').default(1_000),
});

export type Env = z.infer<typeof EnvSchema>;

/** Where the graph lives: a server the user runs, or the embedded one this service starts. */
export type Neo4jTarget =
  | { mode: 'remote'; uri: string; user: string; password: string; database: string }
  | { mode: 'embedded'; dataDir: string; port: number; heap: string; database: string };

export interface Config {
  port: number;
  host: string;
  nodeEnv: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  neo4j: Neo4jTarget;
  /** Per-query transaction timeout sent to Neo4j, so a runaway query dies in the database too. */
  queryTimeoutMs: number;
  adminToken: string | undefined;
  seedOnEmpty: boolean;
  shutdownTimeoutMs: number;
  /** Most pooled Bolt connections; a burst beyond it waits briefly for a free one. */
  maxConnections: number;
  limits: OperationLimits;
  http: {
    /** Body limit for ordinary requests (express `limit` syntax). */
    bodyLimit: string;
    /** Body limit for requests carrying the admin token (imports). */
    adminBodyLimit: string;
    /** Origins allowed by CORS; empty = same-origin only. `*` allows any. */
    corsOrigins: string[];
    /** Requests per minute per client IP; 0 = no rate limit. */
    rateLimitPerMinute: number;
    /** Whether the rate limit also applies to 127.0.0.1/::1. */
    rateLimitLoopback: boolean;
  };
  introspection: boolean;
  /** Include stack traces and causes in error responses (never in production use). */
  debugErrors: boolean;
  /** Serve Prometheus metrics at GET /metrics. */
  metricsEnabled: boolean;
  /** Execute operations compiled by graphql-jit (src/http/compiled-execution.ts); false = graphql-js's interpreter. */
  compiledExecution: boolean;
  /** Whole answers of queries kept per catalogue version (src/http/response-cache.ts); null = off. */
  responseCache: {
    maxBytes: number;
    /** `Cache-Control: max-age` of GET answers, in seconds. */
    maxAgeSeconds: number;
    /** How often the catalogue version is read: the longest another replica's import goes unseen. */
    pollMs: number;
  } | null;
}

/** Raised at start when the environment is invalid; `problems` has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (process.env by default) into a typed Config or throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // Empty strings are treated as unset, as a .env file with `ADMIN_TOKEN=` would mean.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const neo4j: Neo4jTarget = e.NEO4J_URI
    ? { mode: 'remote', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
    : {
        mode: 'embedded',
        dataDir: path.resolve(cwd, e.NEO4J_EMBEDDED_DATA_DIR),
        port: e.NEO4J_EMBEDDED_PORT,
        heap: e.NEO4J_EMBEDDED_HEAP,
        database: e.NEO4J_DATABASE,
      };
  return {
    port: e.PORT,
    host: e.HOST,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    neo4j,
    queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    adminToken: e.ADMIN_TOKEN,
    seedOnEmpty: e.SEED_ON_EMPTY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    maxConnections: e.NEO4J_MAX_CONNECTIONS,
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxDirectives: e.MAX_QUERY_DIRECTIVES,
      maxTokens: e.MAX_QUERY_TOKENS,
      maxCost: e.MAX_QUERY_COST,
    },
    http: {
      bodyLimit: e.BODY_LIMIT,
      adminBodyLimit: e.ADMIN_BODY_LIMIT,
      corsOrigins: e.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      rateLimitLoopback: e.RATE_LIMIT_LOOPBACK,
    },
    introspection: e.INTROSPECTION,
    debugErrors: e.DEBUG_ERRORS,
    metricsEnabled: e.METRICS_ENABLED,
    compiledExecution: e.COMPILED_EXECUTION,
    responseCache: e.RESPONSE_CACHE
      ? { maxBytes: e.RESPONSE_CACHE_MB * 1024 * 1024, maxAgeSeconds: e.RESPONSE_CACHE_MAX_AGE, pollMs: e.RESPONSE_CACHE_POLL_MS }
      : null,
  };
}
