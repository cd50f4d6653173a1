"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.notFoundHandler = exports.PROBLEM_TYPE_PREFIX = void 0;
exports.sendProblem = sendProblem;
exports.zodToFieldErrors = zodToFieldErrors;
exports.toAppError = toAppError;
exports.problemHandler = problemHandler;
const zod_1 = require("zod");
const errors_1 = require("../core/errors");
exports.PROBLEM_TYPE_PREFIX = 'urn:claimtrack:problem:';
/** Writes an RFC 9457 problem body. */
function sendProblem(res, error) {
    for (const [name, value] of Object.entries(error.extra.headers ?? {}))
        res.setHeader(name, value);
    const { headers: _headers, ...members } = error.extra;
    res
        .status(error.status)
        .type('application/problem+json')
        .json({
        type: `${exports.PROBLEM_TYPE_PREFIX}${error.slug}`,
        title: error.title,
        status: error.status,
        detail: error.detail,
        instance: res.req.originalUrl,
        requestId: res.req.id,
        ...members,
    });
}
function zodToFieldErrors(error, root) {
    return error.issues.flatMap((issue) => {
        const base = [root, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '');
        // An unknown key is named by its own path, so a client sees which field to drop.
        if (issue.code === 'unrecognized_keys') {
            return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'unknown field' }));
        }
        return [{ path: base.join('.'), message: issue.message }];
    });
}
/** body-parser's errors carry a `type`; map each to the status DESIGN §5 names. */
function fromBodyParser(error) {
    switch (error.type) {
        case 'entity.parse.failed':
            return errors_1.AppError.badRequest('The body is not valid JSON.');
        case 'entity.too.large':
            return new errors_1.AppError(413, 'body-too-large', 'Body too large', 'The body is over the size limit.');
        case 'charset.unsupported':
        case 'encoding.unsupported':
            return new errors_1.AppError(415, 'unsupported-media-type', 'Unsupported media type', error.message ?? 'Unsupported encoding.');
        case 'request.aborted':
        case 'request.size.invalid':
        case 'stream.encoding.set':
            return errors_1.AppError.badRequest(error.message ?? 'The body could not be read.');
        default:
            return undefined;
    }
}
/** Known database errors that bad input can cause; everything else is a 500. */
function fromDatabase(error) {
    if (error.code === 'P2002') {
        return errors_1.AppError.conflict('A resource with the same unique value already exists.');
    }
    if (error.code === 'P2025')
        return errors_1.AppError.notFound('resource');
    // The transaction ran out of time (waiting on locks under load): it rolled back, so nothing
    // was written and the same request may simply be retried.
    if (error.code === 'P2028') {
        return new errors_1.AppError(503, 'busy', 'Too busy to finish in time', 'The database was too busy to finish this write in time; nothing was written. Retry it.', {
            headers: { 'Retry-After': '2' },
        });
    }
    return undefined;
}
/**
 * Any other client error that Express or Node raises with a 4xx status (a malformed %-escape in
 * the path, a body that does not decompress): its status, and a generic detail unless the error
 * says its message is safe to show (http-errors' `expose`).
 */
function fromClientError(error) {
    const status = Number(error.status ?? error.statusCode);
    if (!Number.isInteger(status) || status < 400 || status > 499)
        return undefined;
    const detail = error.expose === true && typeof error.message === 'string' ? error.message : 'The request could not be read.';
    return new errors_1.AppError(status, 'bad-request', 'The request could not be read', detail);
}
function toAppError(error) {
    if (error instanceof errors_1.AppError)
        return error;
    if (error instanceof zod_1.ZodError)
        return errors_1.AppError.badRequest('The request does not match the schema.', zodToFieldErrors(error));
    if (error && typeof error === 'object') {
        return fromBodyParser(error) ?? fromDatabase(error) ?? fromClientError(error);
    }
    return undefined;
}
const notFoundHandler = (req) => {
    throw new errors_1.AppError(404, 'not-found', 'Not found', `No route ${req.method} ${req.path}.`);
};
exports.notFoundHandler = notFoundHandler;
/** Registered last: every error becomes a problem body; unexpected ones are logged, never shown. */
function problemHandler(logger) {
    return function handleProblem(error, req, res, next) {
        if (res.headersSent)
            return next(error);
        const known = toAppError(error);
        if (known)
            return sendProblem(res, known);
        logger.error({ err: error, requestId: req.id }, 'unhandled error');
        sendProblem(res, new errors_1.AppError(500, 'internal', 'Internal server error', `Something went wrong on our side. Quote request id ${String(req.id)}.`));
    };
}
//# sourceMappingURL=problem.js.map