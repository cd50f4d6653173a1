import { z, type ZodType } from 'zod';
import { version as packageVersion } from '../../package.json';
import { docsPage as renderDocsPage, type DocsPage } from './docs/docs-page';
import type { DocumentMediaType, MediaType, RouteSpec } from './route';
import { problem } from './schemas';

/**
 * The OpenAPI 3.1 document, generated from the route table: every path, parameter, body and
 * response comes from the zod schemas that validate requests (`z.toJSONSchema`, JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1). Nothing here is written by hand per route; the problem
 * responses follow from a route's shape (its params, body, roles, If-Match) plus its `errors`.
 */

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiHeader {
  description: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, OpenApiHeader>;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, OpenApiResponse>;
}

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; contact: { name: string; url: string }; license: { name: string; identifier: string } };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
  };
}

/** An endpoint served outside the route table (app.ts): public, no key, no rate limit. */
export interface PublicEndpoint {
  method: 'get';
  path: string;
  summary: string;
  description: string;
  /** By status: what it means and, by media type, the zod schema of the body. */
  responses: Record<number, { description: string; content: Record<string, ZodType> }>;
}

/** Who answers for the API (`info.contact`): the project's home. */
export const CONTACT = { name: 'claimtrack maintainers', url: 'https://github.com/claimtrack/claimtrack' } as const;

/**
 * One sentence per tag (see `tagOf`), shown above each group in the docs. A tag missing here is
 * listed without a description, which `scripts/lint-openapi.sh` (Redocly `tag-description`)
 * rejects, so a new module adds its line here. Entries for tags no route uses are not emitted.
 */
export const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  workspaces: "A workspace is one desk's isolated space: every other resource belongs to exactly one, and an API key only ever sees its own.",
  'api-keys': "The workspace's API keys, one role each; a secret is shown once, when the key is created, and only its hash is stored.",
  articles: 'Articles claims are found in, with the text their quotes are anchored to; reading one includes its claims.',
  claims: 'Claims anchored to the exact words of an article, and their review workflow: propose a verdict, publish or reject it (four eyes), reopen for a correction.',
  sources: 'Sources that evidence cites (primary documents, official statements, datasets, news reports, experts), each url once per workspace.',
  evidence: 'Evidence links a source to a claim as support, refutation or context.',
  'rating-scales': "Versions of the workspace's rating scale: the verdicts a review may give, with their labels and ClaimReview rating values.",
  audit: 'The append-only, hash-chained audit trail of every write, and a check that recomputes the chain to find tampering.',
  // Modules of DESIGN §7, §10 and §11, under the tags their paths give them.
  webhooks: "Webhook subscriptions: the workspace's events delivered signed (Standard Webhooks), at least once, with retries and a delivery log.",
  changes: "The changes feed: the workspace's changes in audit seq order from any seq, optionally long-polled.",
  exports: 'Streamed exports of claims (CSV, NDJSON, JSON, ClaimReview) and of the audit trail.',
  reports: 'The audit report an auditor files (JSON, HTML or PDF), computed from the audit trail.',
  public: 'Published verdicts as schema.org ClaimReview JSON-LD, for anyone, without a key.',
  operations: 'Operational endpoints outside the API proper (liveness, readiness, metrics, this document and its docs page): public, no key and no rate limit.',
};

export const OPENAPI_PATH = '/v1/openapi.json';
export const DOCS_PATH = '/docs';

/**
 * The public operational endpoints app.ts serves, documented alongside the API so that the
 * document lists everything the server answers (tests/api/openapi.test.ts checks the set).
 */
