/**
 * Bad input, generated: for every route of `allRoutes()` (no hand list, so a new route is covered
 * the day it is added), fast-check sends bodies, query strings, path ids and If-Match headers
 * derived from the route's own zod schemas (`z.toJSONSchema(…, { io: 'input' })`): valid ones,
 * valid ones with one thing broken at any depth, and plain junk. For each response:
 *
 * - never a 5xx;
 * - every 4xx is an RFC 9457 problem body (type, title, status = HTTP status, detail), no stack trace;
 * - a rejected request (and any GET) wrote nothing: the workspace's audit chain head
 *   (`GET /v1/audit/verify`: count, headSeq, headHash) and every table's row count and version
 *   sum are unchanged;
 * - an accepted write appended to the audit chain (or, like a second revoke, changed nothing at all);
 * - the chain still verifies, and no request polluted Object.prototype.
 *
 * Deterministic: FC_SEED (default below) seeds every route; FC_RUNS sets the total number of
 * generated requests. A failure names the route, the request, the response and the seed.
 */
import fc from 'fast-check';
import pino from 'pino';
import request from 'supertest';
import { z } from 'zod';
import type { RouteSpec } from '../../src/http/route';
import { ROLES, type Role } from '../../src/core/roles';
import { allRoutes } from '../../src/routes';
import { bearer, startTestApp, unique, type TestApp } from '../helpers/test-app';
import {
  type JsonSchema,
  type Known,
  type QueryPair,
  badValue,
  encodeComponent,
  goodObject,
  ifMatchHeader,
  mutatedObject,
  pathId,
  queryPairs,
  queryString,
  toJsonText,
} from './json-schema-arbitraries';

const SEED = Number(process.env.FC_SEED ?? 20_261_129);
const TOTAL_RUNS = Number(process.env.FC_RUNS ?? 1500);

const routes: RouteSpec[] = allRoutes({ db: null as never, config: null as never, logger: pino({ level: 'silent' }) });
const label = (route: RouteSpec) => `${route.method.toUpperCase()} ${route.path}`;
const isWrite = (route: RouteSpec) => route.method !== 'get';

function jsonSchemaOf(schema: z.ZodType | undefined): JsonSchema | undefined {
  return schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : undefined;
}

/** Runs per route: bodies weigh most, then query strings; ~TOTAL_RUNS in all. */
function weight(route: RouteSpec): number {
  if (route.body || route.method === 'post' || route.method === 'patch') return 3;
  if (route.query) return 2;
  return 1;
}
const totalWeight = routes.reduce((sum, r) => sum + weight(r), 0);
const runsFor = (route: RouteSpec) => Math.max(10, Math.round((TOTAL_RUNS * weight(route)) / totalWeight));

