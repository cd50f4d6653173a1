import type { Request, RequestHandler, Response } from 'express';
import type { ZodType, z } from 'zod';
import { AppError } from '../core/errors';
import { parseIfMatch, type IfMatch } from './etag';
import { zodToFieldErrors } from './problem';
import type { Actor, Role } from '../core/roles';

/** What a handler gets: the input zod already parsed, and who is asking. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  /** If-Match, parsed, on routes that require it. */
  ifMatch: IfMatch | undefined;
  requestId: string;
  idempotencyKey: string | undefined;
  req: Request;
}

type Infer<S> = S extends ZodType ? z.output<S> : undefined;

/** Media types a route may answer besides JSON, as documents of their own (a report as a page or a PDF). */
export const DOCUMENT_MEDIA_TYPES = ['text/html', 'application/pdf'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** Media types a route may answer with a schema of their own (streamed exports, JSON-LD). */
export type MediaType = 'application/json' | 'application/ld+json' | 'application/x-ndjson' | 'text/csv';

/** A response header a route sets, as the OpenAPI document describes it. */
export interface HeaderSpec {
  description: string;
  /** Always present on the success response (the test suite checks it). */
  required?: boolean;
  /** A regular expression its value matches. */
  pattern?: string;
}

/**
 * The success response: a JSON body described by a zod schema of its JSON form (dates are RFC
 * 3339 strings), or 204. `documents`: the other media types the route answers in place of the
 * JSON (the route picks one, e.g. by `?format=`), each with what it is. Or `content`, one schema
 * per media type, for a route that answers in several or in one that is not plain JSON: for
 * `application/x-ndjson` the schema is that of one line; `text/csv` is described as a string.
 * `notModified` documents `If-None-Match` and a 304 (routes that set their own `ETag`);
 * `headers`: headers the route sets itself.
 */
export type SuccessResponse =
  | { status: 200 | 201; description: string; schema: ZodType; documents?: Partial<Record<DocumentMediaType, string>>; content?: undefined; headers?: Record<string, HeaderSpec> }
  | { status: 204; description: string; schema?: undefined; documents?: undefined; content?: undefined; headers?: undefined }
  | { status: 200; description: string; schema?: undefined; documents?: undefined; content: Partial<Record<MediaType, ZodType>>; headers?: Record<string, HeaderSpec>; notModified?: string };

/** Route-specific problem statuses (see `RouteSpec.errors`). */
export type RouteErrorStatus = 404 | 409 | 422;

export interface RouteSpec<PS extends ZodType | undefined = ZodType | undefined, QS extends ZodType | undefined = ZodType | undefined, BS extends ZodType | undefined = ZodType | undefined> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express path, e.g. `/v1/articles/:id`. */
  path: string;
  summary: string;
  /** OpenAPI tag: the module, when the first path segment after the version does not name it. */
  tag?: string;
  /** Roles allowed; `public` needs no key. */
  roles: readonly Role[] | 'public';
  params?: PS;
  query?: QS;
  body?: BS;
  /** Needs `If-Match` (DESIGN §5): 428 without it. `optional`: checked when sent (412), not required. */
  ifMatch?: boolean | 'optional';
  /**
   * The success response, required so that no route ships undocumented: its status and the zod
   * schema of its JSON body (none for 204). Feeds the OpenAPI document, and the test suite checks
   * every response it receives against it. A body with a top-level `version` is a versioned
   * resource: it is documented with its `ETag` (and 304 on a GET).
   */
  response: SuccessResponse;
  /**
   * Problem statuses this route answers beyond those its shape implies (the OpenAPI document
   * derives 400, 401, 403, 404, 412, 428, 413, 415, 409/422 for Idempotency-Key and 429), with
   * what they mean here, e.g. `{ 409: 'An article already has this url' }`.
   */
  errors?: Partial<Record<RouteErrorStatus, string>>;
  handler: (input: RouteInput<Infer<PS>, Infer<QS>, Infer<BS>>, res: Response) => Promise<void>;
}

/** Declares a route; the type parameters flow from the schemas into the handler. */
export function defineRoute<PS extends ZodType | undefined = undefined, QS extends ZodType | undefined = undefined, BS extends ZodType | undefined = undefined>(
  spec: RouteSpec<PS, QS, BS>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** NUL and lone surrogates: PostgreSQL refuses the first and would silently mangle the second. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/**
 * The path of the first string (key or value) that no database can store faithfully. Iterative:
 * a body nested thousands of levels deep must not overflow the stack.
 */
function findUnstorable(value: unknown, root: string): string | undefined {
  const pending: [unknown, string][] = [[value, root]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item)) return path;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item).reverse()) {
        if (UNSTORABLE.test(key)) return `${path}.${key}`;
        pending.push([child, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}

function parsePart(schema: ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const unstorable = findUnstorable(value, where);
  if (unstorable) {
    throw AppError.badRequest('Text may not contain NUL characters or unpaired UTF-16 surrogates.', [
      { path: unstorable, message: 'contains a NUL character or an unpaired surrogate' },
    ]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw AppError.badRequest(`The ${where} does not match the schema.`, zodToFieldErrors(parsed.error, where));
  }
  return parsed.data;
}

/** The handler chain of one route after authentication: role, validation, then the handler. */
export function routeHandler(spec: RouteSpec): RequestHandler {
  return async function handleRoute(req, res) {
    const actor = req.actor;
    if (spec.roles !== 'public' && (!actor || !spec.roles.includes(actor.role))) {
      throw AppError.forbidden(`${spec.method.toUpperCase()} ${spec.path} needs one of the roles: ${(spec.roles as readonly Role[]).join(', ')}.`);
    }
    let ifMatch: IfMatch | undefined;
    if (spec.ifMatch) {
      ifMatch = parseIfMatch(req.get('if-match'));
      if (ifMatch === undefined && spec.ifMatch !== 'optional') throw AppError.preconditionRequired();
    }
    const hasBody = req.body !== undefined;
    if (!spec.body && hasBody && Object.keys(req.body as object).length > 0) {
      throw AppError.badRequest('This route takes no body.');
    }
    const input = {
      params: parsePart(spec.params, req.params, 'params'),
      query: parsePart(spec.query, req.query, 'query'),
      body: parsePart(spec.body, hasBody ? req.body : undefined, 'body'),
      actor: actor as Actor,
      ifMatch,
      requestId: String(req.id),
      idempotencyKey: req.get('idempotency-key'),
      req,
    };
    await spec.handler(input as RouteInput<never, never, never>, res);
  };
}
