// The only reader of process.env. Every setting is parsed and validated once at start; a bad
// environment fails with one message that lists every problem, not the first one found.
import path from 'node:path';
import { z } from 'zod';

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
  };
}
