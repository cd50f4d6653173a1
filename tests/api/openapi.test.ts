import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import pino from 'pino';
import request from 'supertest';
import { buildOpenApiDocument, PUBLIC_ENDPOINTS, toOpenApiPath, type OpenApiDocument } from '../../src/http/openapi';
import { allRoutes } from '../../src/routes';
import { checkRecordedResponses, servedDocument } from '../helpers/openapi-check';
import { recordedResponses, type RecordedResponse } from '../helpers/response-recorder';
import { bearer, unique, useTestApp, type TestApp } from '../helpers/test-app';

const { t } = useTestApp({ workspace: false });
let served: OpenApiDocument;

beforeAll(async () => {
  served = (await request(t.app).get('/v1/openapi.json').expect(200)).body;
});

const routes = () => allRoutes({ db: null as never, config: null as never, logger: pino({ level: 'silent' }) });

function operationsOf(document: OpenApiDocument): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

/** Every (method, path) the Express app answers, read from its router. */
function servedRoutes(app: TestApp['app']): string[] {
  const router = (app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
  return router.stack
    .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${toOpenApiPath(layer.route!.path)}`) : []))
    .sort();
}

describe('GET /v1/openapi.json', () => {
  it('serves the document without a key, as application/json, the same as the route table builds', async () => {
    const res = await request(t.app).get('/v1/openapi.json').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(servedDocument())));
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info).toMatchObject({ title: 'claimtrack', version: require('../../package.json').version });
    expect(res.body.servers).toEqual([{ url: '/' }]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildOpenApiDocument(routes()))).toBe(JSON.stringify(buildOpenApiDocument(routes())));
  });
});

describe('the document and the app', () => {
  it('lists exactly the (method, path) pairs the app serves', () => {
    expect(operationsOf(served)).toEqual(servedRoutes(t.app));
  });

  it('lists every route of the table and every public endpoint', () => {
    const expected = [...routes().map((r) => `${r.method.toUpperCase()} ${toOpenApiPath(r.path)}`), ...PUBLIC_ENDPOINTS.map((e) => `GET ${e.path}`)].sort();
    expect(operationsOf(served)).toEqual(expected);
  });

  it('asks for a key exactly where the app does', () => {
    for (const route of routes()) {
      const operation = served.paths[toOpenApiPath(route.path)]?.[route.method];
      expect([route.path, operation?.security]).toEqual([route.path, route.roles === 'public' ? [] : undefined]);
      if (route.roles !== 'public') expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    }
    for (const endpoint of PUBLIC_ENDPOINTS) expect(served.paths[endpoint.path]?.get?.security).toEqual([]);
  });
});

describe('the document is valid OpenAPI 3.1', () => {
  it('passes @seriousme/openapi-schema-validator (the OAS 3.1 JSON schema)', () => {
    // The validator is ESM only; jest runs CommonJS, so it runs in a child Node process.
    const script = [
      "import { Validator } from '@seriousme/openapi-schema-validator';",
      "import { readFileSync } from 'node:fs';",
      'const validator = new Validator();',
      "const result = await validator.validate(JSON.parse(readFileSync(0, 'utf8')));",
      'process.stdout.write(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? null }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(served), cwd: process.cwd(), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ valid: true, version: '3.1', errors: null });
  });

  it('resolves every $ref', () => {
    const missing: string[] = [];
    const walk = (value: unknown, at: string) => {
      if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${at}/${i}`));
      if (value === null || typeof value !== 'object') return;
      for (const [key, item] of Object.entries(value)) {
        if (key === '$ref') {
          const target = String(item)
            .replace(/^#\//, '')
            .split('/')
            .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], served);
          if (!String(item).startsWith('#/') || target === undefined) missing.push(`${at}: ${String(item)}`);
        } else walk(item, `${at}/${key}`);
      }
    };
    walk(served, '#');
    expect(missing).toEqual([]);
  });

  it('declares every path parameter, once, as required', () => {
    for (const [path, item] of Object.entries(served.paths)) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const operation of Object.values(item)) {
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
        expect([path, declared.map((p) => p.name).sort()]).toEqual([path, inPath]);
        expect(declared.every((p) => p.required)).toBe(true);
      }
    }
  });

  it('gives every operation a unique operationId, a summary, a tag and responses, errors as Problem', () => {
    const ids = new Set<string>();
    for (const item of Object.values(served.paths)) {
      for (const operation of Object.values(item)) {
        expect(ids.has(operation.operationId)).toBe(false);
        ids.add(operation.operationId);
        expect(operation.summary).toEqual(expect.any(String));
        expect(operation.tags).toHaveLength(1);
        const statuses = Object.keys(operation.responses);
        expect(statuses.some((s) => /^[23]/.test(s))).toBe(true);
        for (const status of statuses.filter((s) => /^[45]/.test(s))) {
          expect(operation.responses[status]?.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
        }
      }
    }
  });

  it('documents the preconditions and idempotency headers', () => {
    for (const route of routes()) {
      const operation = served.paths[toOpenApiPath(route.path)]![route.method]!;
      const headers = (operation.parameters ?? []).filter((p) => p.in === 'header');
      const byName = Object.fromEntries(headers.map((h) => [h.name, h.required]));
      if (route.ifMatch === true) {
        expect(byName['If-Match']).toBe(true);
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['412', '428']));
      }
      if (route.ifMatch === 'optional') {
        expect(byName['If-Match']).toBe(false);
        expect(Object.keys(operation.responses)).toContain('412');
        expect(Object.keys(operation.responses)).not.toContain('428');
      }
      if (route.method === 'post') {
        expect(byName['Idempotency-Key']).toBe(false);
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['409', '413', '415', '422']));
        expect(operation.responses[route.response.status]?.headers?.['Idempotent-Replayed']).toBeDefined();
      }
      if (route.response.status === 201) expect(operation.responses['201']?.headers?.Location).toBeDefined();
      if (route.response.status === 204) expect(operation.responses['204']?.content).toBeUndefined();
    }
  });
});

