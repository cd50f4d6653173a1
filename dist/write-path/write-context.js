"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeContext = writeContext;
const errors_1 = require("../core/errors");
const unit_of_work_1 = require("./unit-of-work");
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
/** The write context of a request: who, which request, its If-Match, and a POST's Idempotency-Key. */
function writeContext(input) {
    const { req, idempotencyKey } = input;
    let idempotency;
    if (idempotencyKey !== undefined && req.method === 'POST') {
        if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
            throw errors_1.AppError.badRequest('Idempotency-Key must be 1 to 255 visible ASCII characters.', [
                { path: 'headers.idempotency-key', message: 'invalid' },
            ]);
        }
        idempotency = { key: idempotencyKey, fingerprint: (0, unit_of_work_1.requestFingerprint)(req.method, req.originalUrl, input.body) };
    }
    return { actor: input.actor, requestId: input.requestId, ifMatch: input.ifMatch, idempotency };
}
//# sourceMappingURL=write-context.js.map