"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createMetrics = createMetrics;
const prom_client_1 = require("prom-client");
/** Prometheus metrics of one app: process defaults plus requests by route and status. */
function createMetrics() {
    const registry = new prom_client_1.Registry();
    (0, prom_client_1.collectDefaultMetrics)({ register: registry });
    const requests = new prom_client_1.Counter({
        name: 'claimtrack_http_requests_total',
        help: 'HTTP requests answered, by method, route and status',
        labelNames: ['method', 'route', 'status'],
        registers: [registry],
    });
    const duration = new prom_client_1.Histogram({
        name: 'claimtrack_http_request_duration_seconds',
        help: 'Time to answer an HTTP request, by method and route',
        labelNames: ['method', 'route'],
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [registry],
    });
    const measure = function measureRequest(req, res, next) {
        const start = process.hrtime.bigint();
        res.on('finish', () => {
            // The route pattern, not the URL, so ids don't explode the label set.
            const route = req.route?.path ?? 'unmatched';
            const seconds = Number(process.hrtime.bigint() - start) / 1e9;
            requests.inc({ method: req.method, route, status: String(res.statusCode) });
            duration.observe({ method: req.method, route }, seconds);
        });
        next();
    };
    return { registry, measure };
}
//# sourceMappingURL=metrics.js.map