export const PUBLIC_ENDPOINTS: readonly PublicEndpoint[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process answers',
    description: 'Public. Does not touch the database.',
    responses: { 200: { description: 'Alive', content: { 'application/json': z.strictObject({ status: z.literal('ok') }) } } },
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: the database answers',
    description: 'Public. For load balancers: 503 while the database is not reachable.',
    responses: {
      200: {
        description: 'Ready',
        content: { 'application/json': z.strictObject({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) }) },
      },
      503: { description: 'The database is not reachable', content: { 'application/problem+json': problem } },
    },
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    description: 'Public. Request counts and durations by route pattern, and process metrics, in the Prometheus text format.',
    responses: { 200: { description: 'Metrics', content: { 'text/plain': z.string() } } },
  },
  {
    method: 'get',
    path: OPENAPI_PATH,
    summary: 'This document (OpenAPI 3.1)',
    description: 'Public. Generated at start from the zod schemas that validate requests.',
    responses: {
      200: {
        description: 'The OpenAPI document',
        content: {
          'application/json': z.looseObject({
            openapi: z.string().regex(/^3\.1\.\d+$/),
            info: z.looseObject({ title: z.string(), version: z.string() }),
            paths: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
  },
  {
    method: 'get',
    path: DOCS_PATH,
    summary: 'Interactive API documentation',
    description: 'Public. A self-contained HTML page that renders this document (no external assets).',
    responses: { 200: { description: 'An HTML page', content: { 'text/html': z.string() } } },
  },
];

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const DEFS_PREFIX = '#/$defs/';
const COMPONENTS_PREFIX = '#/components/schemas/';

/** `$ref`s that zod writes for `$defs`, pointed at `components/schemas` instead. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof item === 'string' && item.startsWith(DEFS_PREFIX) ? COMPONENTS_PREFIX + item.slice(DEFS_PREFIX.length) : rewriteRefs(item);
  }
  return out;
}

/** zod → JSON Schema 2020-12; schemas with a `.meta({ id })` become shared components. */
class SchemaConverter {
  readonly components = new Map<string, { json: string; schema: JsonSchema }>();

  convert(schema: ZodType, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw', cycles: 'ref', reused: 'inline' }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = converted;
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, unknown>)) this.addComponent(name, rewriteRefs(def) as JsonSchema);
    return rewriteRefs(root) as JsonSchema;
  }

  private addComponent(name: string, schema: JsonSchema): void {
    const json = JSON.stringify(schema);
    const existing = this.components.get(name);
    if (existing && existing.json !== json) {
      throw new Error(`OpenAPI: two different schemas are named "${name}" (or one is used both as input and as output); give them different ids.`);
    }
    this.components.set(name, { json, schema });
  }

  sortedComponents(): Record<string, JsonSchema> {
    return Object.fromEntries([...this.components.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, { schema }]) => [name, schema]));
  }
}

const PATH_PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/** Express `/v1/claims/:id/evidence` → OpenAPI `/v1/claims/{id}/evidence`. */
export function toOpenApiPath(expressPath: string): string {
  if (/[*?()[\]{}]/.test(expressPath)) throw new Error(`OpenAPI: ${expressPath} uses Express path syntax beyond :params; document it by hand or simplify it.`);
  return expressPath.replace(PATH_PARAM, '{$1}');
}

function pathParamNames(expressPath: string): string[] {
  return [...expressPath.matchAll(PATH_PARAM)].map((m) => m[1] as string);
}

const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `delete /v1/claims/:id/evidence/:evidenceId` → `deleteClaimsByIdEvidenceByEvidenceId`. */
export function operationIdOf(method: string, expressPath: string): string {
  const words = expressPath
    .split('/')
    .filter((segment) => segment !== '' && !/^v\d+$/.test(segment))
    .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method + words.map(pascal).join('');
}

/** The tag (module) of a route: its own `tag`, else the first path segment after the version. */
export function tagOf(route: Pick<RouteSpec, 'path' | 'tag'>): string {
  return route.tag ?? route.path.split('/').find((s) => s !== '' && !/^v\d+$/.test(s)) ?? 'api';
}

/** A single resource carries its version, and so an `ETag` (DESIGN §5). */
function isVersioned(schema: JsonSchema | undefined, converter: SchemaConverter): boolean {
  let target = schema;
  const ref = target?.$ref;
  if (typeof ref === 'string' && ref.startsWith(COMPONENTS_PREFIX)) target = converter.components.get(ref.slice(COMPONENTS_PREFIX.length))?.schema;
  const properties = target?.properties as Record<string, unknown> | undefined;
  return target?.type === 'object' && properties !== undefined && 'version' in properties && ((target.required as string[] | undefined) ?? []).includes('version');
}

function objectParameters(schema: ZodType | undefined, where: 'path' | 'query', converter: SchemaConverter, label: string): OpenApiParameter[] {
  if (!schema) return [];
  const json = converter.convert(schema, 'input');
  if (json.type !== 'object') throw new Error(`OpenAPI: the ${where} schema of ${label} is not an object schema.`);
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
    };
  });
}

const ETAG_HEADER: OpenApiHeader = { description: 'The resource version, e.g. "3": send it as If-Match to change the resource.', required: true, schema: { type: 'string', pattern: '^"\\d+"$' } };

/** JSON Schema 2020-12 of a document body: the page's text, or the PDF's bytes (`contentMediaType`). */
function documentSchema(type: DocumentMediaType): JsonSchema {
  return type === 'text/html' ? { type: 'string', contentMediaType: 'text/html' } : { type: 'string', contentMediaType: 'application/pdf' };
}

/** The media types of a route that answers in several; each schema describes the body (one line of NDJSON). */
function mediaContent(content: Partial<Record<MediaType, ZodType>>, converter: SchemaConverter): Record<string, { schema: JsonSchema }> {
  return Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema: converter.convert(schema as ZodType, 'output') }]));
}

function problemResponse(description: string, headers?: Record<string, OpenApiHeader>): OpenApiResponse {
  return { description, ...(headers ? { headers } : {}), content: { 'application/problem+json': { schema: PROBLEM_REF } } };
}

