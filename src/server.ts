// HTTP: health and readiness probes, metrics, GraphiQL, and the GraphQL endpoint (Apollo Server on Express).
import { timingSafeEqual, createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { makeExecutableSchema } from '@graphql-tools/schema';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { Config } from './config.js';
import { createRequestContext, type AppServices, type RequestContext } from './modules/context.js';
import { errorReporting } from './http/error-reporting.js';
import { explorerRouter } from './http/explorer.js';
import { CatalogueWatcher } from './http/catalogue-watcher.js';
import { graphiqlPage } from './http/graphiql.js';
import { compiledExecution } from './http/compiled-execution.js';
import { bytesOf, frontDoor } from './http/front-door.js';
import { graphqlHandler, responseCachePlugin } from './http/graphql-handler.js';
import { sendJsonError } from './http/json-error.js';
import { costLimitPlugin, limitRules } from './http/limits.js';
import { rateLimit } from './http/rate-limit.js';
import { observeRequests, requestIdOf } from './http/request-log.js';
import { ResponseCache, type CacheSetup } from './http/response-cache.js';
import { countImportedDocuments, createMetrics, graphqlMetrics, httpMetrics, type GraphqlMetrics } from './metrics/index.js';
import { loadTypeDefs, resolvers } from './modules/index.js';
import { PROJECT_ROOT } from './paths.js';

export interface ServerDeps {
  config: Config;
  log: Logger;
  services: AppServices;
  /** Answers whether the database is reachable now, and which one it is. */
  probeDatabase: () => Promise<{ version: string; database: string }>;
}

export interface RunningServer {
  httpServer: http.Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish (bounded by the drain timeout), then resolves. */
  stop(): Promise<void>;
}

/** Compares the presented bearer token with the configured one in constant time. */
export function isAdminRequest(authorization: string | undefined, adminToken: string | undefined): boolean {
  if (!adminToken || !authorization?.startsWith('Bearer ')) return false;
  // Hash both sides so the comparison takes the same time whatever the lengths.
  const presented = createHash('sha256').update(authorization.slice('Bearer '.length)).digest();
  const expected = createHash('sha256').update(adminToken).digest();
  return timingSafeEqual(presented, expected);
}

function corsOptions(origins: string[]): cors.CorsOptions {
  if (origins.includes('*')) return { origin: true, maxAge: 600 };
  // An empty list sends no CORS headers: browsers then allow only same-origin pages (GraphiQL, the explorer).
  return { origin: origins.length > 0 ? origins : false, maxAge: 600 };
}

/** Reports the number of Cypher statements each operation cost as `extensions.dbRoundTrips`. */
const roundTripsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            dbRoundTrips: contextValue.roundTrips.count,
          };
        }
      },
    };
  },
};

