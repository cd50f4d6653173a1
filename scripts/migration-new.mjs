#!/usr/bin/env node
// Writes the next migration for every provider from prisma/model.prisma.
//
//   node scripts/migration-new.mjs <name>        (npm run migration:new -- <name>)
//
// The Prisma CLI's `migrate dev` / `migrate diff` need the native schema engine, which is not
// available here, so this script drives the WASM schema engine (@prisma/schema-engine-wasm)
// directly and diffs two Prisma schemas; no live database is needed:
//   from: prisma/<provider>/migrations/schema.snapshot.prisma (the provider schema as of the last
//         migration; with no migrations yet, the same schema without models), and
//   to:   prisma/<provider>/schema.prisma (regenerated from prisma/model.prisma first).
// Then, for every prisma/sql/<provider>/<Model>.sql whose table the generated SQL creates or
// recreates (SQLite's RedefineTables drops a table's triggers), that file is appended.
// Output: prisma/<provider>/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql (one timestamp for all
// providers), migration_lock.toml and the updated snapshot. `prisma migrate deploy` only reads the
// migration directories and the lock file, so the snapshot next to them is ignored by it.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { providers, schemaFor, writeSchemas } from './prisma-schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SNAPSHOT = 'schema.snapshot.prisma';
const LOCK = 'migration_lock.toml';
const rel = (path) => relative(root, path);

function fail(message) {
  console.error(`migration:new: ${message}`);
  process.exit(1);
}

/** Loads the WASM schema engine without --experimental-wasm-modules (its entry imports a .wasm). */
async function loadSchemaEngine() {
  const bgUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = await import(bgUrl);
  const module = new WebAssembly.Module(readFileSync(new URL('schema_engine_bg.wasm', bgUrl)));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

/**
 * PostgreSQL without a server. The engine only probes the connection once, in SchemaEngine.new();
 * diffing two Prisma schemas never touches the database. Anything else is refused loudly.
 */
function offlinePostgresFactory() {
  const refuse = (what) => async (query) => {
    const message = `the offline PostgreSQL stub cannot run ${what}${query?.sql ? `: ${query.sql}` : ''}`;
    console.error(`migration:new: ${message}`);
    throw new Error(message);
  };
  const adapter = () => ({
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
    async queryRaw(query) {
      if (/pg_namespace/.test(query.sql) && /server_version_num/.test(query.sql)) {
        // Columns: schema exists (Boolean), version() (Text), server_version_num (Int32).
        return {
          columnNames: ['exists', 'version', 'numeric_version'],
          columnTypes: [5, 7, 0],
          rows: [[true, 'PostgreSQL 15.0 (claimtrack offline diff)', 150000]],
        };
      }
      return refuse('queryRaw')(query);
    },
    executeRaw: refuse('executeRaw'),
    executeScript: refuse('executeScript'),
    startTransaction: refuse('startTransaction'),
    dispose: async () => {},
  });
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: async () => adapter(),
    connectToShadowDb: async () => adapter(),
  };
}

async function adapterFor(provider) {
  // driver-adapter-utils comes with the adapters; resolve it from there, not from the project.
  if (provider === 'sqlite') {
    const { PrismaBetterSqlite3 } = require('@prisma/adapter-better-sqlite3');
    const utils = createRequire(require.resolve('@prisma/adapter-better-sqlite3'))('@prisma/driver-adapter-utils');
    return utils.bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: ':memory:' }));
  }
  if (provider === 'postgres') {
    const utils = createRequire(require.resolve('@prisma/adapter-pg'))('@prisma/driver-adapter-utils');
    return utils.bindMigrationAwareSqlAdapterFactory(offlinePostgresFactory());
  }
  throw new Error(`no adapter for provider ${provider}`);
}

async function diffSchemas(bg, provider, fromSchema, toSchema) {
  const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, await adapterFor(provider));
  try {
    const schema = (content) => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] });
    const result = await engine.diff({
      from: schema(fromSchema),
      to: schema(toSchema),
      script: true,
      exitCode: true, // 2 when the diff is not empty
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? result.stdout ?? '' : '';
  } finally {
    engine.free();
  }
}