/** A stable per-route seed, so one route's runs do not shift another's. */
function seedFor(route: RouteSpec): number {
  let h = SEED | 0;
  for (const ch of label(route)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

// ---------------------------------------------------------------------------------------------
// The workspace each route is fuzzed in

interface Ctx {
  keys: Record<Role, string>;
  known: Known;
  /** The snapshot taken after the last request: the next request's "before" (reads change nothing). */
  last?: Snapshot;
}

let t: TestApp;
let tables: { name: string; hasVersion: boolean }[] = [];
let firstCtx: Ctx | undefined;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
const stats = { sent: 0, accepted: 0, byStatus: new Map<number, number>(), byRoute: new Map<string, Map<number, number>>() };

const ARTICLE_BODY =
  'أعلن رئيس أركان الجيش الأذربيجاني في 24 أكتوبر 2018 عن زيارة إلى إسرائيل. ' +
  'Azerbaijan chief of staff visits Israel; the deal is worth $1.5 billion, up 30% on 2017.';

async function created(res: request.Response, what: string): Promise<string> {
  if (res.status !== 201) throw new Error(`fixture ${what}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.body.id as string;
}

/** An article, claims (one anchored), sources, an evidence link and a spare key, in the workspace of `keys`. */
async function fixtures(keys: Record<Role, string>): Promise<Known> {
  const post = (path: string, body: object, role: Role = 'admin') => request(t.app).post(path).set(bearer(keys[role])).send(body);
  const article = (body: string) => post('/v1/articles', { url: `https://example.org/${unique('a')}`, title: 'Fixture', language: 'ar', body });
  const a1 = await created(await article(ARTICLE_BODY), 'article');
  const a2 = await created(await article('A second article, without claims.'), 'article');
  const c1 = await created(
    await post('/v1/claims', { text: 'Azerbaijan chief of staff visits Israel', language: 'en', articleId: a1, quote: { exact: 'chief of staff visits Israel' } }),
    'claim',
  );
  const c2 = await created(await post('/v1/claims', { text: 'The deal is worth $1.5 billion', language: 'en', tags: ['defence'] }), 'claim');
  const source = () => post('/v1/sources', { url: `https://example.org/${unique('s')}`, title: 'Source', kind: 'news_report' });
  const s1 = await created(await source(), 'source');
  const s2 = await created(await source(), 'source');
  const e1 = await created(await post(`/v1/claims/${c1}/evidence`, { sourceId: s1, stance: 'supports' }), 'evidence');
  const spare = await created(await post('/v1/api-keys', { name: 'spare', role: 'viewer' }), 'api key');
  // A subscription to everything: the writes after it queue deliveries (no dispatcher runs here).
  const w1 = await created(await post('/v1/webhooks', { url: 'https://93.184.216.34/hook', events: ['*'] }), 'webhook');
  await created(await article('A third article, delivered to the webhook.'), 'article');
  const log = await request(t.app).get(`/v1/webhooks/${w1}/deliveries`).set(bearer(keys.admin));
  const deliveries = (log.body.data as { id: string }[]).map((d) => d.id);
  const known: Known = {
    ids: { articles: [a1, a2], claims: [c1, c2], sources: [s1, s2], evidence: [e1], 'api-keys': [spare], webhooks: [w1], deliveries },
    phrases: ['chief of staff visits Israel', 'Azerbaijan', 'رئيس أركان الجيش', '$1.5 billion'],
    cursors: [],
  };
  // Real cursors: the second page of every list this workspace can read.
  for (const route of routes) {
    if (route.method !== 'get' || route.path.includes(':') || route.roles === 'public') continue;
    if (!jsonSchemaOf(route.query)?.properties?.cursor) continue;
    const res = await request(t.app).get(`${route.path}?limit=1`).set(bearer(keys[route.roles[0] as Role]));
    if (typeof res.body?.nextCursor === 'string') known.cursors.push(res.body.nextCursor);
  }
  return known;
}

async function freshCtx(): Promise<Ctx> {
  const ws = await t.newWorkspace();
  return { keys: ws.keys, known: await fixtures(ws.keys) };
}

/** The first workspace, with a key per role: the only one whose admin may create workspaces. */
async function firstWorkspaceCtx(): Promise<Ctx> {
  if (firstCtx) return firstCtx;
  const keys = { admin: t.firstAdminKey } as Record<Role, string>;
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const res = await request(t.app).post('/v1/api-keys').set(bearer(t.firstAdminKey)).send({ name: role, role });
    await created(res, 'api key');
    keys[role] = res.body.secret as string;
  }
  firstCtx = { keys, known: await fixtures(keys) };
  return firstCtx;
}

// ---------------------------------------------------------------------------------------------
// What is sent

type Body =
  | { kind: 'json'; value: unknown; contentType: string; encoding?: string }
  | { kind: 'text'; text: string; contentType: string; encoding?: string };

interface Spec {
  role: Role | null;
  params: Record<string, { value: string; raw?: boolean }>;
  query: QueryPair[];
  ifMatch?: { current: true } | { value: string | undefined };
  body?: Body;
}

const RAW_BODIES = [
  '',
  '{"url": ',
  'null',
  '"just a string"',
  '42',
  'true',
  '[]',
  '{}{}',
  '\uFEFF{}',
  "{'a':1}",
  '{"a":1,}',
  '/* comment */ {}',
  'NaN',
  '{"a":NaN}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":1,"a":2}',
  '\u0000',
  'a=1&b=2',
];

const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/merge-patch+json',
  'application/vnd.api+json',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/jsonx',
  '*/*',
];

function bodyArb(route: RouteSpec, known: Known): fc.Arbitrary<Body | undefined> {
  if (route.method !== 'post' && route.method !== 'patch') return fc.constant(undefined);
  const schema = jsonSchemaOf(route.body);
  const value: fc.Arbitrary<unknown> = schema
    ? fc.oneof({ weight: 3, arbitrary: goodObject(schema, known) }, { weight: 8, arbitrary: mutatedObject(schema, known) }, { weight: 1, arbitrary: badValue(schema) })
    : fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 3 }), badValue({}));
  const contentType = fc.oneof({ weight: 14, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) });
  // Found here once: a body whose Content-Encoding does not decompress answered 500 (zlib's error
  // has a status but no body-parser type). problemHandler now maps any 4xx error to its status.
  const encoding = fc.oneof(
    { weight: 20, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown') },
  );
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ kind: fc.constant('json' as const), value, contentType, encoding }, { requiredKeys: ['kind', 'value', 'contentType'] }) },
    {
      weight: 1,
      arbitrary: fc.record(
        { kind: fc.constant('text' as const), text: fc.oneof(fc.constantFrom(...RAW_BODIES), fc.string({ unit: 'binary', maxLength: 40 })), contentType, encoding },
        { requiredKeys: ['kind', 'text', 'contentType'] },
      ),
    },
  );
}

