"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUBLIC_ENDPOINTS = exports.DOCS_PATH = exports.OPENAPI_PATH = void 0;
exports.toOpenApiPath = toOpenApiPath;
exports.operationIdOf = operationIdOf;
exports.tagOf = tagOf;
exports.buildOpenApiDocument = buildOpenApiDocument;
exports.docsPage = docsPage;
const zod_1 = require("zod");
const package_json_1 = require("../../package.json");
const docs_page_1 = require("./docs/docs-page");
const schemas_1 = require("./schemas");
exports.OPENAPI_PATH = '/v1/openapi.json';
exports.DOCS_PATH = '/docs';
/**
 * The public operational endpoints app.ts serves, documented alongside the API so that the
 * document lists everything the server answers (tests/api/openapi.test.ts checks the set).
 */
exports.PUBLIC_ENDPOINTS = [
    {
        method: 'get',
        path: '/healthz',
        summary: 'Liveness: the process answers',
        description: 'Public. Does not touch the database.',
        responses: { 200: { description: 'Alive', content: { 'application/json': zod_1.z.strictObject({ status: zod_1.z.literal('ok') }) } } },
    },
    {
        method: 'get',
        path: '/readyz',
        summary: 'Readiness: the database answers',
        description: 'Public. For load balancers: 503 while the database is not reachable.',
        responses: {
            200: {
                description: 'Ready',
                content: { 'application/json': zod_1.z.strictObject({ status: zod_1.z.literal('ready'), database: zod_1.z.enum(['sqlite', 'postgres']) }) },
            },
            503: { description: 'The database is not reachable', content: { 'application/problem+json': schemas_1.problem } },
        },
    },
    {
        method: 'get',
        path: '/metrics',
        summary: 'Prometheus metrics',
        description: 'Public. Request counts and durations by route pattern, and process metrics, in the Prometheus text format.',
        responses: { 200: { description: 'Metrics', content: { 'text/plain': zod_1.z.string() } } },
    },
    {
        method: 'get',
        path: exports.OPENAPI_PATH,
        summary: 'This document (OpenAPI 3.1)',
        description: 'Public. Generated at start from the zod schemas that validate requests.',
        responses: {
            200: {
                description: 'The OpenAPI document',
                content: {
                    'application/json': zod_1.z.looseObject({
                        openapi: zod_1.z.string().regex(/^3\.1\.\d+$/),
                        info: zod_1.z.looseObject({ title: zod_1.z.string(), version: zod_1.z.string() }),
                        paths: zod_1.z.record(zod_1.z.string(), zod_1.z.unknown()),
                    }),
                },
            },
        },
    },
    {
        method: 'get',
        path: exports.DOCS_PATH,
        summary: 'Interactive API documentation',
        description: 'Public. A self-contained HTML page that renders this document (no external assets).',
        responses: { 200: { description: 'An HTML page', content: { 'text/html': zod_1.z.string() } } },
    },
];
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const DEFS_PREFIX = '#/$defs/';
const COMPONENTS_PREFIX = '#/components/schemas/';
/** `$ref`s that zod writes for `$defs`, pointed at `components/schemas` instead. */
function rewriteRefs(value) {
    if (Array.isArray(value))
        return value.map(rewriteRefs);
    if (value === null || typeof value !== 'object')
        return value;
    const out = {};
    for (const [key, item] of Object.entries(value)) {
        out[key] = key === '$ref' && typeof item === 'string' && item.startsWith(DEFS_PREFIX) ? COMPONENTS_PREFIX + item.slice(DEFS_PREFIX.length) : rewriteRefs(item);
    }
    return out;
}
/** zod → JSON Schema 2020-12; schemas with a `.meta({ id })` become shared components. */
class SchemaConverter {
    components = new Map();
    convert(schema, io) {
        const converted = zod_1.z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw', cycles: 'ref', reused: 'inline' });
        const { $schema: _dialect, $defs, ...root } = converted;
        for (const [name, def] of Object.entries(($defs ?? {})))
            this.addComponent(name, rewriteRefs(def));
        return rewriteRefs(root);
    }
    addComponent(name, schema) {
        const json = JSON.stringify(schema);
        const existing = this.components.get(name);
        if (existing && existing.json !== json) {
            throw new Error(`OpenAPI: two different schemas are named "${name}" (or one is used both as input and as output); give them different ids.`);
        }
        this.components.set(name, { json, schema });
    }
    sortedComponents() {
        return Object.fromEntries([...this.components.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, { schema }]) => [name, schema]));
    }
}
const PATH_PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;
/** Express `/v1/claims/:id/evidence` → OpenAPI `/v1/claims/{id}/evidence`. */
function toOpenApiPath(expressPath) {
    if (/[*?()[\]{}]/.test(expressPath))
        throw new Error(`OpenAPI: ${expressPath} uses Express path syntax beyond :params; document it by hand or simplify it.`);
    return expressPath.replace(PATH_PARAM, '{$1}');
}
function pathParamNames(expressPath) {
    return [...expressPath.matchAll(PATH_PARAM)].map((m) => m[1]);
}
const pascal = (word) => word.charAt(0).toUpperCase() + word.slice(1);
/** `delete /v1/claims/:id/evidence/:evidenceId` → `deleteClaimsByIdEvidenceByEvidenceId`. */
function operationIdOf(method, expressPath) {
    const words = expressPath
        .split('/')
        .filter((segment) => segment !== '' && !/^v\d+$/.test(segment))
        .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/)))
        .filter(Boolean);
    return method + words.map(pascal).join('');
}
/** The tag (module) of a route: its own `tag`, else the first path segment after the version. */
function tagOf(route) {
    return route.tag ?? route.path.split('/').find((s) => s !== '' && !/^v\d+$/.test(s)) ?? 'api';
}
/** A single resource carries its version, and so an `ETag` (DESIGN §5). */
function isVersioned(schema, converter) {
    let target = schema;
    const ref = target?.$ref;
    if (typeof ref === 'string' && ref.startsWith(COMPONENTS_PREFIX))
        target = converter.components.get(ref.slice(COMPONENTS_PREFIX.length))?.schema;
    const properties = target?.properties;
    return target?.type === 'object' && properties !== undefined && 'version' in properties && (target.required ?? []).includes('version');
}
function objectParameters(schema, where, converter, label) {
    if (!schema)
        return [];
    const json = converter.convert(schema, 'input');
    if (json.type !== 'object')
        throw new Error(`OpenAPI: the ${where} schema of ${label} is not an object schema.`);
    const required = new Set(json.required ?? []);
    return Object.entries((json.properties ?? {})).map(([name, property]) => {
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
const ETAG_HEADER = { description: 'The resource version, e.g. "3": send it as If-Match to change the resource.', required: true, schema: { type: 'string', pattern: '^"\\d+"$' } };
function problemResponse(description, headers) {
    return { description, ...(headers ? { headers } : {}), content: { 'application/problem+json': { schema: PROBLEM_REF } } };
}
function routeOperation(route, converter) {
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
    const parameters = [...pathParameters, ...objectParameters(route.query, 'query', converter, label)];
    const success = route.response;
    const successSchema = success.schema ? converter.convert(success.schema, 'output') : undefined;
    const versioned = isVersioned(successSchema, converter);
    const singleGet = route.method === 'get' && versioned;
    if (route.ifMatch) {
        parameters.push({ name: 'If-Match', in: 'header', required: true, description: 'The ETag you last read; 412 when it is no longer current.', schema: { type: 'string' } });
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
    if (singleGet) {
        parameters.push({ name: 'If-None-Match', in: 'header', required: false, description: 'An ETag you hold: 304 when it is still current.', schema: { type: 'string' } });
    }
    const successHeaders = {};
    if (versioned)
        successHeaders.ETag = ETAG_HEADER;
    if (success.status === 201) {
        successHeaders.Location = { description: 'The path of what was created.', required: versioned, schema: { type: 'string', format: 'uri-reference' } };
    }
    if (isPost) {
        successHeaders['Idempotent-Replayed'] = { description: 'Present (true) when this is the stored response of an earlier request with the same Idempotency-Key.', schema: { type: 'string', const: 'true' } };
    }
    const responses = {};
    responses[success.status] = {
        description: success.description,
        ...(Object.keys(successHeaders).length > 0 ? { headers: successHeaders } : {}),
        ...(successSchema ? { content: { 'application/json': { schema: successSchema } } } : {}),
    };
    if (singleGet)
        responses[304] = { description: 'Not modified: If-None-Match names the current version.', headers: { ETag: ETAG_HEADER } };
    const errors = new Map();
    const add = (status, text) => errors.set(status, [...(errors.get(status) ?? []), text]);
    if (route.params || route.query || route.body || takesBody)
        add(400, 'The request does not match the schema; `errors` names each field.');
    if (!isPublic) {
        add(401, 'No API key, or one that is unknown or revoked.');
        add(403, `The key's role may not do this (allowed: ${route.roles.join(', ')}).`);
    }
    if (route.params)
        add(404, 'No such resource in this workspace.');
    if (isPost)
        add(409, 'A request with the same Idempotency-Key is still running.');
    if (route.ifMatch)
        add(412, 'If-Match does not name the current version; `currentVersion` says which is.');
    if (takesBody) {
        add(413, 'The body is over the size limit.');
        add(415, 'The body is not application/json.');
    }
    if (isPost)
        add(422, 'The Idempotency-Key was used with a different request.');
    if (route.ifMatch)
        add(428, 'If-Match is missing.');
    if (!isPublic)
        add(429, 'Too many requests for this API key; retry after Retry-After seconds.');
    add(500, 'An unexpected error (a bug). Quote the requestId when reporting it.');
    for (const [status, text] of Object.entries(route.errors ?? {}))
        if (text)
            add(Number(status), text);
    for (const status of [...errors.keys()].sort((a, b) => a - b)) {
        const headers = status === 401
            ? { 'WWW-Authenticate': { description: 'Bearer realm="claimtrack"', schema: { type: 'string' } } }
            : status === 429
                ? { 'Retry-After': { description: 'Seconds until the window resets.', required: true, schema: { type: 'string', pattern: '^\\d+$' } } }
                : undefined;
        responses[status] = problemResponse(errors.get(status).join(' Or: '), headers);
    }
    const requestBody = route.body
        ? { required: !route.body.safeParse(undefined).success, content: { 'application/json': { schema: converter.convert(route.body, 'input') } } }
        : undefined;
    return {
        operationId: operationIdOf(route.method, route.path),
        summary: route.summary,
        description: isPublic
            ? 'Public: no API key needed.'
            : `Roles: ${route.roles.join(', ')}.${route.ifMatch ? ' Needs If-Match.' : ''}`,
        tags: [tagOf(route)],
        ...(isPublic ? { security: [] } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(requestBody ? { requestBody } : {}),
        responses,
    };
}
function publicOperation(endpoint, converter) {
    const responses = {};
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
function buildOpenApiDocument(routes, publicEndpoints = exports.PUBLIC_ENDPOINTS) {
    const converter = new SchemaConverter();
    converter.convert(schemas_1.problem, 'output');
    const paths = {};
    const tags = [];
    const operationIds = new Set();
    const addOperation = (method, expressPath, operation) => {
        const path = toOpenApiPath(expressPath);
        const item = (paths[path] ??= {});
        if (item[method])
            throw new Error(`OpenAPI: ${method.toUpperCase()} ${expressPath} is defined twice.`);
        if (operationIds.has(operation.operationId))
            throw new Error(`OpenAPI: operationId ${operation.operationId} is not unique.`);
        operationIds.add(operation.operationId);
        item[method] = operation;
        for (const tag of operation.tags)
            if (!tags.includes(tag))
                tags.push(tag);
    };
    for (const route of routes)
        addOperation(route.method, route.path, routeOperation(route, converter));
    for (const endpoint of publicEndpoints)
        addOperation(endpoint.method, endpoint.path, publicOperation(endpoint, converter));
    return {
        openapi: '3.1.0',
        info: {
            title: 'claimtrack',
            version: package_json_1.version,
            description: [
                'A claim tracker for fact-checking desks: claims anchored to article text, evidence, reviewed verdicts and a tamper-evident audit trail.',
                '',
                'Send an API key as `Authorization: Bearer <key>`. Errors are RFC 9457 problem bodies (`Problem`). Every single resource carries an `ETag` (its version); `PATCH` and `DELETE` of versioned resources need `If-Match` (428 without, 412 when stale). `POST` honours `Idempotency-Key`. Lists are `{ data, nextCursor }` with `?limit=&cursor=`. Timestamps are RFC 3339 strings.',
            ].join('\n'),
            license: { name: 'MIT', identifier: 'MIT' },
        },
        servers: [{ url: '/' }],
        security: [{ bearerAuth: [] }],
        tags: tags.map((name) => ({ name })),
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
function docsPage(specUrl = exports.OPENAPI_PATH.slice(1)) {
    return (0, docs_page_1.docsPage)(specUrl);
}
//# sourceMappingURL=openapi.js.map