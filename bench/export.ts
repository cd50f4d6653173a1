/**
 * Export benchmark (issue 11): `npm run bench:export -- --size 1m [--db sqlite,postgres]
 * [--formats ndjson,csv,ndjson,csv] [--cpu-prof DIR] [--keep] [--out FILE] [--database URL]`.
 *
 * Seeds N claims through the public API (batches of 1,000 from lib/generator.ts, one workspace),
 * settles PostgreSQL after the load (`settleAfterLoad`), then streams
 * `GET /v1/exports/claims?format=…` from the real server (a child process) and reads each export
 * as fast as it can: rows/s, time to the first byte, and the server's RSS before and
 * at its highest while exporting (sampled every 50 ms from /proc). The baseline, measured right
 * after each export, is the raw driver reading the same claims and tags (better-sqlite3
 * `raw().iterate()`, or a PostgreSQL cursor, FETCH 1000) encoded per format (`rawBaseline`).
 * Writes bench/results/<date>-export-<size>.md (e.g. 2026-12-03-export-1m.md) unless `--out`.
 *
 * `--database URL` (one database, e.g. one the harness kept with `npm run bench -- --keep`) skips
 * the seeding: the export reads that database's largest workspace, through a viewer key the
 * bench adds to it (a write to that database).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { Client } from 'pg';
import { openDatabase } from '../src/db/database';
import { insertKey } from '../src/modules/auth/api-keys.service';
import { systemActor } from '../src/modules/workspaces/workspaces.service';
import { runWrite } from '../src/write-path/unit-of-work';
import { call, pool } from './lib/api';
import { ArticleCache, claimInput } from './lib/generator';
import { findPgBinaries, settleAfterLoad, startPostgres } from './lib/pg';
import { BOOTSTRAP_KEY, killAllChildren, memoryOf, ROOT, startServer } from './lib/procs';

type Db = 'sqlite' | 'postgres';

interface Options {
  size: number;
  dbs: Db[];
  formats: string[];
  /** Where the server writes a V8 CPU profile (`--cpu-prof DIR`), if anywhere. */
  cpuProfDir?: string;
  /** Keep the work folder (the SQLite file) for a look afterwards (`--keep`). */
  keep: boolean;
  /** The results file (`--out FILE`); default bench/results/<date>-export-<size>.md. */
  out?: string;
  /** An existing database to export from instead of a seeded one (`--database URL`). */
  database?: string;
}

function parseArgs(argv: string[]): Options {
  let size = 100_000;
  let dbs: Db[] = ['sqlite', 'postgres'];
  let formats = ['ndjson', 'csv', 'ndjson', 'csv'];
  let cpuProfDir: string | undefined;
  let keep = false;
  let out: string | undefined;
  let database: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--size') {
      const m = /^(\d+)([km]?)$/i.exec(argv[(i += 1)] ?? '');
      if (!m) throw new Error('--size 100k');
      size = Number(m[1]) * ({ k: 1e3, m: 1e6 }[(m[2] ?? '').toLowerCase()] ?? 1);
    } else if (argv[i] === '--db') dbs = (argv[(i += 1)] ?? '').split(',').map((d) => (d === 'pg' ? 'postgres' : d)) as Db[];
    else if (argv[i] === '--formats') formats = (argv[(i += 1)] ?? '').split(',');
    else if (argv[i] === '--cpu-prof') cpuProfDir = argv[(i += 1)];
    else if (argv[i] === '--keep') keep = true;
    else if (argv[i] === '--out') out = argv[(i += 1)];
    else if (argv[i] === '--database') database = argv[(i += 1)];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (database) dbs = [database.startsWith('file:') ? 'sqlite' : 'postgres'];
  return { size, dbs, formats: formats.filter(Boolean), cpuProfDir, keep, out, database };
}

const log = (message: string) => process.stdout.write(`[bench:export] ${message}\n`);

