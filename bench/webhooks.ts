/**
 * The webhooks and changes-feed benchmark (issue 13): `npm run bench:webhooks [-- options]`.
 *
 * On SQLite (one API process) and on PostgreSQL (two API processes over one database) it measures
 * (1) commit → delivery latency at a steady write rate to a local receiver, (2) deliveries/s while
 * the dispatcher works through a backlog, and (3) how soon 100 waiting long polls of
 * `GET /v1/changes?wait=` answer after a commit (on PostgreSQL: written in one process, waited on
 * in the other). Each figure has a baseline measured in the same run: a bare HTTP POST loop to
 * the same receiver, and a bare node:http long poll woken by an in-process EventEmitter. Only
 * 127.0.0.1 is used; every loop is bounded in count and time.
 */
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { percentile } from './lib/load';
import { fmt } from './lib/model';
import { findPgBinaries, startPostgres, type PgServer } from './lib/pg';
import { BOOTSTRAP_KEY, freePort, killAllChildren, ROOT, startProcess, startServer, type Proc } from './lib/procs';

interface Options {
  dbs: ('sqlite' | 'postgres')[];
  rate: number;
  seconds: number;
  subscriptions: number;
  backlogClaims: number;
  waiters: number;
  rounds: number;
  /** The latency measurement runs once per count: writes spread over this many workspaces. */
  workspaces: number[];
  out: string;
  /** Write the API processes' CPU profiles (`node --cpu-prof`) here. */
  profile?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { dbs: ['sqlite', 'postgres'], rate: 200, seconds: 10, subscriptions: 10, backlogClaims: 2000, waiters: 100, rounds: 20, workspaces: [1, 4], out: join(ROOT, 'bench', 'results') };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[(i += 1)];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--db') opts.dbs = value().split(',') as Options['dbs'];
    else if (arg === '--rate') opts.rate = Number(value());
    else if (arg === '--seconds') opts.seconds = Number(value());
    else if (arg === '--subscriptions') opts.subscriptions = Number(value());
    else if (arg === '--backlog-claims') opts.backlogClaims = Number(value());
    else if (arg === '--waiters') opts.waiters = Number(value());
    else if (arg === '--rounds') opts.rounds = Number(value());
    else if (arg === '--workspaces') opts.workspaces = value().split(',').map(Number);
    else if (arg === '--out') opts.out = value();
    else if (arg === '--profile') opts.profile = value();
    else if (arg === '--help') {
      process.stdout.write(
        'npm run bench:webhooks -- [--db sqlite,postgres] [--rate 200] [--seconds 10] [--subscriptions 10] [--backlog-claims 2000] [--waiters 100] [--rounds 20] [--workspaces 1,4] [--out bench/results] [--profile DIR]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return opts;
}

const t0 = Date.now();
const loadAtStart = loadavg();
const log = (message: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 1000 });

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function send(url: string, method: string, headers: Record<string, string>, body?: string, timeoutMs = 60_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      url,
      { method, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

async function api<T>(base: string, key: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(base + path, method, { authorization: `Bearer ${key}` }, body === undefined ? undefined : JSON.stringify(body));
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  return (res.text ? JSON.parse(res.text) : undefined) as T;
}

/** A workspace of its own per measurement, so that one's subscriptions do not see another's writes. */
async function newWorkspace(base: string, name: string): Promise<string> {
  const created = await api<{ apiKey: { secret: string } }>(base, BOOTSTRAP_KEY, 'POST', '/v1/workspaces', { name });
  return created.apiKey.secret;
}

let claimCounter = 0;
/** The write of the latency and wake-up measurements: `POST /v1/claims`, one claim.create event. */
function claimBody(): string {
  claimCounter += 1;
  return JSON.stringify({ text: `Bench claim ${claimCounter}: inflation reached ${claimCounter % 40} percent last year`, language: 'en', claimant: 'A minister' });
}

// ---------------------------------------------------------------------------------------------
// The receiver

type ReceiverRecord = [receivedAt: number, webhookId: string, path: string, eventAt: number, entityId: string, bytes: number];

async function receiverRecords(receiver: Proc, from = 0): Promise<ReceiverRecord[]> {
  const res = await send(`${receiver.url}/records?from=${from}`, 'GET', {});
  return JSON.parse(res.text) as ReceiverRecord[];
}

/** The records whose path is `path`, once there are `count` of them (or the time is up). */
async function waitForRecords(receiver: Proc, path: string, count: number, timeoutMs: number): Promise<ReceiverRecord[]> {
  const deadline = Date.now() + timeoutMs;
  const mine: ReceiverRecord[] = [];
  let seen = 0;
  for (;;) {
    const fresh = await receiverRecords(receiver, seen);
    seen += fresh.length;
    for (const record of fresh) if (record[2] === path) mine.push(record);
    if (mine.length >= count || Date.now() > deadline) return mine;
    await sleep(200);
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Spread {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function spread(values: number[]): Spread {
  const sorted = Float64Array.from(values).sort();
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.length ? (sorted[sorted.length - 1] as number) : NaN };
}

interface LatencyResult {
  workspaces: number;
  writesSent: number;
  writesOk: number;
  writeFailures: string[];
  achievedRate: number;
  writeLatency: Spread;
  delivered: number;
  duplicates: number;
  missing: number;
  latency: Spread;
}

interface ThroughputResult {
  queued: number;
  delivered: number;
  duplicates: number;
  /** From the first delivery to the last. */
  drainSeconds: number;
  perSecond: number;
  /** From the first batch's request to the last delivery (includes writing the backlog). */
  endToEndSeconds: number;
  baselinePerSecond: number;
  baselineConcurrency: number;
  bodyBytes: number;
}

interface WakeResult {
  label: string;
  rounds: number;
  waiters: number;
  woken: number;
  notWoken: number;
  latency: Spread;
}

interface DbRun {
  db: 'sqlite' | 'postgres';
  version: string;
  processes: number;
  latency: LatencyResult[];
  throughput?: ThroughputResult;
  wake: WakeResult[];
  baselineWake?: WakeResult;
  failed?: string;
}

// ---------------------------------------------------------------------------------------------
// (1) commit → delivery latency at a steady rate

async function measureLatency(opts: Options, servers: Proc[], receiver: Proc, workspaces: number): Promise<LatencyResult> {
  const path = `/hook/latency-${Date.now()}`;
  const keys: string[] = [];
  for (let w = 0; w < workspaces; w += 1) {
    const key = await newWorkspace(servers[0]!.url, `Bench latency desk ${w + 1}`);
    await api(servers[0]!.url, key, 'POST', '/v1/webhooks', { url: `${receiver.url}${path}`, events: ['*'] });
    keys.push(key);
  }
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  log(`latency: ${fmt(total)} writes (POST /v1/claims) at ${opts.rate}/s in ${workspaces} workspace(s), over ${servers.length} process(es)`);
  const created = new Set<string>();
  const failures: string[] = [];
  const writeTimes: number[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const server = servers[i % servers.length]!;
    const key = keys[Math.floor(i / servers.length) % keys.length]!;
    const sent = performance.now();
    inFlight.push(
      send(`${server.url}/v1/claims`, 'POST', { authorization: `Bearer ${key}` }, claimBody())
        .then((res) => {
          writeTimes.push(performance.now() - sent);
          if (res.status === 201) created.add((JSON.parse(res.text) as { id: string }).id);
          else failures.push(`HTTP ${res.status}`);
        })
        .catch((error: unknown) => void failures.push(error instanceof Error ? error.message : String(error))),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  const records = await waitForRecords(receiver, path, created.size, 60_000);
  const byId = new Map<string, ReceiverRecord>();
  let duplicates = 0;
  for (const record of records) {
    if (byId.has(record[1])) duplicates += 1;
    else byId.set(record[1], record);
  }
  const deliveredEntities = new Set([...byId.values()].map((r) => r[4]));
  const missing = [...created].filter((id) => !deliveredEntities.has(id)).length;
  return {
    workspaces,
    writesSent: total,
    writesOk: created.size,
    writeFailures: failures.slice(0, 5),
    achievedRate: total / elapsed,
    writeLatency: spread(writeTimes),
    delivered: byId.size,
    duplicates,
    missing,
    latency: spread([...byId.values()].map((r) => r[0] - r[3])),
  };
}

// ---------------------------------------------------------------------------------------------
// (2) deliveries/s with a backlog, and the bare POST loop

async function measureThroughput(opts: Options, servers: Proc[], receiver: Proc): Promise<ThroughputResult> {
  const key = await newWorkspace(servers[0]!.url, 'Bench throughput desk');
  const path = `/hook/backlog-${Date.now()}`;
  for (let s = 0; s < opts.subscriptions; s += 1) await api(servers[0]!.url, key, 'POST', '/v1/webhooks', { url: `${receiver.url}${path}`, events: ['claim.create'] });
  const batches = Math.ceil(opts.backlogClaims / 1000);
  const queued = batches * 1000 * opts.subscriptions;
  log(`throughput: ${batches} × POST /v1/claims/batch of 1,000 claims to ${opts.subscriptions} subscriptions: ${fmt(queued)} deliveries`);
  const started = Date.now();
  for (let b = 0; b < batches; b += 1) {
    const claims = Array.from({ length: 1000 }, (_, i) => ({ text: `Backlog claim ${b}-${i}: unemployment fell to ${(i % 90) / 10} percent`, language: 'en' }));
    await api(servers[b % servers.length]!.url, key, 'POST', '/v1/claims/batch', { claims });
  }
  const records = await waitForRecords(receiver, path, queued, 300_000);
  const ids = new Set(records.map((r) => r[1]));
  const first = Math.min(...records.map((r) => r[0]));
  const last = Math.max(...records.map((r) => r[0]));
  const bodyBytes = Math.round(records.reduce((s, r) => s + r[5], 0) / Math.max(1, records.length));

  // The baseline: the same receiver, the same body size, as many POSTs at once as the dispatcher sends (64).
  const concurrency = 64;
  const body = JSON.stringify({ type: 'claim.create', timestamp: new Date().toISOString(), data: { pad: 'x'.repeat(Math.max(0, bodyBytes - 80)) } });
  const basePath = `/baseline-${Date.now()}`;
  const n = queued;
  let next = 0;
  const baseStart = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next += 1;
        await send(`${receiver.url}${basePath}`, 'POST', { 'webhook-id': `b${next}` }, body);
      }
    }),
  );
  const baselinePerSecond = n / ((performance.now() - baseStart) / 1000);
  const drainSeconds = (last - first) / 1000;
  return {
    queued,
    delivered: ids.size,
    duplicates: records.length - ids.size,
    drainSeconds,
    perSecond: (ids.size - 1) / drainSeconds,
    endToEndSeconds: (last - started) / 1000,
    baselinePerSecond,
    baselineConcurrency: concurrency,
    bodyBytes,
  };
}

// ---------------------------------------------------------------------------------------------
// (3) long-poll wake-up

/** Waits until `count` long polls wait, read from the server's gauge (or the baseline's count). */
async function untilWaiting(readCount: () => Promise<number>, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await readCount()) >= count) return;
    await sleep(20);
  }
  throw new Error(`fewer than ${count} long polls waiting after 10 s`);
}

