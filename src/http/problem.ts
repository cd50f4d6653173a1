import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import { AppError, type FieldError } from '../core/errors';

export const PROBLEM_TYPE_PREFIX = 'urn:claimtrack:problem:';

/** Writes an RFC 9457 problem body. */
export function sendProblem(res: Response, error: AppError): void {
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) res.setHeader(name, value);
  const { headers: _headers, ...members } = error.extra;
  res
    .status(error.status)
    .type('application/problem+json')
    .json({
      type: `${PROBLEM_TYPE_PREFIX}${error.slug}`,
      title: error.title,
      status: error.status,
      detail: error.detail,
      instance: res.req.originalUrl,
      requestId: res.req.id,
      ...members,
    });
}

export function zodToFieldErrors(error: ZodError, root?: string): FieldError[] {
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
function fromBodyParser(error: { type?: string; status?: number; message?: string }): AppError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return AppError.badRequest('The body is not valid JSON.');
    case 'entity.too.large':
      return new AppError(413, 'body-too-large', 'Body too large', 'The body is over the size limit.');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError(415, 'unsupported-media-type', 'Unsupported media type', error.message ?? 'Unsupported encoding.');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return AppError.badRequest(error.message ?? 'The body could not be read.');
    default:
      return undefined;
  }
}

/** Known database errors that bad input can cause; everything else is a 500. */
function fromDatabase(error: { code?: unknown; meta?: Record<string, unknown> }): AppError | undefined {
  if (error.code === 'P2002') {
    return AppError.conflict('A resource with the same unique value already exists.');
  }
  if (error.code === 'P2025') return AppError.notFound('resource');
  // The transaction ran out of time (waiting on locks under load): it rolled back, so nothing
  // was written and the same request may simply be retried.
  if (error.code === 'P2028') {
    return new AppError(503, 'busy', 'Too busy to finish in time', 'The database was too busy to finish this write in time; nothing was written. Retry it.', {
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
function fromClientError(error: { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown }): AppError | undefined {
  const status = Number(error.status ?? error.statusCode);
  if (!Number.isInteger(status) || status < 400 || status > 499) return undefined;
  const detail = error.expose === true && typeof error.message === 'string' ? error.message : 'The request could not be read.';
  return new AppError(status, 'bad-request', 'The request could not be read', detail);
}

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return AppError.badRequest('The request does not match the schema.', zodToFieldErrors(error));
  if (error && typeof error === 'object') {
    return fromBodyParser(error as { type?: string }) ?? fromDatabase(error as { code?: unknown }) ?? fromClientError(error as { status?: unknown });
  }
  return undefined;
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError(404, 'not-found', 'Not found', `No route ${req.method} ${req.path}.`);
};

/** Registered last: every error becomes a problem body; unexpected ones are logged, never shown. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return function handleProblem(error, req, res, next) {
    if (res.headersSent) return next(error);
    const known = toAppError(error);
    if (known) return sendProblem(res, known);
    logger.error({ err: error, requestId: req.id }, 'unhandled error');
    sendProblem(
      res,
      new AppError(500, 'internal', 'Internal server error', `Something went wrong on our side. Quote request id ${String(req.id)}.`),
    );
  };
}