/** Streams `url`, counting lines; samples the server's RSS meanwhile. */
function streamExport(url: string, key: string, pid: number): Promise<{ rows: number; bytes: number; seconds: number; firstByteMs: number; rssBeforeKiB: number; rssPeakKiB: number }> {
  return new Promise((resolve, reject) => {
    const rssBeforeKiB = memoryOf(pid)?.rssKiB ?? 0;
    let rssPeakKiB = rssBeforeKiB;
    const sampler = setInterval(() => {
      rssPeakKiB = Math.max(rssPeakKiB, memoryOf(pid)?.rssKiB ?? 0);
    }, 50);
    const started = performance.now();
    let rows = 0;
    let bytes = 0;
    let firstByteMs = -1;
    // A connection of its own: the baseline before it blocks this process (better-sqlite3 is
    // synchronous) past the server's keep-alive timeout, and a pooled socket would be a dead one.
    get(url, { agent: false, headers: { authorization: `Bearer ${key}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
      res.on('data', (chunk: Buffer) => {
        if (firstByteMs < 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
      });
      res.on('end', () => {
        clearInterval(sampler);
        if (!res.complete) reject(new Error(`${url}: the transfer was cut off`));
        resolve({ rows, bytes, seconds: (performance.now() - started) / 1000, firstByteMs, rssBeforeKiB, rssPeakKiB });
      });
    }).on('error', reject);
  });
}

const CLAIM_COLUMNS = `c."id", c."workspaceId", c."articleId", c."text", c."language", c."claimant", c."claimDate", c."quote", c."quantities", c."status", c."verdict", c."version", c."createdAt", c."updatedAt"`;
/** The claim's tags, as the export reads them (a JSON array). */
const TAGS = {
  sqlite: `(SELECT json_group_array("tag") FROM (SELECT "tag" FROM "ClaimTag" t WHERE t."claimId" = c."id" ORDER BY "tag")) AS "tags"`,
  postgres: `(SELECT coalesce(json_agg("tag" ORDER BY "tag"), '[]') FROM "ClaimTag" t WHERE t."claimId" = c."id") AS "tags"`,
};
const claimSelect = (db: Db) => `SELECT ${CLAIM_COLUMNS}, ${TAGS[db]} FROM "Claim" c WHERE c."workspaceId" = $1 AND c."deletedAt" IS NULL ORDER BY c."createdAt", c."id"`;

/**
 * The raw driver reading the same rows (the claim's columns and its tags, in the export's order)
 * as arrays: better-sqlite3 `stmt.raw().iterate()` in this process; PostgreSQL one cursor, FETCH
 * 1000 at a time, rows as arrays. Each row is then encoded the cheapest way for the format:
 * `JSON.stringify` of the row array (ndjson), or csv-stringify with the export's options, 500
 * rows a call (csv). No HTTP, no client, no evidence or verdict history: the floor of an export.
 */
async function rawBaseline(db: Db, url: string, workspaceId: string, format: 'ndjson' | 'csv'): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  let batch: unknown[][] = [];
  const encode = (row: unknown[]) => {
    rows += 1;
    if (format === 'ndjson') bytes += JSON.stringify(row).length + 1;
    else if (batch.push(row) === 500) flush();
  };
  const flush = () => {
    if (batch.length > 0) bytes += stringify(batch, { record_delimiter: 'windows', escape_formulas: true }).length;
    batch = [];
  };
  if (db === 'sqlite') {
    const conn = new BetterSqlite3(url.replace(/^file:/, ''), { readonly: true });
    for (const row of conn.prepare(claimSelect(db).replace('$1', '?')).raw().iterate(workspaceId)) encode(row as unknown[]);
    conn.close();
  } else {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query({ text: `DECLARE export_cursor NO SCROLL CURSOR FOR ${claimSelect(db)}`, values: [workspaceId] });
    for (;;) {
      const page = await client.query<unknown[]>({ text: 'FETCH 1000 FROM export_cursor', rowMode: 'array' });
      for (const row of page.rows) encode(row);
      if (page.rows.length < 1000) break;
    }
    await client.query('COMMIT');
    await client.end();
  }
  flush();
  if (bytes === 0 && rows > 0) throw new Error('nothing encoded');
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
  firstByteMs: number;
  /** The raw driver's rows/s for this format, measured right after this export. */
  baseline: number;
  /** The machine's 1-minute load average after the export (2 cores, shared). */
  load: number;
}

/** A viewer key for the largest workspace of an existing database (`--database`). */
async function existingWorkspace(url: string): Promise<{ workspaceId: string; key: string }> {
  const db = await openDatabase({ url });
  try {
    const [largest] = await db.sql.all<{ id: string }>('SELECT "workspaceId" AS id FROM "Claim" WHERE "deletedAt" IS NULL GROUP BY "workspaceId" ORDER BY count(*) DESC LIMIT 1');
    if (!largest) throw new Error(`no claims in ${url}`);
    const created = await runWrite(db, { actor: systemActor(largest.id), requestId: 'bench-export' }, async (uow) => {
      const { secret } = await insertKey(uow, { workspaceId: largest.id, name: 'export bench', role: 'viewer' });
      return { status: 201, body: secret };
    });
    return { workspaceId: largest.id, key: created.body as string };
  } finally {
    await db.close();
  }
}

async function runDb(db: Db, { size, formats, cpuProfDir, database }: Options, work: string): Promise<Result[]> {
  let databaseUrl = database ?? `file:${join(work, 'export.db')}`;
  let stopPg: (() => Promise<void>) | undefined;
  const existing = database ? await existingWorkspace(database) : undefined;
  if (db === 'postgres' && !database) {
    const bin = findPgBinaries();
    if (!bin) throw new Error('PostgreSQL binaries not found');
    const pg = await startPostgres(bin);
    databaseUrl = pg.url;
    stopPg = async () => pg.stop();
  }
  const server = await startServer({ databaseUrl, logDir: work, name: `server-${db}`, cpuProfDir });
  try {
    const { workspaceId, key } = existing ?? (await seed(server.url, size));
    if (db === 'postgres' && !existing) log(`VACUUM (ANALYZE) in ${(await settleAfterLoad(databaseUrl)).toFixed(1)} s`);
    log(`workspace ${workspaceId}`);
    const results: Result[] = [];
    for (const format of formats) {
      const r = await streamExport(`${server.url}/v1/exports/claims?format=${format}`, key, server.pid);
      // CSV: the header is a line too (claim texts hold no line breaks here).
      const rows = format === 'csv' ? r.rows - 1 : r.rows;
      const load = loadavg()[0] ?? 0;
      const raw = await rawBaseline(db, databaseUrl, workspaceId, format === 'csv' ? 'csv' : 'ndjson');
      if (raw.rows !== rows) throw new Error(`${format}: exported ${rows} rows, the raw driver read ${raw.rows}`);
      const result: Result = { db, format, rows, rowsPerSecond: rows / r.seconds, megabytes: r.bytes / 2 ** 20, rssGrowthMiB: (r.rssPeakKiB - r.rssBeforeKiB) / 1024, firstByteMs: r.firstByteMs, baseline: raw.rows / raw.seconds, load };
      results.push(result);
      log(
        `${db} ${format}: ${rows} rows in ${r.seconds.toFixed(2)} s = ${Math.round(result.rowsPerSecond)} rows/s (first byte ${r.firstByteMs.toFixed(0)} ms), RSS +${result.rssGrowthMiB.toFixed(1)} MiB; raw driver ${Math.round(result.baseline)} rows/s; load ${load.toFixed(1)}`,
      );
    }
    return results;
  } finally {
    await server.stop();
    await stopPg?.();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { size, dbs } = options;
  const work = mkdtempSync(join(tmpdir(), 'claimtrack-bench-export-'));
  const lines = [`# Export benchmark, ${new Date().toISOString().slice(0, 10)}: ${size.toLocaleString('en-US')} claims`, '', '`npm run bench:export -- --size ' + size + '`. Each export read to the end by one client as fast as it goes; RSS growth = the server\'s highest RSS while exporting minus its RSS before (sampled every 50 ms). Targets: ≥ 100k rows/s (SQLite), ≥ 50k (PostgreSQL), RSS growth ≤ 64 MiB at 1M. Baseline, right after each export: the raw driver reading the same claims (claim columns and tags; SQLite `raw().iterate()`, PostgreSQL a cursor) and encoding each row the cheapest way (ndjson: JSON.stringify of the row array; csv: csv-stringify with the same options). Load: the 1-minute load average after the export, on 2 shared cores.', '', '| database | format | rows | rows/s | first byte | MiB sent | RSS growth | raw driver rows/s | export / raw | load |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  try {
    for (const db of dbs) {
      for (const r of await runDb(db, options, work)) {
        lines.push(
          `| ${r.db} | ${r.format} | ${r.rows} | ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} | ${r.firstByteMs.toFixed(0)} ms | ${r.megabytes.toFixed(1)} | ${r.rssGrowthMiB.toFixed(1)} MiB | ${Math.round(r.baseline).toLocaleString('en-US')} | ${(r.rowsPerSecond / r.baseline).toFixed(2)} | ${r.load.toFixed(1)} |`,
        );
      }
    }
  } finally {
    killAllChildren();
    if (options.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const label = size % 1e6 === 0 ? `${size / 1e6}m` : size % 1e3 === 0 ? `${size / 1e3}k` : String(size);
  const file = options.out ?? join(out, `${new Date().toISOString().slice(0, 10)}-export-${label}.md${options.formats.length === 0 ? '.tmp' : ''}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  killAllChildren();
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
