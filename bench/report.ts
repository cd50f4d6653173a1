/**
 * The audit report at scale (issue 12): `npm run bench:report -- --events 100k --db sqlite,postgres`.
 *
 * Fills a workspace's trail with claim workflows (create, evidence, review, propose, publish, a
 * tenth reopened and corrected) by direct, chained inserts, with times spread over a year, settles
 * PostgreSQL (`settleAfterLoad`), then times GET /v1/reports/audit through the real app: JSON for
 * the default 30 days, for the whole year and for a past end (claims rebuilt from the trail), HTML
 * and PDF. Writes bench/results/<date>-report.md.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { uuidv7 } from '../src/db/ids';
import { placeholders } from '../src/db/sql';
import { createLogger } from '../src/logger';
import { findFirstWorkspace } from '../src/modules/workspaces/workspaces.service';
import { prepareDatabase } from '../src/server';
import { storedBatchFrom } from '../src/modules/audit/audit.repository';
import { verifyChain } from '../src/modules/audit/audit.service';
import { CHAIN_THREADS } from '../src/modules/audit/chain-check';
import { auditJsonParam, hashAuditEvent, type AuditEventContent } from '../src/write-path/audit-chain';
import { ArticleCache, claimInput } from './lib/generator';
import { findPgBinaries, settleAfterLoad, startPostgres } from './lib/pg';
import { ROOT } from './lib/procs';

const KEY = `ct_bench_${'k'.repeat(40)}`;
const DAY = 86_400_000;

function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`bad count ${text}`);
  return Math.round(Number(m[1]) * ({ k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[m[2] as string] ?? 1));
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const sizes = option('--events', '100k').split(',').map(parseCount);
const dbs = option('--db', 'sqlite,postgres').split(',');
const reps = Number(option('--reps', '3'));

interface Row {
  content: AuditEventContent;
  id: string;
  hash: string;
}

const COLUMNS = ['id', 'workspaceId', 'seq', 'at', 'actorKeyId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'prevHash', 'hash'];
// As the write path stores them (src/write-path/audit-log.ts): canonical text in `json` columns.
const VALUES = `(${placeholders(10)}, ?::json, ?::json, ?, ?, ?)`;

/** Fills the first workspace's trail up to `events` events; answers how many claims it made. */
async function fill(db: Awaited<ReturnType<typeof prepareDatabase>>, workspaceId: string, events: number): Promise<number> {
  const [head] = await db.sql.all<{ auditSeq: number; auditHeadHash: string }>('SELECT "auditSeq", "auditHeadHash" FROM "Workspace" WHERE "id" = ?', [workspaceId]);
  let seq = Number(head?.auditSeq);
  let prevHash = head?.auditHeadHash ?? '';
  const keys = ['checker-1', 'checker-2', 'editor-1', 'editor-2'].map((name) => ({ keyId: uuidv7(), name, role: name.startsWith('editor') ? 'editor' : 'checker' }));
  const start = Date.now() - 365 * DAY;
  const cache = new ArticleCache();
  let pending: Row[] = [];
  let claimRows: unknown[][] = [];
  const flush = async () => {
    const rows = pending;
    const claimsNow = claimRows;
    pending = [];
    claimRows = [];
    await db.write(async (_tx, sql) => {
      for (let i = 0; i < rows.length; i += 500) {
        const slice = rows.slice(i, i + 500);
        await sql.run(
          `INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${slice.map(() => VALUES).join(', ')}`,
          slice.flatMap(({ content: c, id, hash }) => [id, c.workspaceId, c.seq, new Date(c.at), c.actor.keyId, c.actor.name, c.actor.role, c.action, c.entityType, c.entityId, auditJsonParam(c.before), auditJsonParam(c.after), c.requestId, c.prevHash, hash]),
        );
      }
      for (let i = 0; i < claimsNow.length; i += 500) {
        const slice = claimsNow.slice(i, i + 500);
        await sql.run(
          `INSERT INTO "Claim" ("id", "workspaceId", "text", "searchText", "language", "status", "verdict", "version", "createdAt", "updatedAt") VALUES ${slice.map(() => `(${placeholders(10)})`).join(', ')}`,
          slice.flat(),
        );
      }
      await sql.run('UPDATE "Workspace" SET "auditSeq" = ?, "auditHeadHash" = ? WHERE "id" = ?', [seq, prevHash, workspaceId]);
    });
  };
  const add = (at: number, actor: (typeof keys)[number], action: string, entityType: string, entityId: string, before: unknown, after: unknown) => {
    seq += 1;
    const content: AuditEventContent = { workspaceId, seq, at: new Date(at).toISOString(), actor, action, entityType, entityId, before, after, requestId: `bench-${seq}`, prevHash };
    const hash = hashAuditEvent(content);
    pending.push({ content, id: uuidv7(), hash });
    prevHash = hash;
  };
  let claims = 0;
  const perClaim = 365 * DAY / (events / 8);
  const ratings = ['true', 'mostly_true', 'mixed', 'mostly_false', 'false', 'misleading'];
  while (seq < events) {
    const i = claims;
    claims += 1;
    const input = claimInput(0, i, [], cache);
    const created = start + i * perClaim;
    const id = uuidv7();
    const checker = keys[i % 2] as (typeof keys)[number];
    const editor = keys[2 + (i % 2)] as (typeof keys)[number];
    const view = (status: string, verdict: string | null, version: number, at: number) => ({
      id, articleId: null, text: input.text, language: input.language, claimant: input.claimant ?? null, claimDate: input.claimDate ? `${input.claimDate}T00:00:00.000Z` : null,
      quote: null, quantities: input.quantities ?? [], status, verdict, version, createdAt: new Date(created).toISOString(), updatedAt: new Date(at).toISOString(), tags: input.tags ?? [],
    });
    const hour = (h: number) => created + h * 3_600_000;
    const rating = ratings[i % ratings.length] as string;
    add(created, checker, 'claim.create', 'claim', id, null, view('unverified', null, 1, created));
    const fate = i % 10;
    let status = 'unverified';
    let verdict: string | null = null;
    if (fate !== 0) {
      const evidenceId = uuidv7();
      add(hour(0.2), checker, 'evidence.create', 'evidence', evidenceId, null, { id: evidenceId, claimId: id, sourceId: evidenceId, stance: 'refutes', excerpt: null, note: null, createdById: checker.keyId, version: 1, createdAt: new Date(hour(0.2)).toISOString() });
      add(hour(0.5), checker, 'claim.start_review', 'claim', id, view('unverified', null, 1, created), view('in_review', null, 2, hour(0.5)));
      status = 'in_review';
    }
    if (fate >= 2) {
      const reviewId = uuidv7();
      const review = (state: string) => ({ id: reviewId, claimId: id, rating, summary: 'وزارة الطاقة تنفي الرقم', scaleVersion: 1, state, proposedBy: checker.keyId, decidedBy: state === 'proposed' ? null : editor.keyId, correctionNote: null });
      const published = hour(2 + (i % 60));
      add(hour(1), checker, 'review.propose', 'review', reviewId, null, review('proposed'));
      add(hour(1), checker, 'claim.propose', 'claim', id, view('in_review', null, 2, hour(0.5)), view('pending_approval', null, 3, hour(1)));
      add(published, editor, 'claim.publish', 'claim', id, view('pending_approval', null, 3, hour(1)), view('published', rating, 4, published));
      add(published, editor, 'review.publish', 'review', reviewId, review('proposed'), review('published'));
      status = 'published';
      verdict = rating;
    }
    claimRows.push([id, workspaceId, input.text, '', input.language, status, verdict, 1, new Date(created), new Date(created)]);
    if (pending.length >= 10_000) await flush();
  }
  await flush();
  return claims;
}