/** `/v1/claims/:id/evidence/:evidenceId` → [['id', 'claims'], ['evidenceId', 'evidence']]. */
function pathParams(path: string): [string, string][] {
  const segments = path.split('/');
  return segments.flatMap((seg, i) => (seg.startsWith(':') ? [[seg.slice(1), segments[i - 1] ?? ''] as [string, string]] : []));
}

function specArb(route: RouteSpec, known: Known): fc.Arbitrary<Spec> {
  const params: Record<string, fc.Arbitrary<{ value: string; raw?: boolean }>> = {};
  for (const [name, segment] of pathParams(route.path)) params[name] = pathId(known, segment);
  const querySchema = jsonSchemaOf(route.query);
  return fc.record(
    {
      role: route.roles === 'public' ? fc.constant(null) : fc.constantFrom(...route.roles),
      params: fc.record(params),
      query: querySchema ? queryPairs(querySchema, known) : fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: queryPairs(undefined, known) }),
      ifMatch: route.ifMatch ? ifMatchHeader : fc.constant(undefined),
      body: bodyArb(route, known),
    },
    { requiredKeys: ['role', 'params', 'query'] },
  ) as fc.Arbitrary<Spec>;
}

function urlOf(route: RouteSpec, spec: Spec): { path: string; url: string } {
  const path = route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const p = spec.params[name];
    if (!p) return 'missing';
    return p.raw ? p.value : encodeComponent(p.value);
  });
  return { path, url: path + queryString(spec.query) };
}

/** The resource's ETag as its GET answers it (for a plausible If-Match), else `"1"`. */
async function currentEtag(ctx: Ctx, path: string): Promise<string> {
  const res = await request(t.app).get(path).set(bearer(ctx.keys.admin));
  return res.status === 200 && typeof res.headers.etag === 'string' ? res.headers.etag : '"1"';
}

/**
 * A long poll of the changes feed waits up to `wait` seconds for a change that never comes here:
 * a valid wait becomes 1 s, so each such request costs a second, not thirty.
 */
function shortWaits(spec: Spec): Spec {
  const query = spec.query.map((pair) => (pair.key === 'wait' && typeof pair.value === 'string' && /^\s*\d+\s*$/.test(pair.value) && Number(pair.value) > 1 ? { ...pair, value: '1' } : pair));
  return { ...spec, query };
}

async function send(route: RouteSpec, ctx: Ctx, given: Spec): Promise<{ res: request.Response; url: string; ifMatch?: string }> {
  const spec = shortWaits(given);
  const { path, url } = urlOf(route, spec);
  let req = request(t.app)[route.method](url);
  if (spec.role) req = req.set(bearer(ctx.keys[spec.role]));
  let ifMatch: string | undefined;
  if (spec.ifMatch) {
    ifMatch = 'current' in spec.ifMatch ? await currentEtag(ctx, path) : spec.ifMatch.value;
    // Node refuses to send control characters in a header; those never reach a server anyway.
    if (ifMatch !== undefined && /^[\x20-\x7e]*$/.test(ifMatch)) req = req.set('If-Match', ifMatch);
  }
  const body = spec.body;
  if (body) {
    req = req.set('Content-Type', body.contentType);
    if (body.encoding) req = req.set('Content-Encoding', body.encoding);
    req = req.send(body.kind === 'json' ? toJsonText(body.value) : body.text);
  }
  return { res: await req, url, ifMatch };
}