/** Model name -> table name (honours @@map). */
function tablesOf(model) {
  const tables = new Map();
  const re = /^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm;
  for (let m; (m = re.exec(model)); ) {
    const map = /@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(m[2]);
    tables.set(m[1], map ? map[1] : m[1]);
  }
  return tables;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the SQL create the table, or rename a rebuilt copy ("new_X") onto it? */
function createsTable(sql, table) {
  const name = `(?:"[^"]+"\\.)?"${escapeRe(table)}"`;
  return (
    new RegExp(`CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?${name}\\s*\\(`, 'i').test(sql) ||
    new RegExp(`ALTER TABLE\\s+(?:"[^"]+"\\.)?"[^"]+"\\s+RENAME TO\\s+${name}`, 'i').test(sql)
  );
}

function extrasFor(provider, sql, tables) {
  const dir = join(root, 'prisma', 'sql', provider);
  if (!existsSync(dir)) return [];
  const parts = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    const modelName = file.slice(0, -'.sql'.length);
    const table = tables.get(modelName);
    if (!table) {
      console.warn(`migration:new: warning: ${rel(join(dir, file))} names no model in prisma/model.prisma`);
      continue;
    }
    if (!createsTable(sql, table)) continue;
    const body = readFileSync(join(dir, file), 'utf8').trimEnd();
    parts.push(`-- Extra SQL: prisma/sql/${provider}/${file} (this migration creates or recreates "${table}")\n${body}\n`);
  }
  return parts;
}

function timestamp(date = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
}

const migrationDirs = (dir) =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];

async function main() {
  const rawName = process.argv.slice(2).join(' ').trim();
  if (!rawName || rawName === '-h' || rawName === '--help') {
    console.error('usage: node scripts/migration-new.mjs <name>   (e.g. add_claim_priority)');
    process.exit(rawName ? 0 : 1);
  }
  const name = rawName.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!name) fail(`"${rawName}" is not a usable migration name`);

  writeSchemas();
  const model = readFileSync(join(root, 'prisma', 'model.prisma'), 'utf8');
  const tables = tablesOf(model);
  const bg = await loadSchemaEngine();

  const plans = [];
  for (const provider of Object.keys(providers)) {
    const migrationsDir = join(root, 'prisma', provider, 'migrations');
    const snapshotPath = join(migrationsDir, SNAPSHOT);
    const existing = migrationDirs(migrationsDir);
    let from;
    if (existsSync(snapshotPath)) {
      from = readFileSync(snapshotPath, 'utf8');
    } else if (existing.length > 0) {
      fail(`${rel(snapshotPath)} is missing but ${rel(migrationsDir)} has migrations; ` +
        'restore the snapshot (the schema as of the last migration) before creating another migration');
    } else {
      from = schemaFor(provider, ''); // no migrations yet: the same datasource, no models
    }
    const to = readFileSync(join(root, 'prisma', provider, 'schema.prisma'), 'utf8');
    const sql = await diffSchemas(bg, provider, from, to);
    plans.push({ provider, migrationsDir, snapshotPath, existing, to, sql });
  }

  if (plans.every((p) => p.sql.trim() === '')) {
    console.log('migration:new: no changes: prisma/model.prisma matches the last migration for every provider; nothing written.');
    return;
  }

  // One timestamp for every provider, later than any existing migration.
  let stamp = new Date();
  const latest = plans.flatMap((p) => p.existing).map((d) => d.slice(0, 14)).sort().at(-1);
  while (latest && timestamp(stamp) <= latest) stamp = new Date(stamp.getTime() + 1000);
  const dirName = `${timestamp(stamp)}_${name}`;

  for (const plan of plans) {
    const { provider, migrationsDir, snapshotPath, to, sql } = plan;
    const dir = join(migrationsDir, dirName);
    if (existsSync(dir)) fail(`${rel(dir)} already exists`);
    const extras = extrasFor(provider, sql, tables);
    const script = sql.trim() === ''
      ? '-- This is an empty migration.\n-- prisma/model.prisma changed nothing for this provider.\n'
      : [sql.trimEnd() + '\n', ...extras].join('\n');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), script);
    writeFileSync(join(migrationsDir, LOCK),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\n' +
      `provider = "${providers[provider]}"\n`);
    writeFileSync(snapshotPath, to);
    const note = extras.length ? ` (+ ${extras.length} extra SQL file${extras.length > 1 ? 's' : ''})` : '';
    console.log(`migration:new: wrote ${rel(join(dir, 'migration.sql'))}${note}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