async function gauge(server: Proc): Promise<number> {
  const res = await send(`${server.url}/metrics`, 'GET', {});
  const line = /^claimtrack_changes_waiting (\d+)/m.exec(res.text);
  return line ? Number(line[1]) : 0;
}

async function wakeRounds(
  label: string,
  opts: Options,
  poll: () => Promise<Answer>,
  waiting: () => Promise<number>,
  change: () => Promise<void>,
): Promise<WakeResult> {
  const latencies: number[] = [];
  let notWoken = 0;
  for (let round = 0; round < opts.rounds; round += 1) {
    const polls = Array.from({ length: opts.waiters }, () =>
      poll().then(
        (res) => ({ res, at: Date.now() }),
        () => undefined,
      ),
    );
    await untilWaiting(waiting, opts.waiters);
    await change();
    for (const answer of await Promise.all(polls)) {
      const data = answer ? (JSON.parse(answer.res.text) as { data: { at: string }[] }).data : [];
      if (!answer || data.length === 0) notWoken += 1;
      else latencies.push(answer.at - Date.parse(data[0]!.at));
    }
    await sleep(50);
  }
  return { label, rounds: opts.rounds, waiters: opts.waiters, woken: latencies.length, notWoken, latency: spread(latencies) };
}

async function measureWake(label: string, opts: Options, writer: Proc, waiter: Proc): Promise<WakeResult> {
  const key = await newWorkspace(writer.url, `Bench wake desk ${label}`);
  log(`wake (${label}): ${opts.rounds} rounds of ${opts.waiters} long polls`);
  let head = (await api<{ lastSeq: number }>(waiter.url, key, 'GET', '/v1/changes?limit=1')).lastSeq;
  return wakeRounds(
    label,
    opts,
    () => send(`${waiter.url}/v1/changes?after=${head}&limit=1&wait=30`, 'GET', { authorization: `Bearer ${key}` }, undefined, 40_000),
    () => gauge(waiter),
    async () => {
      const created = await send(`${writer.url}/v1/claims`, 'POST', { authorization: `Bearer ${key}` }, claimBody());
      if (created.status !== 201) throw new Error(`POST /v1/claims: HTTP ${created.status}`);
      head = (await api<{ lastSeq: number }>(writer.url, key, 'GET', '/v1/changes?limit=1')).lastSeq;
    },
  );
}

