/**
 * claimtrack benchmark (issue 5): `npm run bench` and `npm run bench:quick`.
 *
 * For each database (SQLite, PostgreSQL) and each size (10k → 100k → 1M claims by default) it
 * starts the real server as a child process, loads the data set through the public API (articles,
 * batches of 1,000 claims, evidence, bulk transitions; claims/s reported), then measures the
 * scenarios against two baselines started in the same run, and writes a Markdown table to
 * bench/results/. See bench/README.md.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { call, pool } from './lib/api';
import { ArticleCache, articleInput, articleSpec, articlesFor, claimInput, evidenceInput, SEARCH_WORDS, sourceInput } from './lib/generator';
import { runLoad, type LoadRequest } from './lib/load';
import { findPgBinaries, settings as pgSettings, startPostgres, type PgServer } from './lib/pg';
import { BOOTSTRAP_KEY, childPids, cpuTicksOf, killAllChildren, ROOT, settle, startBaseline, startServer, type Proc } from './lib/procs';
import { profileMarkdown, summarizeProfile } from './lib/profile';
import { renderReport } from './lib/report';
import { checkTargets, fmt, sizeLabel, type Db, type DbResult, type IngestStats, type Measure, type Options, type ProfileRun, type ScenarioDef, type SizeResult } from './lib/model';

// ---------------------------------------------------------------------------------------------
// Options

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`bad size ${s}`);
  const mult = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[m[2] as string] ?? 1;
  return Math.round(Number(m[1]) * mult);
}

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const o: Options = {
    quick,
    sizes: quick ? [10_000] : [10_000, 100_000, 1_000_000],
    dbs: ['sqlite', 'postgres'],
    duration: quick ? 1 : 5,
    warmup: quick ? 0.5 : 2,
    reps: 3,
    connections: [50, 1],
    profile: !quick,
    profileSeconds: quick ? 3 : 8,
    keep: false,
    strict: false,
    out: join(ROOT, 'bench', 'results'),
    batchAmounts: quick ? [{ connections: 1, amount: 3 }] : [{ connections: 1, amount: 3 }, { connections: 4, amount: 4 }],
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    const v = () => {
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${a} needs a value`);
      i += 1;
      return next;
    };
    if (a === '--quick') continue;
    else if (a === '--sizes') o.sizes = v().split(',').map(parseSize).sort((x, y) => x - y);
    else if (a === '--db') o.dbs = v().split(',').map((d) => (d === 'pg' ? 'postgres' : d)) as Db[];
    else if (a === '--duration') o.duration = Number(v());
    else if (a === '--warmup') o.warmup = Number(v());
    else if (a === '--reps') o.reps = Math.max(1, Number(v()));
    else if (a === '--connections') o.connections = v().split(',').map(Number);
    else if (a === '--profile') o.profile = true;
    else if (a === '--no-profile') o.profile = false;
    else if (a === '--profile-seconds') o.profileSeconds = Number(v());
    else if (a === '--keep') o.keep = true;
    else if (a === '--strict') o.strict = true;
    else if (a === '--pg-url') o.pgUrl = v();
    else if (a === '--out') o.out = v();
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        [
          'usage: npm run bench [-- options]   (npm run bench:quick = --quick)',
          '  --quick                10k claims, 1 s repetitions, no profiles (about 2 minutes per database)',
          '  --sizes 10k,100k,1M    data set sizes, run in order on one growing data set',
          '  --db sqlite,postgres   databases (PostgreSQL is skipped with a note if no binaries)',
          '  --duration S           seconds per measured repetition (default 5; quick 1)',
          '  --warmup S             seconds of warm-up per scenario (default 2; quick 0.5)',
          '  --reps N               repetitions (default 3)',
          '  --connections 50,1     connection counts of the read and PATCH scenarios',
          '  --profile/--no-profile CPU-profile the server on missed targets (default on; quick off)',
          '  --keep                 keep the SQLite database and the profiles (temp folder is printed)',
          '  --strict               exit 1 if any measured request failed (what CI checks)',
          '  --pg-url URL           use this (empty) PostgreSQL database instead of a throwaway server',
          '  --out DIR              where the Markdown goes (default bench/results)',
          '',
        ].join('\n'),
      );
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  for (const d of o.dbs) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`unknown database ${d}`);
  return o;
}

// ---------------------------------------------------------------------------------------------
// Logging

const t0 = Date.now();
function log(message: string): void {
  const s = ((Date.now() - t0) / 1000).toFixed(0).padStart(5);
  process.stdout.write(`[bench ${s}s] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Data set state (kept across sizes; the server is restarted per size)

/** Shares of the claims per workspace: three workspaces of different sizes. */
const SHARES = [0.5, 0.3, 0.2];
const SAMPLE = 20_000;
const SOURCES_PER_WS = 60;

