/**
 * Export benchmark (issue 11): `npm run bench:export -- --size 100k --db sqlite,postgres`.
 *
 * Seeds N claims through the public API (batches of 1,000 from lib/generator.ts, one workspace),
 * then streams `GET /v1/exports/claims?format=ndjson` and `format=csv` from the real server
 * (a child process) and reads them as fast as it can: rows/s, and the server's RSS before and
 * at its highest while exporting (sampled every 50 ms from /proc). The baseline, in the same run,
 * is the raw driver reading the same rows with the same page statement's claim columns:
 * better-sqlite3 `.iterate()`, or a PostgreSQL cursor (DECLARE … FETCH 1000). Writes
 * bench/results/<date>-export.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { call, pool } from './lib/api';
import { ArticleCache, claimInput } from './lib/generator';
import { findPgBinaries, startPostgres } from './lib/pg';
import { BOOTSTRAP_KEY, killAllChildren, memoryOf, ROOT, startServer } from './lib/procs';

type Db = 'sqlite' | 'postgres';

function parseArgs(argv: string[]): { size: number; dbs: Db[] } {
  let size = 100_000;
  let dbs: Db[] = ['sqlite', 'postgres'];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--size') {
      const m = /^(\d+)([km]?)$/i.exec(argv[(i += 1)] ?? '');
      if (!m) throw new Error('--size 100k');
      size = Number(m[1]) * ({ k: 1e3, m: 1e6 }[(m[2] ?? '').toLowerCase()] ?? 1);
    } else if (argv[i] === '--db') dbs = (argv[(i += 1)] ?? '').split(',').map((d) => (d === 'pg' ? 'postgres' : d)) as Db[];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return { size, dbs };
}

const log = (message: string) => process.stdout.write(`[bench:export] ${message}\n`);

/** Streams `url`, counting lines; samples the server's RSS meanwhile. */
function streamExport(url: string, key: string, pid: number): Promise<{ rows: number; bytes: number; seconds: number; rssBeforeKiB: number; rssPeakKiB: number }> {
  return new Promise((resolve, reject) => {
    const rssBeforeKiB = memoryOf(pid)?.rssKiB ?? 0;
    let rssPeakKiB = rssBeforeKiB;
    const sampler = setInterval(() => {
      rssPeakKiB = Math.max(rssPeakKiB, memoryOf(pid)?.rssKiB ?? 0);
    }, 50);
    const started = performance.now();
    let rows = 0;
    let bytes = 0;
    get(url, { headers: { authorization: `Bearer ${key}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
      });
      res.on('end', () => {
        clearInterval(sampler);
        resolve({ rows, bytes, seconds: (performance.now() - started) / 1000, rssBeforeKiB, rssPeakKiB });
      });
    }).on('error', reject);
  });
}

const CLAIM_SELECT = `SELECT c."id", c."workspaceId", c."articleId", c."text", c."language", c."claimant", c."claimDate", c."quote", c."quantities", c."status", c."verdict", c."version", c."createdAt", c."updatedAt" FROM "Claim" c WHERE c."workspaceId" = $1 AND c."deletedAt" IS NULL ORDER BY c."createdAt", c."id"`;

/** The raw driver reading the same rows, serialised to NDJSON text (what an export must at least do). */
async function rawBaseline(db: Db, url: string, workspaceId: string): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  let rows = 0;
  if (db === 'sqlite') {
    const conn = new BetterSqlite3(url.replace(/^file:/, ''), { readonly: true });
    for (const row of conn.prepare(CLAIM_SELECT.replace('$1', '?')).iterate(workspaceId)) {
      JSON.stringify(row);
      rows += 1;
    }
    conn.close();
  } else {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query({ text: `DECLARE export_cursor NO SCROLL CURSOR FOR ${CLAIM_SELECT}`, values: [workspaceId] });
    for (;;) {
      const page = await client.query('FETCH 1000 FROM export_cursor');
      for (const row of page.rows) JSON.stringify(row);
      rows += page.rows.length;
      if (page.rows.length < 1000) break;
    }
    await client.query('COMMIT');
    await client.end();
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

async function seed(base: string, size: number): Promise<{ workspaceId: string; key: string }> {
  const ws = await call<{ workspace: { id: string }; apiKey: { secret: string } }>(base, BOOTSTRAP_KEY, 'POST', '/v1/workspaces', { name: 'export bench' });
  const key = ws.body.apiKey.secret;
  const cache = new ArticleCache();
  const started = performance.now();
  await pool(Math.ceil(size / 1000), 2, async (b) => {
    const claims = Array.from({ length: Math.min(1000, size - b * 1000) }, (_, k) => claimInput(0, b * 1000 + k, [], cache));
    await call(base, key, 'POST', '/v1/claims/batch', { claims });
  });
  log(`seeded ${size} claims in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { workspaceId: ws.body.workspace.id, key };
}

interface Result {
  db: Db;
  format: string;
  rows: number;
  rowsPerSecond: number;
  megabytes: number;
  rssGrowthMiB: number;
}

async function runDb(db: Db, size: number, work: string): Promise<{ results: Result[]; baseline: number }> {
  let databaseUrl = `file:${join(work, 'export.db')}`;
  let stopPg: (() => Promise<void>) | undefined;
  if (db === 'postgres') {
    const bin = findPgBinaries();
    if (!bin) throw new Error('PostgreSQL binaries not found');
    const pg = await startPostgres(bin);
    databaseUrl = pg.url;
    stopPg = async () => pg.stop();
  }
  const server = await startServer({ databaseUrl, logDir: work, name: `server-${db}` });
  try {
    const { workspaceId, key } = await seed(server.url, size);
    const results: Result[] = [];
    for (const format of ['ndjson', 'csv', 'ndjson', 'csv']) {
      const r = await streamExport(`${server.url}/v1/exports/claims?format=${format}`, key, server.pid);
      // CSV: the header is a line too (claim texts hold no line breaks here).
      const rows = format === 'csv' ? r.rows - 1 : r.rows;
      results.push({ db, format, rows, rowsPerSecond: rows / r.seconds, megabytes: r.bytes / 2 ** 20, rssGrowthMiB: (r.rssPeakKiB - r.rssBeforeKiB) / 1024 });
      log(`${db} ${format}: ${rows} rows in ${r.seconds.toFixed(2)} s = ${Math.round(rows / r.seconds)} rows/s, RSS +${((r.rssPeakKiB - r.rssBeforeKiB) / 1024).toFixed(1)} MiB`);
    }
    const raw = await rawBaseline(db, databaseUrl, workspaceId);
    log(`${db} raw driver: ${raw.rows} rows in ${raw.seconds.toFixed(2)} s = ${Math.round(raw.rows / raw.seconds)} rows/s`);
    return { results, baseline: raw.rows / raw.seconds };
  } finally {
    await server.stop();
    await stopPg?.();
  }
}

async function main(): Promise<void> {
  const { size, dbs } = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'claimtrack-bench-export-'));
  const lines = [`# Export benchmark, ${new Date().toISOString().slice(0, 10)}: ${size.toLocaleString('en-US')} claims`, '', '`npm run bench:export -- --size ' + size + '`. Each export read to the end by one client as fast as it goes; RSS growth = the server\'s highest RSS while exporting minus its RSS before. Targets: ≥ 100k rows/s (SQLite), ≥ 50k (PostgreSQL), RSS growth ≤ 64 MiB at 1M. Baseline: the raw driver reading the same claims (claim columns, no tags/evidence) and JSON.stringify-ing each row.', '', '| database | format | rows | rows/s | MiB sent | RSS growth | raw driver rows/s | export / raw |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  try {
    for (const db of dbs) {
      const { results, baseline } = await runDb(db, size, work);
      for (const r of results) lines.push(`| ${r.db} | ${r.format} | ${r.rows} | ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} | ${r.megabytes.toFixed(1)} | ${r.rssGrowthMiB.toFixed(1)} MiB | ${Math.round(baseline).toLocaleString('en-US')} | ${(r.rowsPerSecond / baseline).toFixed(2)} |`);
    }
  } finally {
    killAllChildren();
    rmSync(work, { recursive: true, force: true });
  }
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `${new Date().toISOString().slice(0, 10)}-export.md`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  killAllChildren();
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