export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const { config, log, services } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every answer for a weak ETag; the response cache sets strong ones where they help.
  app.set('etag', false);
  // Requests reach Express through the handler installed below, once the response cache is ready.
  const httpServer = http.createServer();

  const metrics = createMetrics(services.db.driver);
  const operations = graphqlMetrics(metrics);
  const errors = errorReporting({ log, debugErrors: config.debugErrors });
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: countImportedDocuments(resolvers, metrics) });
  const apollo = new ApolloServer<RequestContext>({
    ...(config.compiledExecution ? { gateway: compiledExecution(schema) } : { schema }),
    introspection: config.introspection,
    // Apollo drops stack traces only when NODE_ENV=production; formatError masks them always.
    includeStacktraceInErrorResponses: config.debugErrors,
    hideSchemaDetailsFromClientErrors: config.nodeEnv !== 'development',
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: limitRules(config.limits),
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins: [
      // No @cacheControl hints in this schema: skip the per-field work of computing cache policies.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      roundTripsPlugin,
      costLimitPlugin(config.limits.maxCost),
      errors.plugin,
      operations.plugin,
      responseCachePlugin,
    ],
    formatError: errors.formatError,
  });
  await apollo.start();
  const caching = await startResponseCache(config, services, metrics.registry, operations);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      const neo4j = await deps.probeDatabase();
      res.json({ status: 'ready', neo4j });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', neo4j: { error: (error as Error).message } });
    }
  });

  if (config.metricsEnabled) {
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }

  app.use('/explorer', explorerRouter());

  // GraphiQL from the installed npm packages: the page works without any network access.
  const modules = path.join(PROJECT_ROOT, 'node_modules');
  app.use('/graphiql/assets/graphiql', express.static(path.join(modules, 'graphiql'), { index: false }));
  app.use('/graphiql/assets/react', express.static(path.join(modules, 'react/umd'), { index: false }));
  app.use('/graphiql/assets/react-dom', express.static(path.join(modules, 'react-dom/umd'), { index: false }));
  const showGraphiql = (req: Request, res: Response, next: () => void) => {
    if (req.method === 'GET' && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' && !req.query.query) {
      res.type('html').send(graphiqlPage('/graphql'));
      return;
    }
    next();
  };
  app.get('/graphql', showGraphiql);

  // Admins may send large imports; everyone else gets the ordinary limit. Both answer 413 beyond it.
  const ordinaryBody = express.json({ limit: config.http.bodyLimit });
  const adminBody = express.json({ limit: config.http.adminBodyLimit });
  const handleGraphql = graphqlHandler(
    apollo,
    (res, isAdmin) => {
      const requestId = requestIdOf(res);
      return createRequestContext(services, { requestId, isAdmin, log: log.child({ requestId }) });
    },
    caching,
  );
  app.use(
    '/graphql',
    cors(corsOptions(config.http.corsOrigins)),
    (req: Request, res: Response, next: NextFunction) => {
      res.locals.isAdmin = isAdminRequest(req.headers.authorization, config.adminToken);
      (res.locals.isAdmin ? adminBody : ordinaryBody)(req, res, next);
    },
    (req: Request, res: Response) =>
      handleGraphql(req, res, { isAdmin: res.locals.isAdmin as boolean, url: req.originalUrl }),
  );

  // Body-parser failures (too large, malformed JSON) and anything a handler threw, as GraphQL-shaped
  // errors with the right status.
  const answerError = (error: Error & { status?: number }, res: http.ServerResponse, isAdmin: boolean) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    const message =
      status === 413
        ? `Request body exceeds the limit of ${isAdmin ? config.http.adminBodyLimit : config.http.bodyLimit}.`
        : status === 500
          ? 'Internal server error'
          : `Malformed request: ${error.message}`;
    if (status === 500) log.error({ err: error, requestId: requestIdOf(res) }, 'unexpected HTTP error');
    sendJsonError(res, status, code, message);
  };
  app.use((error: Error & { status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    answerError(error, res, Boolean(res.locals.isAdmin));
  });

  // Every request is observed (id, access log, metrics) and rate limited before any route; plain
  // queries are then answered at the front door without Express (src/http/front-door.ts).
  const observe = observeRequests(log, config.metricsEnabled ? httpMetrics(metrics) : null);
  const limit = config.http.rateLimitPerMinute > 0 ? rateLimit(config.http.rateLimitPerMinute, config.http.rateLimitLoopback) : null;
  const door = frontDoor({
    caching,
    bodyLimitBytes: bytesOf(config.http.bodyLimit),
    handle: handleGraphql,
    // As Express does with an error after the headers went out: the connection is closed.
    fail: (error, res) => (res.headersSent ? res.destroy() : answerError(error as Error, res, false)),
  });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    observe(req, res);
    if (limit?.(req, res)) return;
    door(req, res, () => app(req, res));
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    httpServer,
    url: `http://localhost:${port}/graphql`,
    stop: async () => {
      caching?.watcher.stop();
      await apollo.stop();
    },
  };
}

async function startResponseCache(config: Config, services: AppServices, registry: Registry, operations: GraphqlMetrics): Promise<CacheSetup | null> {
  if (!config.responseCache) return null;
  const watcher = new CatalogueWatcher(services.db, config.responseCache.pollMs);
  await watcher.start();
  return {
    cache: new ResponseCache(config.responseCache.maxBytes),
    watcher,
    maxAgeSeconds: config.responseCache.maxAgeSeconds,
    lookups: new Counter({
      name: 'response_cache_lookups_total',
      help: 'Queries looked up in the response cache, by outcome (hit or miss).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    countHit: (operationName, seconds) => operations.countCacheHit(operationName, seconds),
  };
}