interface Workspace {
  index: number;
  id: string;
  adminKey: string;
  writerKey: string;
  readerKey: string;
  claims: number;
  articleIds: string[];
  sourceIds: string[];
}

interface DataSet {
  workspaces: Workspace[];
  /** Uniform sample of workspace 0's claims (reservoir), for random ids and PATCH. */
  sample: string[];
  seen: number;
  versions: Map<string, number>;
  /** Claims of workspace 0 in the first batch: never patched or sampled, so the end of the list stays put. */
  cache: ArticleCache;
}

function reservoirAdd(ds: DataSet, id: string): void {
  ds.seen += 1;
  if (ds.sample.length < SAMPLE) {
    ds.sample.push(id);
    ds.versions.set(id, 1);
    return;
  }
  const j = Math.floor(Math.random() * ds.seen);
  if (j < SAMPLE) {
    const old = ds.sample[j] as string;
    ds.versions.delete(old);
    ds.sample[j] = id;
    ds.versions.set(id, 1);
  }
}

async function setupWorkspaces(server: Proc): Promise<Workspace[]> {
  const out: Workspace[] = [];
  for (let i = 0; i < SHARES.length; i += 1) {
    let id: string;
    let adminKey: string;
    if (i === 0) {
      adminKey = BOOTSTRAP_KEY;
      id = '';
    } else {
      const created = await call<{ workspace: { id: string }; apiKey: { secret: string } }>(server.url, BOOTSTRAP_KEY, 'POST', '/v1/workspaces', { name: `Bench desk ${i + 1}` });
      id = created.body.workspace.id;
      adminKey = created.body.apiKey.secret;
    }
    const writer = await call<{ secret: string }>(server.url, adminKey, 'POST', '/v1/api-keys', { name: 'bench checker', role: 'checker' });
    const reader = await call<{ secret: string }>(server.url, adminKey, 'POST', '/v1/api-keys', { name: 'bench viewer', role: 'viewer' });
    out.push({ index: i, id, adminKey, writerKey: writer.body.secret, readerKey: reader.body.secret, claims: 0, articleIds: [], sourceIds: [] });
  }
  return out;
}

