"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rateLimit = rateLimit;
const errors_1 = require("../core/errors");
const WINDOW_SECONDS = 60;
/**
 * Requests per API key per minute, with the IETF RateLimit-Policy / RateLimit headers.
 * Counts live in this process: behind a load balancer each process allows the limit, which bounds
 * abuse without a database write per request. Nothing correctness needs depends on it.
 */
function rateLimit(perMinute, now = Date.now) {
    const windows = new Map();
    return function limitRate(req, res, next) {
        if (perMinute === 0 || !req.actor?.keyId)
            return next();
        const t = now();
        const keyId = req.actor.keyId;
        let window = windows.get(keyId);
        if (!window || t - window.start >= WINDOW_SECONDS * 1000) {
            window = { start: t, count: 0 };
            windows.set(keyId, window);
            if (windows.size > 100_000)
                sweep(windows, t);
        }
        window.count += 1;
        const reset = Math.max(1, Math.ceil((window.start + WINDOW_SECONDS * 1000 - t) / 1000));
        res.setHeader('RateLimit-Policy', `"per-key";q=${perMinute};w=${WINDOW_SECONDS}`);
        res.setHeader('RateLimit', `"per-key";r=${Math.max(0, perMinute - window.count)};t=${reset}`);
        if (window.count > perMinute)
            throw errors_1.AppError.tooManyRequests(reset);
        next();
    };
}
function sweep(windows, t) {
    for (const [key, window] of windows)
        if (t - window.start >= WINDOW_SECONDS * 1000)
            windows.delete(key);
}
//# sourceMappingURL=rate-limit.js.map