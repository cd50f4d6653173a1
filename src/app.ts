import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppDeps } from './app-deps';
import { AppError } from './core/errors';
import { createMetrics } from './http/metrics';
import { notFoundHandler, problemHandler } from './http/problem';
import { buildOpenApiDocument, docsPage, DOCS_PATH, OPENAPI_PATH } from './http/openapi';
import { rateLimit, rateLimitByAddress } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { routeHandler, type RouteSpec } from './http/route';
import { authenticate } from './modules/auth/authenticate';
import { allRoutes } from './routes';

/** Writes need a JSON body; anything else is 415 before a byte is parsed. */
const requireJson: RequestHandler = function requireJson(req, _res, next) {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is(['application/json', 'application/*+json'])) {
    throw new AppError(415, 'unsupported-media-type', 'Unsupported media type', 'Send the body as application/json.');
  }
  next();
};

/**
 * OWASP's headers for an API (helmet): no sniffing, no referrer, and a CSP under which a JSON
 * answer opened in a browser can load and run nothing. `/docs` sets its own, as strict, CSP.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
  referrerPolicy: { policy: 'no-referrer' },
});

/** Answers may hold a workspace's data: no cache keeps them. Public routes that may be cached say so. */
const noStore: RequestHandler = function noStore(_req, res, next) {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Builds the configured app; `server.ts` listens. */
export function buildApp(deps: AppDeps): express.Express {
  const { db, config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy, req.ip (the public routes' rate limit) is the client's only if it is trusted.
  app.set('trust proxy', config.TRUST_PROXY);
  // ETags are resource versions, set by the routes; Express's body hashes would contradict them.
  app.set('etag', false);

  app.use(securityHeaders, noStore);
  app.use(requestLog(logger));
  const metrics = createMetrics();
  app.use(metrics.measure);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.ping();
      res.json({ status: 'ready', database: db.provider });
    } catch (err) {
      logger.warn({ err }, 'database not reachable');
      res.status(503).type('application/problem+json').json({
        type: 'urn:claimtrack:problem:not-ready',
        title: 'Not ready',
        status: 503,
        detail: 'The database is not reachable.',
      });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const routes = allRoutes({ ...deps, metrics: metrics.registry });
  // Built once, from the same route table and zod schemas that validate requests.
  const openApiJson = JSON.stringify(buildOpenApiDocument(routes));
  const docs = docsPage();
  // The same for everyone and for the life of the process.
  const publicDocsCaching = 'public, max-age=300';
  app.get(OPENAPI_PATH, (_req, res) => {
    res.setHeader('Cache-Control', publicDocsCaching);
    res.type('application/json').send(openApiJson);
  });
  app.get(DOCS_PATH, (_req, res) => {
    res.setHeader('Cache-Control', publicDocsCaching);
    res.setHeader('Content-Security-Policy', docs.contentSecurityPolicy);
    res.type('html').send(docs.html);
  });

  const bodyParser = express.json({ limit: config.BODY_LIMIT, strict: true });
  const checkKey = authenticate(db, logger);
  const limitRate = rateLimit(config.RATE_LIMIT_PER_MINUTE);
  const limitPublic = rateLimitByAddress(config.PUBLIC_RATE_LIMIT_PER_MINUTE);
  for (const route of routes) mount(app, route);

  function mount(target: express.Express, route: RouteSpec) {
    const chain: RequestHandler[] = route.roles === 'public' ? [limitPublic] : [checkKey, limitRate];
    if (route.method === 'post' || route.method === 'patch') chain.push(requireJson, bodyParser);
    target[route.method](route.path, ...chain, routeHandler(route));
  }

  app.use(notFoundHandler);
  app.use(problemHandler(logger));
  return app;
}