async function measureBaselineWake(opts: Options, baseline: Proc): Promise<WakeResult> {
  log(`wake (baseline): ${opts.rounds} rounds of ${opts.waiters} long polls on node:http + EventEmitter`);
  return wakeRounds(
    'node:http + EventEmitter (baseline)',
    opts,
    () => send(`${baseline.url}/wait`, 'GET', {}, undefined, 40_000),
    async () => Number((await send(`${baseline.url}/waiting`, 'GET', {})).text),
    async () => void (await send(`${baseline.url}/emit`, 'POST', {}, '')),
  );
}

// ---------------------------------------------------------------------------------------------
// One database

async function startHelpers(logDir: string): Promise<{ receiver: Proc; longPoll: Proc }> {
  const [receiverPort, longPollPort] = [await freePort(), await freePort()];
  const receiver = await startProcess({
    name: 'webhook-receiver',
    args: [join(ROOT, 'bench', 'baselines', 'webhook-receiver.mjs')],
    port: receiverPort,
    readyPath: '/ready',
    logDir,
    env: { PATH: process.env.PATH ?? '', PORT: String(receiverPort) },
  });
  const longPoll = await startProcess({
    name: 'long-poll-baseline',
    args: [join(ROOT, 'bench', 'baselines', 'long-poll.mjs')],
    port: longPollPort,
    readyPath: '/ready',
    logDir,
    env: { PATH: process.env.PATH ?? '', PORT: String(longPollPort) },
  });
  return { receiver, longPoll };
}