/** Grows the data set to `size` claims through the public API. */
async function ingest(server: Proc, db: Db, ds: DataSet, size: number, current: number): Promise<IngestStats> {
  const started = Date.now();
  const targets = SHARES.map((s) => Math.round(size * s));
  targets[0] = size - (targets[1] as number) - (targets[2] as number);
  const stats: IngestStats = {
    size,
    claimsAdded: 0,
    articles: { n: 0, seconds: 0 },
    claims: { n: 0, seconds: 0 },
    evidence: { n: 0, seconds: 0 },
    transitions: { n: 0, seconds: 0 },
    totalSeconds: 0,
  };
  if (size <= current) {
    stats.totalSeconds = 0;
    return stats;
  }

  // Sources, once.
  for (const ws of ds.workspaces) {
    if (ws.sourceIds.length > 0) continue;
    const ids: string[] = new Array(SOURCES_PER_WS);
    await pool(SOURCES_PER_WS, 4, async (i) => {
      ids[i] = (await call<{ id: string }>(server.url, ws.writerKey, 'POST', '/v1/sources', sourceInput(ws.index, i))).body.id;
    });
    ws.sourceIds = ids;
  }

  // Articles the new claims quote.
  let t = Date.now();
  const articleJobs: { ws: Workspace; index: number }[] = [];
  for (const ws of ds.workspaces) {
    const need = articlesFor(Math.max(targets[ws.index] as number, ws.claims));
    for (let b = ws.articleIds.length; b < need; b += 1) articleJobs.push({ ws, index: b });
  }
  let done = 0;
  let lastLog = Date.now();
  await pool(articleJobs.length, 4, async (i) => {
    const job = articleJobs[i] as { ws: Workspace; index: number };
    const res = await call<{ id: string }>(server.url, job.ws.writerKey, 'POST', '/v1/articles', articleInput(articleSpec(job.ws.index, job.index)));
    job.ws.articleIds[job.index] = res.body.id;
    done += 1;
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      const rate = done / ((Date.now() - t) / 1000);
      log(`  articles ${fmt(done)}/${fmt(articleJobs.length)} (${fmt(rate)}/s, ETA ${fmt((articleJobs.length - done) / rate)} s)`);
    }
  });
  stats.articles = { n: articleJobs.length, seconds: (Date.now() - t) / 1000 };
  log(`  ${fmt(articleJobs.length)} articles in ${fmt(stats.articles.seconds, 1)} s (${fmt(articleJobs.length / stats.articles.seconds)}/s)`);

  // Claims, in batches of 1,000, two in flight.
  const batches: { ws: Workspace; from: number; count: number }[] = [];
  for (const ws of ds.workspaces) {
    const target = targets[ws.index] as number;
    for (let from = ws.claims; from < target; from += 1000) batches.push({ ws, from, count: Math.min(1000, target - from) });
  }
  const evidenceJobs: { ws: Workspace; claimIndex: number; claimId: string; n: number }[] = [];
  const transitionIds = new Map<Workspace, string[]>();
  const totalClaims = batches.reduce((s, b) => s + b.count, 0);
  t = Date.now();
  done = 0;
  lastLog = Date.now();
  // SQLite: two in flight, so the writer always has the next batch parsed and waiting. PostgreSQL:
  // one, since batches into one workspace serialize on its audit-chain row lock anyway, and a batch
  // waiting behind another can outlive the server's 15 s transaction timeout (HTTP 500).
  await pool(batches.length, db === 'sqlite' ? 2 : 1, async (i) => {
    const batch = batches[i] as { ws: Workspace; from: number; count: number };
    const claims = [];
    for (let k = 0; k < batch.count; k += 1) claims.push(claimInput(batch.ws.index, batch.from + k, batch.ws.articleIds, ds.cache));
    const res = await call<{ data: { id: string }[] }>(server.url, batch.ws.writerKey, 'POST', '/v1/claims/batch', { claims });
    const ids = res.body.data.map((c) => c.id);
    const moves = transitionIds.get(batch.ws) ?? [];
    transitionIds.set(batch.ws, moves);
    for (let k = 0; k < ids.length; k += 1) {
      const index = batch.from + k;
      const id = ids[k] as string;
      if (index % 10 === 5) moves.push(id);
      else if (index % 50 === 7) evidenceJobs.push({ ws: batch.ws, claimIndex: index, claimId: id, n: index % 100 === 7 ? 2 : 1 });
      if (batch.ws.index === 0 && index >= 1000 && index % 10 !== 5) reservoirAdd(ds, id);
    }
    done += ids.length;
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      const rate = done / ((Date.now() - t) / 1000);
      log(`  claims ${fmt(done)}/${fmt(totalClaims)} (${fmt(rate)} claims/s, ETA ${fmt((totalClaims - done) / rate)} s)`);
    }
  });
  for (const ws of ds.workspaces) ws.claims = Math.max(ws.claims, targets[ws.index] as number);
  stats.claims = { n: totalClaims, seconds: (Date.now() - t) / 1000 };
  stats.claimsAdded = totalClaims;
  log(`  ${fmt(totalClaims)} claims in ${fmt(stats.claims.seconds, 1)} s: ${fmt(totalClaims / stats.claims.seconds)} claims/s`);

  // Evidence: sources linked to 2-3% of the claims.
  t = Date.now();
  let links = 0;
  await pool(evidenceJobs.length, 4, async (i) => {
    const job = evidenceJobs[i] as (typeof evidenceJobs)[number];
    for (let n = 0; n < job.n; n += 1) {
      await call(server.url, job.ws.writerKey, 'POST', `/v1/claims/${job.claimId}/evidence`, evidenceInput(job.ws.index, job.claimIndex, n, job.ws.sourceIds));
      links += 1;
    }
  });
  stats.evidence = { n: links, seconds: (Date.now() - t) / 1000 };
  log(`  ${fmt(links)} evidence links in ${fmt(stats.evidence.seconds, 1)} s (${fmt(links / stats.evidence.seconds)}/s)`);

  // A tenth of the claims moves to in_review (bulk transition, one audit event each), in requests
  // of 1,000 ids, the most the route takes.
  t = Date.now();
  let moved = 0;
  for (const [ws, ids] of transitionIds) {
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      await call(server.url, ws.writerKey, 'POST', '/v1/claims/bulk-transition', { claimIds: chunk, to: 'in_review' });
      moved += chunk.length;
    }
  }
  stats.transitions = { n: moved, seconds: (Date.now() - t) / 1000 };
  log(`  ${fmt(moved)} claims moved to in_review in ${fmt(stats.transitions.seconds, 1)} s (${fmt(moved / stats.transitions.seconds)}/s)`);
  stats.totalSeconds = (Date.now() - started) / 1000;
  return stats;
}