// ---------------------------------------------------------------------------------------------
// What is checked

interface Snapshot {
  audit: { ok: boolean; count: number; headSeq: number; headHash: string };
  tables: Record<string, string>;
}

async function listTables(): Promise<{ name: string; hasVersion: boolean }[]> {
  const reader = t.db.reader;
  if (t.db.provider === 'sqlite') {
    const rows = await reader.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_prisma%' ESCAPE '\\' ORDER BY name",
    );
    const out = [];
    for (const { name } of rows) {
      const cols = await reader.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${name.replaceAll("'", "''")}')`);
      out.push({ name, hasVersion: cols.some((c) => c.name === 'version') });
    }
    return out;
  }
  const rows = await reader.$queryRawUnsafe<{ name: string; has_version: boolean }[]>(
    `SELECT t.table_name AS name,
            EXISTS (SELECT 1 FROM information_schema.columns c
                    WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'version') AS has_version
       FROM information_schema.tables t
      WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND t.table_name NOT LIKE '\\_prisma%'
      ORDER BY t.table_name`,
  );
  return rows.map((r) => ({ name: r.name, hasVersion: r.has_version }));
}

/** Row count and version sum of every table: a write that skipped the audit chain still shows. */
async function tableStats(): Promise<Record<string, string>> {
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const sql = tables
    .map(
      ({ name, hasVersion }) =>
        `SELECT '${name.replaceAll("'", "''")}' AS t, CAST(COUNT(*) AS TEXT) AS n, ${hasVersion ? 'CAST(COALESCE(SUM("version"), 0) AS TEXT)' : "''"} AS v FROM ${q(name)}`,
    )
    .join(' UNION ALL ');
  const rows = await t.db.reader.$queryRawUnsafe<{ t: string; n: string; v: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}/${r.v}`]));
}

async function snapshot(ctx: Ctx): Promise<Snapshot> {
  const res = await request(t.app).get('/v1/audit/verify').set(bearer(ctx.keys.auditor));
  if (res.status !== 200) throw new Error(`GET /v1/audit/verify answered ${res.status}: ${res.text.slice(0, 300)}`);
  const { ok, count, headSeq, headHash } = res.body as Snapshot['audit'];
  return { audit: { ok, count, headSeq, headHash }, tables: await tableStats() };
}

const STACK_TRACE = /\bat .+\.(ts|js|mjs|cjs):\d+|node_modules\/|\n\s+at /;

function fail(message: string, what: string): never {
  throw new Error(`${message}\n  request: ${what}`);
}

function checkProblem(res: request.Response, what: string): void {
  if (!/^application\/problem\+json(;|$)/.test(String(res.headers['content-type'] ?? ''))) fail(`content-type ${String(res.headers['content-type'])}, not application/problem+json`, what);
  const body = res.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') fail('no problem body', what);
  for (const member of ['type', 'title', 'detail'] as const) {
    if (typeof body[member] !== 'string' || (body[member] as string).length === 0) fail(`problem member "${member}" missing`, what);
  }
  if (body.status !== res.status) fail(`problem status ${String(body.status)} ≠ HTTP ${res.status}`, what);
}

function describeRequest(route: RouteSpec, spec: Spec, url: string, ifMatch: string | undefined, res: request.Response): string {
  const text = res.text ?? '';
  const body = spec.body ? (spec.body.kind === 'json' ? toJsonText(spec.body.value) : JSON.stringify(spec.body.text)) : '';
  const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  return [
    `${route.method.toUpperCase()} ${short(url, 300)} as ${spec.role ?? 'nobody'}`,
    ifMatch !== undefined ? ` If-Match: ${ifMatch}` : '',
    spec.body ? ` Content-Type: ${spec.body.contentType}${spec.body.encoding ? ` Content-Encoding: ${spec.body.encoding}` : ''} body: ${short(body, 400)}` : '',
    `\n  response: ${res.status} ${short(text, 600)}`,
  ].join('');
}

async function checkOne(route: RouteSpec, ctx: Ctx, spec: Spec): Promise<void> {
  const before = ctx.last ?? (await snapshot(ctx));
  ctx.last = undefined;
  const { res, url, ifMatch } = await send(route, ctx, spec);
  const after = await snapshot(ctx);
  ctx.last = after;
  stats.sent += 1;
  stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
  const perRoute = stats.byRoute.get(label(route)) ?? new Map<number, number>();
  perRoute.set(res.status, (perRoute.get(res.status) ?? 0) + 1);
  stats.byRoute.set(label(route), perRoute);
  const what = describeRequest(route, spec, url, ifMatch, res);

  if (res.status >= 500) fail(`answered ${res.status}`, what);
  if (STACK_TRACE.test(res.text ?? '')) fail('a stack trace in the response body', what);
  if (res.status >= 400) checkProblem(res, what);
  if (!after.audit.ok) fail('the audit chain no longer verifies', what);
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeKeys) fail('Object.prototype was polluted', what);

  const unchanged = JSON.stringify(before) === JSON.stringify(after);
  const rejected = res.status < 200 || res.status >= 300;
  if (rejected || !isWrite(route)) {
    if (!unchanged) fail(`${rejected ? `rejected (${res.status})` : 'a read'}, yet something was written:\n  before ${JSON.stringify(before)}\n  after  ${JSON.stringify(after)}`, what);
  } else {
    stats.accepted += 1;
    // Every write appends to the audit chain; a 2xx that does not (a second revoke) changed nothing.
    const grew = after.audit.count > before.audit.count && after.audit.headSeq > before.audit.headSeq;
    if (!grew && !unchanged) fail(`accepted (${res.status}) and wrote without an audit event:\n  before ${JSON.stringify(before)}\n  after  ${JSON.stringify(after)}`, what);
    // What was accepted comes back: a field sent with a value is not answered as null.
    const sent = spec.body?.kind === 'json' ? spec.body.value : undefined;
    const answered = res.body as Record<string, unknown> | undefined;
    if (sent && typeof sent === 'object' && !Array.isArray(sent) && answered && typeof answered === 'object') {
      for (const [key, value] of Object.entries(sent)) {
        if (value !== null && value !== undefined && key in answered && answered[key] === null) fail(`accepted (${res.status}) "${key}" but answered it as null`, what);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  t = await startTestApp();
  tables = await listTables();
});
afterAll(async () => {
  const statuses = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  process.stdout.write(`bad-input: ${stats.sent} generated requests (${stats.accepted} accepted writes); statuses ${statuses}; FC_SEED=${SEED}\n`);
  if (process.env.FC_VERBOSE) {
    for (const [name, m] of stats.byRoute) process.stdout.write(`  ${name}: ${[...m.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}\n`);
  }
  await t?.close();
});

describe('bad input: generated bodies, query strings, ids and If-Match on every route', () => {
  it('derives a JSON Schema from every route schema', () => {
    for (const route of routes) {
      for (const part of [route.params, route.query, route.body]) if (part) expect(jsonSchemaOf(part)).toEqual(expect.objectContaining({ type: expect.any(String) }));
    }
  });

  it.each(routes.map((route) => [label(route), route] as const))(
    '%s: no 5xx, problem bodies, nothing written when rejected',
    async (_name, route) => {
      let ctx = await freshCtx();
      const seed = seedFor(route);
      // A write only the first workspace may make (creating workspaces) is fuzzed there, so that
      // valid requests pass: a valid request refused with 403 in a fresh workspace says so.
      if (isWrite(route) && route.roles !== 'public') {
        const probe = fc.sample(specArb(route, ctx.known), { seed, numRuns: 1 })[0] as Spec;
        const schema = jsonSchemaOf(route.body);
        const body = schema ? { kind: 'json' as const, contentType: 'application/json', value: fc.sample(goodObject(schema, ctx.known), { seed, numRuns: 1 })[0] } : undefined;
        if ((await send(route, ctx, { ...probe, ifMatch: { current: true }, body })).res.status === 403) ctx = await firstWorkspaceCtx();
      }
      ctx.last = undefined;
      const runCtx = ctx;
      try {
        await fc.assert(
          fc.asyncProperty(specArb(route, runCtx.known), (spec) => checkOne(route, runCtx, spec)),
          { seed, numRuns: runsFor(route) },
        );
      } catch (error) {
        throw new Error(`${label(route)} (replay the whole file with FC_SEED=${SEED}; route seed ${seed})\n${(error as Error).message}`, { cause: error });
      }
    },
    180_000,
  );

  it('sent at least 1,000 generated requests', () => {
    if (TOTAL_RUNS < 1000) return;
    expect(stats.sent).toBeGreaterThanOrEqual(1000);
  });
});