const SERVER_ENV = { WEBHOOK_ALLOW_PRIVATE: 'true' };

async function runDb(opts: Options, db: 'sqlite' | 'postgres', workDir: string, pgHolder: { pg?: PgServer }): Promise<DbRun> {
  const run: DbRun = { db, version: '', processes: db === 'sqlite' ? 1 : 2, wake: [], latency: [] };
  const logDir = join(workDir, db);
  mkdirSync(logDir, { recursive: true });
  let databaseUrl: string;
  if (db === 'sqlite') {
    databaseUrl = `file:${join(logDir, 'claimtrack.db')}`;
    run.version = 'SQLite (better-sqlite3), WAL, synchronous=FULL; one API process';
  } else {
    const bin = findPgBinaries();
    if (!bin) {
      run.failed = 'PostgreSQL binaries not found (scripts/pg-bin.sh): skipped';
      return run;
    }
    pgHolder.pg = await startPostgres(bin);
    databaseUrl = pgHolder.pg.url;
    run.version = `${pgHolder.pg.version} (fsync and synchronous_commit on); two API processes, pool 10 each`;
  }
  const { receiver, longPoll } = await startHelpers(logDir);
  const servers: Proc[] = [];
  try {
    log(`${db}: starting ${run.processes} API process(es)`);
    // One after the other: the first applies the migrations.
    for (let i = 0; i < run.processes; i += 1) servers.push(await startServer({ databaseUrl, logDir, name: `${db}-api-${i + 1}`, env: SERVER_ENV, cpuProfDir: opts.profile }));
    run.baselineWake = await measureBaselineWake(opts, longPoll);
    if (db === 'sqlite') run.wake.push(await measureWake('one process', opts, servers[0]!, servers[0]!));
    else {
      run.wake.push(await measureWake('written in process 1, waited on in process 2', opts, servers[0]!, servers[1]!));
      run.wake.push(await measureWake('the same process', opts, servers[0]!, servers[0]!));
    }
    for (const workspaces of opts.workspaces) {
      run.latency.push(await measureLatency(opts, servers, receiver, workspaces));
      await sleep(2000);
    }
    run.throughput = await measureThroughput(opts, servers, receiver);
  } catch (error) {
    run.failed = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${db}: FAILED: ${run.failed}`);
  } finally {
    await Promise.all([...servers, receiver, longPoll].map((p) => p.stop(10_000)));
    pgHolder.pg?.stop();
    pgHolder.pg = undefined;
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// The report

const ms = (n: number) => `${fmt(n, n < 10 ? 1 : 0)} ms`;
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

function render(opts: Options, runs: DbRun[], commit: string): string {
  const out: string[] = [];
  out.push(`# Webhooks and the changes feed: ${new Date().toISOString().slice(0, 10)}`, '');
  out.push(
    `Commit ${commit}; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30)} GiB; Node ${process.version}. ` +
      `The harness, the receiver, the API process(es) and PostgreSQL share the machine (\`npm run bench:webhooks\`, ${fmt((Date.now() - t0) / 1000)} s). ` +
      `Load average (1, 5, 15 min) at the start ${loadAtStart.map((n) => n.toFixed(1)).join(', ')}, at the end ${loadavg().map((n) => n.toFixed(1)).join(', ')}: other work on the machine shares its 2 cores too. ` +
      `Options: ${opts.rate} writes/s for ${opts.seconds} s; a backlog of ${fmt(opts.backlogClaims)} claims × ${opts.subscriptions} subscriptions; ${opts.waiters} long polls × ${opts.rounds} rounds.`,
    '',
  );
  out.push('## Targets (issue 13)', '');
  out.push('| target | ' + runs.map((r) => r.db).join(' | ') + ' |');
  out.push('| --- | ' + runs.map(() => '---').join(' | ') + ' |');
  const cell = (r: DbRun, f: (r: DbRun) => string | undefined) => (r.failed && !f(r) ? `failed: ${r.failed.split('\n')[0]}` : (f(r) ?? '–'));
  for (const workspaces of opts.workspaces) {
    out.push(
      `| commit → delivery p95 ≤ 1 s at ${opts.rate} events/s (${workspaces} workspace${workspaces > 1 ? 's' : ''}) | ` +
        runs
          .map((r) =>
            cell(r, (x) => {
              const l = x.latency.find((y) => y.workspaces === workspaces);
              if (!l) return undefined;
              const rate = l.achievedRate < opts.rate * 0.95 ? `; but only ${fmt(l.achievedRate)} events/s were written, see below` : '';
              return `${ms(l.latency.p95)} (${mark(l.latency.p95 <= 1000 && !rate)}${rate})`;
            }),
          )
          .join(' | ') +
        ' |',
    );
  }
  out.push('| ≥ 1,000 deliveries/s with a backlog | ' + runs.map((r) => cell(r, (x) => (x.throughput ? `${fmt(x.throughput.perSecond)}/s (${mark(x.throughput.perSecond >= 1000)})` : undefined))).join(' | ') + ' |');
  out.push(
    `| long-poll wake p95, ${opts.waiters} waiting (≤ 100 ms SQLite, ≤ 500 ms across PostgreSQL processes) | ` +
      runs
        .map((r) =>
          cell(r, (x) => {
            const w = x.wake[0];
            if (!w) return undefined;
            return `${ms(w.latency.p95)} (${mark(w.latency.p95 <= (x.db === 'sqlite' ? 100 : 500))}; ${w.label})`;
          }),
        )
        .join(' | ') +
      ' |',
  );
  out.push('');
  for (const r of runs) {
    out.push(`## ${r.db}`, '', r.version, '');
    if (r.failed) out.push('**Failed:**', '', '```', r.failed, '```', '');
    for (const l of r.latency) {
      out.push(`### Commit → delivery latency, ${l.workspaces} workspace${l.workspaces > 1 ? 's' : ''}`, '');
      out.push(
        `${fmt(l.writesSent)} \`POST /v1/claims\` sent at ${opts.rate}/s (open loop${r.processes > 1 ? ', alternating between the processes' : ''}; all sent ${fmt(l.achievedRate)}/s, counted until the last answer) in ${l.workspaces} workspace(s), each with one subscription to \`*\`; ` +
          `${fmt(l.writesOk)} acknowledged${l.writeFailures.length ? ` (failures: ${l.writeFailures.join('; ')})` : ''}, ${fmt(l.delivered)} delivered, ${fmt(l.missing)} missing, ${fmt(l.duplicates)} delivered twice. ` +
          "Latency is the receiver's arrival time minus the event's `timestamp` (the audit event's `at`, taken in the write's transaction once it holds the workspace's audit chain, just before the commit).",
        '',
      );
      out.push('| | n | p50 | p95 | p99 | max |', '| --- | --- | --- | --- | --- | --- |');
      out.push(`| commit → delivery | ${fmt(l.latency.n)} | ${ms(l.latency.p50)} | ${ms(l.latency.p95)} | ${ms(l.latency.p99)} | ${ms(l.latency.max)} |`);
      out.push(`| the write itself (request → 201) | ${fmt(l.writeLatency.n)} | ${ms(l.writeLatency.p50)} | ${ms(l.writeLatency.p95)} | ${ms(l.writeLatency.p99)} | ${ms(l.writeLatency.max)} |`, '');
    }
    if (r.throughput) {
      const t = r.throughput;
      out.push('### Deliveries/s with a backlog', '');
      out.push(
        `${fmt(t.queued)} deliveries queued by ${fmt(t.queued / opts.subscriptions / 1000)} claim batches of 1,000 to ${opts.subscriptions} subscriptions (bodies of about ${fmt(t.bodyBytes)} bytes); ` +
          `${fmt(t.delivered)} delivered, ${fmt(t.duplicates)} twice. Drained in ${fmt(t.drainSeconds, 1)} s from the first delivery to the last (${fmt(t.endToEndSeconds, 1)} s from the first batch's request).`,
        '',
      );
      out.push('| | deliveries/s | ratio |', '| --- | --- | --- |');
      out.push(`| baseline: a bare POST loop, ${t.baselineConcurrency} at once, keep-alive, to the same receiver | ${fmt(t.baselinePerSecond)} | 1 |`);
      out.push(`| claimtrack's dispatcher${r.processes > 1 ? 's (both processes)' : ''} | ${fmt(t.perSecond)} | ${fmt(t.perSecond / t.baselinePerSecond, 2)} × |`, '');
    }
    if (r.wake.length) {
      out.push('### Long-poll wake-up', '');
      out.push(
        `${opts.waiters} clients wait on \`GET /v1/changes?after=<head>&wait=30\`; once all wait (the \`claimtrack_changes_waiting\` gauge), one \`POST /v1/claims\` commits. ` +
          'Latency: when each client has its answer minus the change\'s `at`. The baseline answers with the time of its emit.',
        '',
      );
      out.push('| | answers | not woken | p50 | p95 | p99 | max | p95 ratio |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
      const base = r.baselineWake;
      for (const w of [...(base ? [base] : []), ...r.wake]) {
        const ratio = base && base.latency.p95 > 0 ? `${fmt(w.latency.p95 / base.latency.p95, 1)} ×` : '–';
        out.push(`| ${w.label} | ${fmt(w.woken)} | ${fmt(w.notWoken)} | ${ms(w.latency.p50)} | ${ms(w.latency.p95)} | ${ms(w.latency.p99)} | ${ms(w.latency.max)} | ${ratio} |`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync('/tmp/claimtrack-bench-webhooks.');
  const pgHolder: { pg?: PgServer } = {};
  const cleanup = () => {
    killAllChildren();
    try {
      pgHolder.pg?.stop();
    } catch {
      // best effort
    }
    rmSync(workDir, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      cleanup();
      process.exit(130);
    });
  }
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
    if (execSync('git status --porcelain -- src', { cwd: ROOT, encoding: 'utf8' }).trim()) commit += ' (with uncommitted changes in src/)';
  } catch {
    // not a checkout
  }
  const runs: DbRun[] = [];
  try {
    for (const db of opts.dbs) runs.push(await runDb(opts, db, workDir, pgHolder));
    const markdown = render(opts, runs, commit);
    mkdirSync(opts.out, { recursive: true });
    const file = join(opts.out, `${new Date().toISOString().slice(0, 10)}-webhooks.md`);
    writeFileSync(file, `${markdown}\n`);
    process.stdout.write(`\n${markdown}\n`);
    log(`results: ${file}`);
    if (runs.some((r) => r.failed)) process.exitCode = 1;
  } finally {
    cleanup();
    agent.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  killAllChildren();
  process.exit(1);
});