/** Walks the status-filtered list to its end with real cursors; returns a cursor whose page (limit 50) is full and near the end. */
async function cursorNearEnd(server: Proc, key: string, notes: string[]): Promise<{ cursor: string; depth: string }> {
  const deadline = Date.now() + 600_000;
  let cursor: string | null = null;
  let previous: string | null = null;
  let rows = 0;
  let pages = 0;
  const started = Date.now();
  for (;;) {
    const path = `/v1/claims?status=unverified&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res: { body: { data: unknown[]; nextCursor: string | null } } = await call(server.url, key, 'GET', path);
    pages += 1;
    const got = res.body.data.length;
    if (res.body.nextCursor === null || pages >= 20_000 || Date.now() > deadline) {
      const total = rows + got;
      const use = got >= 50 ? cursor : previous;
      if (res.body.nextCursor !== null) notes.push(`The walk to the end of the list stopped after ${fmt(pages)} pages (time bound); the "last page" is at row ${fmt(total)}.`);
      if (use === null) throw new Error('the list is too short for a last-page scenario');
      const depth = got >= 50 ? rows : rows - 200;
      log(`  walked ${fmt(pages)} pages (${fmt(total)} unverified claims) in ${fmt((Date.now() - started) / 1000, 1)} s; last page starts at row ${fmt(depth)}`);
      return { cursor: use, depth: `row ${fmt(depth)} of ${fmt(total)}` };
    }
    rows += got;
    previous = cursor;
    cursor = res.body.nextCursor;
  }
}

function scenarios(opts: Options, server: Proc, ds: DataSet, lastCursor: string): ScenarioDef[] {
  const ws0 = ds.workspaces[0] as Workspace;
  const read = { authorization: `Bearer ${ws0.readerKey}` };
  const write = { authorization: `Bearer ${ws0.writerKey}`, 'content-type': 'application/json' };
  const sample = ds.sample;
  const randomId = () => `/v1/claims/${sample[Math.floor(Math.random() * sample.length)]}`;
  const conns = opts.connections;

  // PATCH: each claim is in flight on one connection at a time, with its current version.
  // Only claims whose version is known: a PATCH cut off at the end of a run (at an earlier size
  // too) may have been applied without its answer being read, so its claim leaves the pool.
  const free: string[] = sample.filter((id) => ds.versions.has(id)).slice(0, 5000);
  let patchN = 0;
  const TAGS = ['economy', 'health', 'checked', 'viral', 'اقتصاد', 'صحة', 'متابعة'];
  const patch: LoadRequest = {
    method: 'PATCH',
    path: '/',
    headers: write,
    dynamic: () => {
      const id = free.shift() as string;
      const version = ds.versions.get(id) ?? 1;
      ds.versions.delete(id);
      patchN += 1;
      const body = JSON.stringify({ claimant: `Desk edit ${patchN % 97}`, tags: [TAGS[patchN % TAGS.length], `batch${patchN % 13}`] });
      return {
        path: `/v1/claims/${id}`,
        headers: { 'if-match': `"${version}"` },
        body,
        done: (status, text) => {
          if (status === 200) {
            ds.versions.set(id, (JSON.parse(text) as { version: number }).version);
            free.push(id);
          }
          // Anything else: the id leaves the pool (its version is no longer known).
        },
      };
    },
  };

  // Batch: fresh claims of workspace 0, 1,000 per request.
  const batch: LoadRequest = {
    method: 'POST',
    path: '/v1/claims/batch',
    headers: write,
    dynamic: () => {
      const from = ws0.claims;
      ws0.claims += 1000;
      const claims = [];
      for (let k = 0; k < 1000; k += 1) claims.push(claimInput(0, from + k, ws0.articleIds, ds.cache));
      return { path: '/v1/claims/batch', body: JSON.stringify({ claims }) };
    },
  };

  // Similar claims (issue 14): texts the data set's templates would give, not claims it holds —
  // a checker pasting a claim seen elsewhere. Arabic and English apart, each with its quantities.
  const similarTexts: Record<'ar' | 'en', string[]> = { ar: [], en: [] };
  for (let k = 0; similarTexts.ar.length < 200 || similarTexts.en.length < 200; k += 1) {
    const claim = claimInput(0, 50_000_000 + k, [], ds.cache);
    const list = similarTexts[claim.language === 'ar' ? 'ar' : 'en'];
    if (list.length < 200) list.push(claim.text);
  }
  const similarOf = (language: 'ar' | 'en') => {
    let n = 0;
    return () => `/v1/claims/similar?limit=5&text=${encodeURIComponent(similarTexts[language][(n += 1) % 200] as string)}`;
  };
  // One claim created: with the similar check (POST /v1/claims answers `similar`), and without it
  // (the same claim as a batch of one, which runs the same write path and checks nothing).
  const oneClaim = (path: '/v1/claims' | '/v1/claims/batch'): LoadRequest => ({
    method: 'POST',
    path,
    headers: write,
    dynamic: () => {
      const claim = claimInput(0, ws0.claims, ws0.articleIds, ds.cache);
      ws0.claims += 1;
      return { path, body: JSON.stringify(path === '/v1/claims' ? claim : { claims: [claim] }) };
    },
  });

  const amounts = Object.fromEntries(opts.batchAmounts.map((b) => [b.connections, b.amount]));
  return [
    { id: 'a', label: '(a) bare node:http, fixed JSON', connections: conns, request: { path: '/v1/claims/0199a3c4-0000-7000-8000-000000000001' }, target: 'http' },
    { id: "a'", label: '(a′) Express 5, fixed JSON', connections: conns, request: { path: '/v1/claims/0199a3c4-0000-7000-8000-000000000001' }, target: 'express' },
    { id: 'b', label: '(b) GET /v1/claims/:id (random)', connections: conns, request: { path: randomId, headers: read }, target: 'server' },
    { id: 'c1', label: '(c) list, status filter, first page', connections: conns, request: { path: '/v1/claims?status=unverified&limit=50', headers: read }, target: 'server' },
    { id: 'c2', label: '(c) list, status filter, last page (cursor)', connections: conns, request: { path: `/v1/claims?status=unverified&limit=50&cursor=${encodeURIComponent(lastCursor)}`, headers: read }, target: 'server' },
    { id: 'd1', label: `(d) search q=${SEARCH_WORDS.ar} (Arabic)`, connections: conns, request: { path: `/v1/claims?q=${encodeURIComponent(SEARCH_WORDS.ar)}`, headers: read }, target: 'server' },
    { id: 'd2', label: `(d) search q=${SEARCH_WORDS.en} (English)`, connections: conns, request: { path: `/v1/claims?q=${encodeURIComponent(SEARCH_WORDS.en)}`, headers: read }, target: 'server' },
    { id: 'e', label: '(e) PATCH /v1/claims/:id, If-Match (writes/s)', connections: conns, request: patch, target: 'server' },
    { id: 'g1', label: '(g) GET /v1/claims/similar, Arabic texts', connections: conns, request: { path: similarOf('ar'), headers: read }, target: 'server' },
    { id: 'g2', label: '(g) GET /v1/claims/similar, English texts', connections: conns, request: { path: similarOf('en'), headers: read }, target: 'server' },
    { id: 'h0', label: '(h) one claim without the similar check (POST /v1/claims/batch of one)', connections: conns, request: oneClaim('/v1/claims/batch'), target: 'server' },
    { id: 'h1', label: '(h) POST /v1/claims, with the similar check', connections: conns, request: oneClaim('/v1/claims'), target: 'server' },
    { id: 'f', label: '(f) POST /v1/claims/batch, 1,000 claims', connections: opts.batchAmounts.map((b) => b.connections), amounts, perRequest: 1000, request: batch, target: 'server' },
  ];
}

function urlOf(s: ScenarioDef, procs: { server: Proc; http: Proc; express: Proc }): string {
  return s.target === 'server' ? procs.server.url : s.target === 'http' ? procs.http.url : procs.express.url;
}

async function measureAll(opts: Options, defs: ScenarioDef[], procs: { server: Proc; http: Proc; express: Proc }, dsCount: () => number, dbPids: () => number[]): Promise<Measure[]> {
  const measures = new Map<string, Measure>();
  const key = (s: ScenarioDef, c: number) => `${s.id}@${c}`;
  for (const s of defs) for (const c of s.connections) measures.set(key(s, c), { scenario: s.id, connections: c, runs: [] });
  const once = async (s: ScenarioDef, c: number, seconds: number, amount?: number) => {
    const result = await runLoad({ url: urlOf(s, procs), connections: c, duration: seconds, request: s.request, ...(amount ? { amount } : {}), timeout: s.perRequest ? 120 : 30 });
    const waited = s.target === 'server' ? await settle(procs.server, dbPids) : await settle(s.target === 'http' ? procs.http : procs.express);
    if (waited > 3000) log(`    ${s.id} @${c}: the server needed ${fmt(waited / 1000, 1)} s to finish the requests left in flight`);
    return result;
  };

  // Scenarios that add claims (the batch) run after the others, so that every read and PATCH
  // figure of a size is taken on that size's data set.
  const growing = defs.filter((s) => s.amounts);
  const steady = defs.filter((s) => !s.amounts);
  for (const [label, group] of [
    ['reads and PATCH, with the baselines', steady],
    ['batch', growing],
  ] as const) {
    if (group.length === 0) continue;
    log(`  ${label}: warm-up (${opts.warmup} s per scenario)`);
    for (const s of group) for (const c of s.connections) await once(s, c, opts.warmup, s.amounts ? c : undefined);
    // Rounds: every scenario once per round, baselines first, so noise hits all of them alike.
    for (let round = 1; round <= opts.reps; round += 1) {
      const started = Date.now();
      for (const s of group) {
        for (const c of s.connections) {
          const r = await once(s, c, opts.duration, s.amounts?.[c]);
          (measures.get(key(s, c)) as Measure).runs.push(r);
          const bad = r.non2xx + r.errors + r.timeouts;
          if (bad > 0) log(`    ${s.id} @${c}: ${bad} failed requests (${JSON.stringify(r.statuses)})`);
          failedRequests += bad;
        }
      }
      log(`  ${label}: round ${round}/${opts.reps} done in ${fmt((Date.now() - started) / 1000, 1)} s (claims now ${fmt(dsCount())})`);
    }
  }
  return [...measures.values()];
}

function dirBytes(path: string): number {
  let total = 0;
  for (const name of readdirSync(path)) {
    const p = join(path, name);
    const st = statSync(p);
    total += st.isDirectory() ? dirBytes(p) : st.size;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Main

async function profileScenario(opts: Options, databaseUrl: string, workDir: string, ds: DataSet, lastCursor: string, scenario: string, connections: number, tag: string, dbPids: () => number[]): Promise<ProfileRun | undefined> {
  const dir = join(workDir, 'profiles', tag);
  mkdirSync(dir, { recursive: true });
  const server = await startServer({ databaseUrl, logDir: workDir, name: `server-profile-${tag}`, cpuProfDir: dir });
  let window: { fromUs: number; toUs: number } | undefined;
  let serverCores: number | undefined;
  let dbCores: number | undefined;
  let rps: number | undefined;
  try {
    const def = scenarios(opts, server, ds, lastCursor).find((s) => s.id === scenario);
    if (!def) return undefined;
    const amount = def.amounts ? Math.max(2, Math.round(opts.profileSeconds / 2)) : undefined;
    await runLoad({ url: server.url, connections: connections, duration: 1, request: def.request, ...(amount ? { amount: 1 } : {}) });
    await settle(server, dbPids);
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const db0 = dbPids();
    const before = { server: cpuTicksOf([server.pid]), db: cpuTicksOf(db0) };
    const r = await runLoad({ url: server.url, connections: connections, duration: opts.profileSeconds, request: def.request, ...(amount ? { amount } : {}), timeout: 120 });
    const elapsed = (Number(process.hrtime.bigint() / 1000n) - fromUs) / 1e6;
    serverCores = (cpuTicksOf([server.pid]) - before.server) / 100 / elapsed;
    dbCores = (cpuTicksOf([...new Set([...db0, ...dbPids()])]) - before.db) / 100 / elapsed;
    rps = r.rps;
    await settle(server, dbPids);
    window = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) };
  } finally {
    await server.stop();
  }
  // The main thread's profile (thread id 0); tsx's loader thread writes one of its own.
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const file = files.find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)) ?? files[0];
  if (!file || !window) return undefined;
  // Only the measured load: not the start-up, the warm-up or the shutdown.
  return {
    file: join(dir, file),
    summary: summarizeProfile(join(dir, file), 25, window),
    seconds: (window.toUs - window.fromUs) / 1e6,
    serverCores: serverCores ?? NaN,
    dbCores: dbCores ?? NaN,
    rps: rps ?? NaN,
  };
}

/** Fills `result` as it goes, so the sizes done before a failure are still reported. */
async function runDb(opts: Options, db: Db, workDir: string, pgHolder: { pg?: PgServer }, result: DbResult): Promise<DbResult> {
  let databaseUrl: string;
  if (db === 'sqlite') {
    const dir = join(workDir, 'sqlite');
    mkdirSync(dir, { recursive: true });
    databaseUrl = `file:${join(dir, 'claimtrack.db')}`;
    const Sqlite = require('better-sqlite3') as new (f: string) => { prepare(s: string): { pluck(): { get(): unknown } }; close(): void };
    const mem = new Sqlite(':memory:');
    result.version = `SQLite ${String(mem.prepare('select sqlite_version()').pluck().get())} (better-sqlite3), WAL, synchronous=FULL`;
    mem.close();
  } else if (opts.pgUrl) {
    databaseUrl = opts.pgUrl;
    result.version = `PostgreSQL at ${opts.pgUrl.replace(/\/\/[^@]*@/, '//…@')} (given with --pg-url; its settings are its own); pool 10 per process`;
  } else {
    const bin = findPgBinaries();
    if (!bin) {
      result.skipped = 'PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in PATH or /usr/lib/postgresql/*/bin; install PostgreSQL (Debian: apt-get install postgresql) to include it.';
      log(`postgres: skipped: ${result.skipped}`);
      return result;
    }
    log(`postgres: starting a throwaway server (${bin.bindir})`);
    pgHolder.pg = await startPostgres(bin);
    databaseUrl = pgHolder.pg.url;
    result.version = `${pgHolder.pg.version} (${pgSettings.map((s) => s.replace('-c ', '')).filter((s) => !s.startsWith('listen')).join(', ')}); pool 10 per process`;
  }

  const dbPids = () => {
    const pid = pgHolder.pg?.pid();
    return db === 'postgres' && pid ? childPids(pid) : [];
  };
  const ds: DataSet = { workspaces: [], sample: [], seen: 0, versions: new Map(), cache: new ArticleCache() };
  const count = () => ds.workspaces.reduce((s, w) => s + w.claims, 0);
  let lastCursor = '';
  let lastRate = NaN;
  for (const size of opts.sizes) {
    const current = count();
    if (Number.isFinite(lastRate) && size > current) {
      const est = (size - current) / lastRate;
      log(`${db} ${sizeLabel(size)}: ingesting ${fmt(size - current)} claims; at the last rate (${fmt(lastRate)} claims/s end to end) that is about ${fmt(est / 60, 1)} min, plus about ${fmt(measureSeconds(opts, lastRate) / 60, 1)} min of measurements`);
    } else log(`${db} ${sizeLabel(size)}: ingesting ${fmt(Math.max(0, size - current))} claims`);
    const server = await startServer({ databaseUrl, logDir: workDir, name: `server-${db}-${sizeLabel(size)}` });
    const http = await startBaseline('http', workDir);
    const express = await startBaseline('express', workDir);
    const sr: SizeResult = { size, claimsAtMeasure: 0, ingest: undefined as unknown as IngestStats, measures: [], memory: {}, notes: [] };
    try {
      if (ds.workspaces.length === 0) {
        ds.workspaces = await setupWorkspaces(server);
      }
      sr.ingest = await ingest(server, db, ds, size, current);
      if (sr.ingest.claimsAdded > 0) lastRate = sr.ingest.claimsAdded / sr.ingest.totalSeconds;
      sr.memory.afterIngest = server.memory();
      await settle(server, dbPids);
      const walk = await cursorNearEnd(server, (ds.workspaces[0] as Workspace).readerKey, sr.notes);
      lastCursor = walk.cursor;
      sr.lastPageDepth = walk.depth;
      sr.claimsAtMeasure = count();
      const defs = scenarios(opts, server, ds, lastCursor);
      log(`${db} ${sizeLabel(size)}: measuring ${defs.length} scenarios × connections, ${opts.reps} rounds of ${opts.duration} s`);
      sr.measures = await measureAll(opts, defs, { server, http, express }, count, dbPids);
      sr.memory.end = server.memory();
      sr.memory.baselineHttp = http.memory();
      sr.memory.baselineExpress = express.memory();
      if (db === 'sqlite') sr.dbBytes = dirBytes(join(workDir, 'sqlite'));
      else if (pgHolder.pg) sr.dbBytes = dirBytes(join(pgHolder.pg.dir, 'data'));
    } finally {
      await Promise.all([server.stop(), http.stop(), express.stop()]);
    }
    result.sizes.push(sr);
    log(`${db} ${sizeLabel(size)}: done; server peak RSS ${fmt((sr.memory.end?.peakKiB ?? NaN) / 1024)} MiB, RSS at the end ${fmt((sr.memory.end?.rssKiB ?? NaN) / 1024)} MiB`);
  }

  if (opts.profile && result.sizes.length > 0) {
    const missed = checkTargets(result).filter((t) => t.met === false && t.profile);
    const done = new Set<string>();
    for (const t of missed) {
      const p = t.profile as { scenario: string; connections: number };
      const k = `${p.scenario}@${p.connections}`;
      if (done.has(k)) continue;
      done.add(k);
      log(`${db}: profiling ${p.scenario} @${p.connections} (missed: ${t.text})`);
      try {
        const prof = await profileScenario(opts, databaseUrl, workDir, ds, lastCursor, p.scenario, p.connections, `${db}-${p.scenario}-${p.connections}`, dbPids);
        if (prof) result.profiles.push({ target: t.text, scenario: p.scenario, connections: p.connections, run: prof, markdown: profileMarkdown(prof.summary) });
      } catch (error) {
        log(`  profile failed: ${String(error)}`);
      }
    }
  }
  return result;
}

/** Rough length of a size's measurements, for the estimate printed before it. */
function measureSeconds(opts: Options, claimsPerSecond: number): number {
  const runs = 8 * opts.connections.length; // (a), (a′), b, c1, c2, d1, d2, e
  const settleSeconds = 0.6;
  const batches = opts.batchAmounts.reduce((sum, b) => sum + b.amount * opts.reps + b.connections, 0);
  return runs * (opts.reps * (opts.duration + settleSeconds) + opts.warmup + settleSeconds) + (batches * 1000) / claimsPerSecond + 20;
}

function machineInfo(): Record<string, string> {
  const cpu = cpus();
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain -- src prisma package.json', { cwd: ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ` (with uncommitted changes in ${dirty.split('\n').length} files of src/, prisma/ or package.json: ${execSync('git diff HEAD -- src prisma package.json | git hash-object --stdin', { cwd: ROOT, encoding: 'utf8' }).trim().slice(0, 10)})`;
  } catch {
    // not a git checkout
  }
  return {
    CPU: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length} cores`,
    memory: `${fmt(totalmem() / 2 ** 30, 1)} GiB`,
    OS: `Linux ${release()}`,
    Node: process.version,
    autocannon: (require('autocannon/package.json') as { version: string }).version,
    commit,
  };
}

