"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppError = void 0;
/**
 * The one error type of claimtrack. The problem handler turns it into an RFC 9457 body.
 * @example throw AppError.notFound('article', id)
 */
class AppError extends Error {
    status;
    slug;
    title;
    detail;
    extra;
    constructor(status, slug, title, detail, extra = {}) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
        this.extra = extra;
    }
    static badRequest(detail, errors) {
        return new AppError(400, 'validation-error', 'Your request is not valid', detail, errors ? { errors } : {});
    }
    static unauthorized(detail = 'Send an API key as `Authorization: Bearer <key>`.') {
        return new AppError(401, 'unauthorized', 'Authentication required', detail, {
            headers: { 'WWW-Authenticate': 'Bearer realm="claimtrack"' },
        });
    }
    static forbidden(detail) {
        return new AppError(403, 'forbidden', 'Your API key may not do this', detail);
    }
    static notFound(entity, id) {
        return new AppError(404, 'not-found', 'Not found', id ? `No ${entity} with id ${id}.` : `No such ${entity}.`);
    }
    static conflict(detail, extra = {}) {
        return new AppError(409, 'conflict', 'Conflict with the current state', detail, extra);
    }
    /** `current` when known; a concurrent writer that just won leaves it unknown. */
    static preconditionFailed(current) {
        return new AppError(412, 'precondition-failed', 'The resource has changed', `If-Match does not name the current version${current === undefined ? '' : ` (${current})`}. Fetch it again and reapply your change.`, current === undefined ? {} : { currentVersion: current });
    }
    static unprocessable(detail, errors) {
        return new AppError(422, 'unprocessable', 'The request breaks a rule', detail, errors ? { errors } : {});
    }
    static preconditionRequired() {
        return new AppError(428, 'precondition-required', 'If-Match required', 'Send the ETag you last read as If-Match, so a concurrent change is never overwritten.');
    }
    static tooManyRequests(retryAfterSeconds) {
        return new AppError(429, 'rate-limited', 'Too many requests', `Retry after ${retryAfterSeconds} s.`, {
            headers: { 'Retry-After': String(retryAfterSeconds) },
        });
    }
}
exports.AppError = AppError;
//# sourceMappingURL=errors.js.map