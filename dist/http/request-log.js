"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestLog = requestLog;
const node_crypto_1 = require("node:crypto");
const REQUEST_ID = /^[\w.:-]{1,128}$/;
/**
 * Gives each request its id (echoed as `X-Request-Id`) and logs one line when it ends: `info`,
 * `error` for a 5xx, `warn` when the client went away before the answer. Nothing is built for a line the level would drop, so a quiet log costs a
 * request nothing. The logger censors the Authorization header (`logger.ts`).
 */
function requestLog(logger) {
    return function logRequest(req, res, next) {
        const given = req.headers['x-request-id'];
        req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : (0, node_crypto_1.randomUUID)();
        res.setHeader('X-Request-Id', req.id);
        const started = performance.now();
        res.once('close', () => {
            // Closed before the response was sent: the client went away (logged as a warning).
            const aborted = !res.writableFinished;
            const level = aborted ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
            if (!logger.isLevelEnabled(level))
                return;
            logger[level]({
                req: { id: req.id, method: req.method, url: req.originalUrl, headers: req.headers, remoteAddress: req.socket.remoteAddress },
                res: { statusCode: res.statusCode },
                responseTime: Math.round(performance.now() - started),
            }, aborted ? 'request aborted' : 'request completed');
        });
        next();
    };
}
//# sourceMappingURL=request-log.js.map