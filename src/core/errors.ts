/** One path-and-message pair of a validation problem (RFC 9457 extension member `errors`). */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The one error type of claimtrack. The problem handler turns it into an RFC 9457 body.
 * @example throw AppError.notFound('article', id)
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
  ) {
    super(detail);
  }

  static badRequest(detail: string, errors?: FieldError[]) {
    return new AppError(400, 'validation-error', 'Your request is not valid', detail, errors ? { errors } : {});
  }
  static unauthorized(detail = 'Send an API key as `Authorization: Bearer <key>`.') {
    return new AppError(401, 'unauthorized', 'Authentication required', detail, {
      headers: { 'WWW-Authenticate': 'Bearer realm="claimtrack"' },
    });
  }
  static forbidden(detail: string) {
    return new AppError(403, 'forbidden', 'Your API key may not do this', detail);
  }
  static notFound(entity: string, id?: string) {
    return new AppError(404, 'not-found', 'Not found', id ? `No ${entity} with id ${id}.` : `No such ${entity}.`);
  }
  static conflict(detail: string, extra: Record<string, unknown> = {}) {
    return new AppError(409, 'conflict', 'Conflict with the current state', detail, extra);
  }
  /** `current` when known; a concurrent writer that just won leaves it unknown. */
  static preconditionFailed(current?: number) {
    return new AppError(
      412,
      'precondition-failed',
      'The resource has changed',
      `If-Match does not name the current version${current === undefined ? '' : ` (${current})`}. Fetch it again and reapply your change.`,
      current === undefined ? {} : { currentVersion: current },
    );
  }
  static unprocessable(detail: string, errors?: FieldError[]) {
    return new AppError(422, 'unprocessable', 'The request breaks a rule', detail, errors ? { errors } : {});
  }
  static preconditionRequired() {
    return new AppError(
      428,
      'precondition-required',
      'If-Match required',
      'Send the ETag you last read as If-Match, so a concurrent change is never overwritten.',
    );
  }
  static tooManyRequests(retryAfterSeconds: number) {
    return new AppError(429, 'rate-limited', 'Too many requests', `Retry after ${retryAfterSeconds} s.`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}