describe('GET /docs', () => {
  it('serves a self-contained HTML page whose inline script the CSP allows by hash', async () => {
    const res = await request(t.app).get('/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.text;
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//i);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).toContain('v1/openapi.json');
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(res.headers['content-security-policy']).toContain(`script-src 'sha256-${hash}'`);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('response validation (tests/helpers/setup-response-validation.ts)', () => {
  it('records the responses of this file, with the route that matched', async () => {
    const key = bearer(t.firstAdminKey);
    const created = await request(t.app).post('/v1/sources').set(key).send({ url: `https://example.org/${unique()}`, title: 'A source', kind: 'dataset' }).expect(201);
    await request(t.app).get(`/v1/sources/${created.body.id}`).set(key).expect(200);
    const last = recordedResponses().at(-1);
    expect(last).toMatchObject({ method: 'GET', route: '/v1/sources/:id', status: 200 });
    expect(JSON.parse(last!.body)).toEqual(created.body);
  });

  it('reports bodies, statuses, content types and headers the document does not allow', () => {
    const good = recordedResponses().find((r) => r.route === '/v1/sources/:id' && r.status === 200)!;
    const body = JSON.parse(good.body);
    const variants: RecordedResponse[] = [
      { ...good, body: JSON.stringify({ ...body, workspaceId: body.id }) },
      { ...good, body: JSON.stringify({ ...body, createdAt: 'yesterday' }) },
      { ...good, status: 418 },
      { ...good, headers: { ...good.headers, 'content-type': 'text/plain' } },
      { ...good, headers: { 'content-type': good.headers['content-type']! } },
      { ...good, route: undefined, status: 404 },
    ];
    const { mismatches } = checkRecordedResponses([good, ...variants], served);
    expect(mismatches).toHaveLength(variants.length);
    expect(mismatches[0]).toMatch(/must NOT have additional properties.*workspaceId/);
    expect(mismatches[1]).toMatch(/body\/createdAt must match format "date-time"/);
    expect(mismatches[2]).toMatch(/status 418 is not documented/);
    expect(mismatches[3]).toMatch(/content type text\/plain is not documented/);
    expect(mismatches[4]).toMatch(/header ETag is documented as always present/);
    expect(mismatches[5]).toMatch(/type/);
  });
});
