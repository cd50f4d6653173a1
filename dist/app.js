"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildApp = buildApp;
const express_1 = __importDefault(require("express"));
const errors_1 = require("./core/errors");
const metrics_1 = require("./http/metrics");
const problem_1 = require("./http/problem");
const openapi_1 = require("./http/openapi");
const rate_limit_1 = require("./http/rate-limit");
const request_log_1 = require("./http/request-log");
const route_1 = require("./http/route");
const authenticate_1 = require("./modules/auth/authenticate");
const routes_1 = require("./routes");
/** Writes need a JSON body; anything else is 415 before a byte is parsed. */
const requireJson = function requireJson(req, _res, next) {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (hasBody && !req.is(['application/json', 'application/*+json'])) {
        throw new errors_1.AppError(415, 'unsupported-media-type', 'Unsupported media type', 'Send the body as application/json.');
    }
    next();
};
/** Builds the configured app; `server.ts` listens. */
function buildApp(deps) {
    const { db, config, logger } = deps;
    const app = (0, express_1.default)();
    app.disable('x-powered-by');
    // ETags are resource versions, set by the routes; Express's body hashes would contradict them.
    app.set('etag', false);
    app.use((0, request_log_1.requestLog)(logger));
    const metrics = (0, metrics_1.createMetrics)();
    app.use(metrics.measure);
    app.get('/healthz', (_req, res) => {
        res.json({ status: 'ok' });
    });
    app.get('/readyz', async (_req, res) => {
        try {
            await db.ping();
            res.json({ status: 'ready', database: db.provider });
        }
        catch (err) {
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
    const routes = (0, routes_1.allRoutes)(deps);
    // Built once, from the same route table and zod schemas that validate requests.
    const openApiJson = JSON.stringify((0, openapi_1.buildOpenApiDocument)(routes));
    const docs = (0, openapi_1.docsPage)();
    app.get(openapi_1.OPENAPI_PATH, (_req, res) => {
        res.type('application/json').send(openApiJson);
    });
    app.get(openapi_1.DOCS_PATH, (_req, res) => {
        res.setHeader('Content-Security-Policy', docs.contentSecurityPolicy);
        res.type('html').send(docs.html);
    });
    const bodyParser = express_1.default.json({ limit: config.BODY_LIMIT, strict: true });
    const checkKey = (0, authenticate_1.authenticate)(db, logger);
    const limitRate = (0, rate_limit_1.rateLimit)(config.RATE_LIMIT_PER_MINUTE);
    for (const route of routes)
        mount(app, route);
    function mount(target, route) {
        const chain = route.roles === 'public' ? [] : [checkKey, limitRate];
        if (route.method === 'post' || route.method === 'patch')
            chain.push(requireJson, bodyParser);
        target[route.method](route.path, ...chain, (0, route_1.routeHandler)(route));
    }
    app.use(problem_1.notFoundHandler);
    app.use((0, problem_1.problemHandler)(logger));
    return app;
}
//# sourceMappingURL=app.js.map