/** Measured requests that failed (non-2xx, errors, timeouts), over the whole run. */
let failedRequests = 0;

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync('/tmp/claimtrack-bench.');
  const pgHolder: { pg?: PgServer } = {};
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    killAllChildren();
    try {
      pgHolder.pg?.stop();
    } catch {
      // best effort
    }
    if (!opts.keep) rmSync(workDir, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      log(`${sig}: stopping the servers and removing ${workDir}`);
      cleanup();
      process.exit(130);
    });
  }
  log(`claimtrack bench: sizes ${opts.sizes.map(sizeLabel).join(' → ')}, databases ${opts.dbs.join(', ')}, ${opts.reps} × ${opts.duration} s per measurement (warm-up ${opts.warmup} s), connections ${opts.connections.join(' and ')}; work folder ${workDir}`);
  const results: DbResult[] = [];
  // The commit is read at the start: the server is started from the working tree for each size.
  const machine = machineInfo();
  try {
    for (const db of opts.dbs) {
      const result: DbResult = { db, version: '', sizes: [], profiles: [] };
      results.push(result);
      try {
        await runDb(opts, db, workDir, pgHolder, result);
      } catch (error) {
        log(`${db}: FAILED: ${error instanceof Error ? error.stack : String(error)}`);
        result.failed = error instanceof Error ? error.message : String(error);
      } finally {
        pgHolder.pg?.stop();
        pgHolder.pg = undefined;
      }
    }
    const wall = (Date.now() - t0) / 1000;
    const after = machineInfo().commit;
    if (after !== machine.commit) machine.commit += ` — **the working tree changed during the run** (now ${after}): sizes may have measured different code`;
    const markdown = renderReport({ opts, results, machine, wallSeconds: wall, date: new Date() });
    mkdirSync(opts.out, { recursive: true });
    const day = new Date().toISOString().slice(0, 10);
    const name = `${day}-${opts.dbs.join('-')}-${opts.sizes.map(sizeLabel).join('-')}${opts.quick ? '-quick' : ''}.md`;
    writeFileSync(join(opts.out, name), markdown);
    writeFileSync(join(opts.out, 'latest.md'), markdown);
    process.stdout.write(`\n${markdown}\n`);
    log(`results: ${join(opts.out, name)} and ${join(opts.out, 'latest.md')} (${fmt(wall, 0)} s)`);
    if (opts.keep) log(`kept: ${workDir}`);
    const failed = results.filter((r) => r.failed);
    if (failed.length > 0) process.exitCode = 1;
    if (opts.strict && failedRequests > 0) {
      log(`strict: ${fmt(failedRequests)} measured requests failed`);
      process.exitCode = 1;
    }
  } finally {
    cleanup();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    killAllChildren();
    process.exit(1);
  });
}