function routeOperation(route: RouteSpec, converter: SchemaConverter): OpenApiOperation {
  const label = `${route.method.toUpperCase()} ${route.path}`;
  const isPublic = route.roles === 'public';
  const isPost = route.method === 'post';
  const takesBody = route.method === 'post' || route.method === 'patch';

  const pathNames = pathParamNames(route.path);
  const pathParameters = objectParameters(route.params, 'path', converter, label);
  const declared = pathParameters.map((p) => p.name).sort();
  if (JSON.stringify(declared) !== JSON.stringify([...pathNames].sort())) {
    throw new Error(`OpenAPI: ${label} has path parameters [${pathNames.join(', ')}] but its params schema declares [${declared.join(', ')}].`);
  }
  const parameters: OpenApiParameter[] = [...pathParameters, ...objectParameters(route.query, 'query', converter, label)];

  const success = route.response;
  const successSchema = success.schema ? converter.convert(success.schema, 'output') : undefined;
  const versioned = isVersioned(successSchema, converter);
  const singleGet = route.method === 'get' && versioned;
  const notModified = success.status === 200 && success.content !== undefined ? success.notModified : undefined;

  const ifMatchRequired = route.ifMatch === true;
  if (route.ifMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: ifMatchRequired,
      description: ifMatchRequired ? 'The ETag you last read; 412 when it is no longer current.' : 'Optional: the ETag you last read, checked when sent (412 when it is no longer current).',
      schema: { type: 'string' },
    });
  }
  if (isPost) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Makes a retry safe: the same key with the same request replays the first response (for 24 h).',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    });
  }
  if (singleGet || notModified) {
    parameters.push({ name: 'If-None-Match', in: 'header', required: false, description: 'An ETag you hold: 304 when it is still current.', schema: { type: 'string' } });
  }

  const successHeaders: Record<string, OpenApiHeader> = {};
  if (versioned) successHeaders.ETag = ETAG_HEADER;
  if (success.status === 201) {
    successHeaders.Location = { description: 'The path of what was created.', required: versioned, schema: { type: 'string', format: 'uri-reference' } };
  }
  if (isPost) {
    successHeaders['Idempotent-Replayed'] = { description: 'Present (true) when this is the stored response of an earlier request with the same Idempotency-Key.', schema: { type: 'string', const: 'true' } };
  }
  for (const [name, header] of Object.entries(success.headers ?? {})) {
    successHeaders[name] = { description: header.description, ...(header.required ? { required: true } : {}), schema: { type: 'string', ...(header.pattern ? { pattern: header.pattern } : {}) } };
  }

  const content: Record<string, { schema: JsonSchema }> = {};
  if (successSchema) content['application/json'] = { schema: successSchema };
  if (success.content) Object.assign(content, mediaContent(success.content, converter));
  const documents = Object.entries(success.documents ?? {});
  for (const [type] of documents) content[type] = { schema: documentSchema(type as DocumentMediaType) };

  const responses: Record<string, OpenApiResponse> = {};
  responses[success.status] = {
    // A media type object has no description of its own (OpenAPI 3.1): each document's goes here.
    description: [success.description, ...documents.map(([type, text]) => `As ${type}: ${text}`)].join(' '),
    ...(Object.keys(successHeaders).length > 0 ? { headers: successHeaders } : {}),
    ...(Object.keys(content).length > 0 ? { content } : {}),
  };
  if (singleGet) responses[304] = { description: 'Not modified: If-None-Match names the current version.', headers: { ETag: ETAG_HEADER } };
  if (notModified) responses[304] = { description: notModified, ...(successHeaders.ETag ? { headers: { ETag: successHeaders.ETag } } : {}) };

  const errors = new Map<number, string[]>();
  const add = (status: number, text: string) => errors.set(status, [...(errors.get(status) ?? []), text]);
  if (route.params || route.query || route.body || takesBody) add(400, 'The request does not match the schema; `errors` names each field.');
  if (!isPublic) {
    add(401, 'No API key, or one that is unknown or revoked.');
    add(403, `The key's role may not do this (allowed: ${(route.roles as readonly string[]).join(', ')}).`);
  }
  if (route.params) add(404, 'No such resource in this workspace.');
  if (isPost) add(409, 'A request with the same Idempotency-Key is still running.');
  if (route.ifMatch) add(412, 'If-Match does not name the current version; `currentVersion` says which is.');
  if (takesBody) {
    add(413, 'The body is over the size limit.');
    add(415, 'The body is not application/json.');
  }
  if (isPost) add(422, 'The Idempotency-Key was used with a different request.');
  if (ifMatchRequired) add(428, 'If-Match is missing.');
  add(429, isPublic ? 'Too many requests from this address; retry after Retry-After seconds.' : 'Too many requests for this API key; retry after Retry-After seconds.');
  add(500, 'An unexpected error (a bug). Quote the requestId when reporting it.');
  for (const [status, text] of Object.entries(route.errors ?? {})) if (text) add(Number(status), text);
  for (const status of [...errors.keys()].sort((a, b) => a - b)) {
    const headers: Record<string, OpenApiHeader> | undefined =
      status === 401
        ? { 'WWW-Authenticate': { description: 'Bearer realm="claimtrack"', schema: { type: 'string' } } }
        : status === 429
          ? { 'Retry-After': { description: 'Seconds until the window resets.', required: true, schema: { type: 'string', pattern: '^\\d+$' } } }
          : undefined;
    responses[status] = problemResponse((errors.get(status) as string[]).join(' Or: '), headers);
  }

  const requestBody = route.body
    ? { required: !route.body.safeParse(undefined).success, content: { 'application/json': { schema: converter.convert(route.body, 'input') } } }
    : undefined;

  return {
    operationId: operationIdOf(route.method, route.path),
    summary: route.summary,
    description: isPublic
      ? 'Public: no API key needed.'
      : `Roles: ${(route.roles as readonly string[]).join(', ')}.${ifMatchRequired ? ' Needs If-Match.' : ''}`,
    tags: [tagOf(route)],
    ...(isPublic ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

function publicOperation(endpoint: PublicEndpoint, converter: SchemaConverter): OpenApiOperation {
  const responses: Record<string, OpenApiResponse> = {};
  for (const [status, response] of Object.entries(endpoint.responses)) {
    responses[status] = {
      description: response.description,
      content: Object.fromEntries(Object.entries(response.content).map(([type, schema]) => [type, { schema: converter.convert(schema, 'output') }])),
    };
  }
  return {
    operationId: operationIdOf(endpoint.method, endpoint.path),
    summary: endpoint.summary,
    description: endpoint.description,
    tags: ['operations'],
    security: [],
    responses,
  };
}

/**
 * The OpenAPI 3.1.0 document of `routes` and the public operational endpoints. Deterministic:
 * paths in route-table order, components sorted by name. Throws when a route cannot be
 * documented faithfully (undeclared path parameters, two schemas with one id, …), so such a
 * route fails the app build and the test suite rather than shipping undocumented.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[], publicEndpoints: readonly PublicEndpoint[] = PUBLIC_ENDPOINTS): OpenApiDocument {
  const converter = new SchemaConverter();
  converter.convert(problem, 'output');
  const paths: OpenApiDocument['paths'] = {};
  const tags: string[] = [];
  const operationIds = new Set<string>();

  const addOperation = (method: HttpMethod, expressPath: string, operation: OpenApiOperation) => {
    const path = toOpenApiPath(expressPath);
    const item = (paths[path] ??= {});
    if (item[method]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${expressPath} is defined twice.`);
    if (operationIds.has(operation.operationId)) throw new Error(`OpenAPI: operationId ${operation.operationId} is not unique.`);
    operationIds.add(operation.operationId);
    item[method] = operation;
    for (const tag of operation.tags) if (!tags.includes(tag)) tags.push(tag);
  };
  for (const route of routes) addOperation(route.method, route.path, routeOperation(route, converter));
  for (const endpoint of publicEndpoints) addOperation(endpoint.method, endpoint.path, publicOperation(endpoint, converter));

  return {
    openapi: '3.1.0',
    info: {
      title: 'claimtrack',
      version: packageVersion,
      description: [
        'A claim tracker for fact-checking desks: claims anchored to article text, evidence, reviewed verdicts and a tamper-evident audit trail.',
        '',
        'Send an API key as `Authorization: Bearer <key>`. Errors are RFC 9457 problem bodies (`Problem`). Every single resource carries an `ETag` (its version); `PATCH` and `DELETE` of versioned resources need `If-Match` (428 without, 412 when stale). `POST` honours `Idempotency-Key`. Lists are `{ data, nextCursor }` with `?limit=&cursor=`. Timestamps are RFC 3339 strings.',
      ].join('\n'),
      contact: { ...CONTACT },
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    tags: tags.map((name) => (Object.hasOwn(TAG_DESCRIPTIONS, name) ? { name, description: TAG_DESCRIPTIONS[name] as string } : { name })),
    paths,
    components: {
      schemas: converter.sortedComponents(),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key of the workspace: `Authorization: Bearer ct_…`.' } },
    },
  };
}

/**
 * `/docs` (src/http/docs/docs-page.ts), pointed at the document next to it: the page fetches
 * `v1/openapi.json` relative to `/docs`.
 */
export function docsPage(specUrl = OPENAPI_PATH.slice(1)): DocsPage {
  return renderDocsPage(specUrl);
}