async function time(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { Authorization: `Bearer ${KEY}` } });
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - started, bytes: body.length, status: res.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function run(dbKind: string, events: number): Promise<string[]> {
  const dir = mkdtempSync('/tmp/claimtrack-bench-report.');
  const pgBin = dbKind === 'postgres' ? findPgBinaries() : undefined;
  if (dbKind === 'postgres' && !pgBin) return [`| ${dbKind} | ${events} | skipped: no PostgreSQL binaries | | | | | |`];
  const pg = pgBin ? await startPostgres(pgBin) : undefined;
  try {
    const config = loadConfig({ DATABASE_URL: pg ? pg.url : `file:${join(dir, 'bench.db')}`, LOG_LEVEL: 'warn', SEED_DEMO: 'false', BOOTSTRAP_ADMIN_KEY: KEY, RATE_LIMIT_PER_MINUTE: '0' });
    const logger = createLogger(config);
    const db = await prepareDatabase(config, logger);
    const workspaceId = (await findFirstWorkspace(db))?.id as string;
    let t = performance.now();
    const claims = await fill(db, workspaceId, events);
    const fillS = (performance.now() - t) / 1000;
    const settleS = pg ? await settleAfterLoad(pg.url) : undefined;
    const server = createServer(buildApp({ db, config, logger })).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/reports/audit`;
    const past = new Date(Date.now() - 180 * DAY).toISOString();
    const yearAgo = new Date(Date.now() - 366 * DAY).toISOString();
    const scenarios: [string, string][] = [
      ['json, last 30 days', ''],
      ['json, the whole year', `?from=${yearAgo}`],
      ['json, ends 180 days ago (claims from the trail)', `?to=${past}`],
      ['html, last 30 days', '?format=html'],
      ['pdf, last 30 days', '?format=pdf'],
      ['pdf, the whole year', `?format=pdf&from=${yearAgo}`],
    ];
    const lines: string[] = [];
    // The first report of a process parses the fonts and loads Vega: timed apart.
    t = performance.now();
    const first = await time(`${base}?format=pdf`);
    lines.push(`| ${dbKind} | ${events.toLocaleString('en')} | ${claims.toLocaleString('en')} | first pdf of the process (cold) | ${(first.ms / 1000).toFixed(2)} | | ${first.bytes.toLocaleString('en')} | ${first.status} |`);
    for (const [name, query] of scenarios) {
      const runs: number[] = [];
      let last = { ms: 0, bytes: 0, status: 0 };
      for (let r = 0; r < reps; r += 1) {
        last = await time(`${base}${query}`);
        runs.push(last.ms);
      }
      lines.push(`| ${dbKind} | ${events.toLocaleString('en')} | ${claims.toLocaleString('en')} | ${name} | ${(median(runs) / 1000).toFixed(2)} | ${(Math.max(...runs) / 1000).toFixed(2)} | ${last.bytes.toLocaleString('en')} | ${last.status} |`);
      process.stdout.write(`${lines[lines.length - 1]}\n`);
    }
    // The chain check alone, the floor of every format, and two baselines measured in the same
    // run on the same trail: reading its rows into JavaScript (storedBatchFrom, no hashing: how
    // the check read before the database spliced the contents) and SHA-256 over as many bytes as
    // the check hashes, in 1 MiB calls (the native hashing floor, one thread).
    t = performance.now();
    const chain = await verifyChain(db, workspaceId, { threads: 0 });
    const chainS = (performance.now() - t) / 1000;
    t = performance.now();
    const threaded = await verifyChain(db, workspaceId, { threads: CHAIN_THREADS });
    const threadedS = (performance.now() - t) / 1000;
    t = performance.now();
    let readRows = 0;
    for (let after = 0; ; ) {
      const batch = await storedBatchFrom(db.sql, workspaceId, after, 10_000);
      readRows += batch.length;
      const last = batch[batch.length - 1];
      if (batch.length < 10_000 || !last) break;
      after = last.seq;
    }
    const readS = (performance.now() - t) / 1000;
    const [size] = await db.sql.all<{ bytes: unknown }>(
      dbKind === 'postgres'
        ? 'SELECT sum(coalesce(octet_length("before"::text), 4) + coalesce(octet_length("after"::text), 4)) AS "bytes" FROM "AuditEvent" WHERE "workspaceId" = ?'
        : 'SELECT sum(coalesce(length(CAST("before" AS BLOB)), 4) + coalesce(length(CAST("after" AS BLOB)), 4)) AS "bytes" FROM "AuditEvent" WHERE "workspaceId" = ?',
      [workspaceId],
    );
    // The members around before/after (ids, names, times, hashes) are about 420 bytes an event.
    const hashedBytes = Number(size?.bytes) + readRows * 420;
    const mib = Buffer.alloc(1 << 20, 'a');
    t = performance.now();
    for (let done = 0; done < hashedBytes; done += mib.length) createHash('sha256').update(mib).digest();
    const shaS = (performance.now() - t) / 1000;
    const row = (name: string, seconds: number) => `| ${dbKind} | ${events.toLocaleString('en')} | ${claims.toLocaleString('en')} | ${name} | ${seconds.toFixed(2)} | | | |`;
    lines.push(row(`the chain check alone, this thread (${chain.count.toLocaleString('en')} events, ok: ${chain.ok}; ${(chainS * 1e6 / chain.count).toFixed(1)} µs an event)`, chainS));
    lines.push(row(`the chain check alone, ${CHAIN_THREADS} worker threads (ok: ${threaded.ok})`, threadedS));
    lines.push(row(`baseline: reading the trail's rows into JavaScript (${readRows.toLocaleString('en')} rows, no hashing)`, readS));
    lines.push(row(`baseline: SHA-256 over the ${(hashedBytes / 2 ** 20).toFixed(0)} MiB the check hashes, 1 MiB a call`, shaS));
    lines.push(`| ${dbKind} | ${events.toLocaleString('en')} | ${claims.toLocaleString('en')} | ratio: chain check (this thread) / (read + SHA-256 baselines) = ${(chainS / (readS + shaS)).toFixed(2)}; threaded / this thread = ${(threadedS / chainS).toFixed(2)} | | | | |`);
    lines.push(`| ${dbKind} | ${events.toLocaleString('en')} | ${claims.toLocaleString('en')} | (filling the trail by direct inserts) | ${fillS.toFixed(1)} | | | |`);
    if (settleS !== undefined) lines.push(`| ${dbKind} | ${events.toLocaleString('en')} | ${claims.toLocaleString('en')} | (then VACUUM (ANALYZE), before any report) | ${settleS.toFixed(1)} | | | |`);
    server.close();
    await db.close();
    return lines;
  } finally {
    pg?.stop();
    // --keep leaves the SQLite file for EXPLAIN QUERY PLAN and the like.
    if (args.includes('--keep')) process.stdout.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const lines: string[] = [];
  for (const events of sizes) for (const dbKind of dbs) lines.push(...(await run(dbKind, events)));
  const date = new Date().toISOString().slice(0, 10);
  const md = [
    `# Audit report benchmark, ${date}`,
    '',
    `\`npm run bench:report -- --events ${option('--events', '100k')} --db ${dbs.join(',')} --reps ${reps}\` on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`,
    'One workspace; the trail filled by chained direct inserts (claim workflows over a year: 9 in 10 claims reviewed, 8 in 10 published), then on PostgreSQL VACUUM (ANALYZE). Times are',
    'the whole HTTP answer (fetch to the last byte) from the app in this process; median and slowest of the repetitions.',
    '',
    '| database | events | claims | request | median s | max s | bytes | status |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...lines,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench', 'results', `${date}-report-${option('--events', '100k')}.md`), md);
  process.stdout.write(`\n${md}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
