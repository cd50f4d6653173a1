"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.migrationsRoot = void 0;
exports.listMigrations = listMigrations;
exports.migrate = migrate;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const better_sqlite3_1 = __importDefault(require("better-sqlite3"));
const pg_1 = require("pg");
const config_1 = require("../config");
const database_1 = require("./database");
/**
 * Applies the committed migrations without Prisma's native schema engine, recording each in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does, so either tool can take over.
 * See docs/decisions/0002-migrations-without-the-native-engine.md.
 */
exports.migrationsRoot = (0, node_path_1.join)(__dirname, '..', '..', 'prisma');
/** The key Prisma itself takes, so this and `prisma migrate deploy` never run at once. */
const PRISMA_ADVISORY_LOCK = 72707369;
function listMigrations(provider) {
    const dir = (0, node_path_1.join)(exports.migrationsRoot, provider, 'migrations');
    return (0, node_fs_1.readdirSync)(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, entry.name, 'migration.sql')))
        .map((entry) => entry.name)
        .sort()
        .map((name) => {
        const sql = (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, name, 'migration.sql'), 'utf8');
        return { name, sql, checksum: (0, node_crypto_1.createHash)('sha256').update(sql).digest('hex') };
    });
}
/** Returns the names of the migrations it applied. */
async function migrate(url) {
    return (0, config_1.databaseProvider)(url) === 'sqlite' ? migrateSqlite(url) : migratePostgres(url);
}
function migrateSqlite(url) {
    const file = (0, database_1.sqliteFilePath)(url);
    if (file !== ':memory:')
        (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(file), { recursive: true });
    const db = new better_sqlite3_1.default(file, { timeout: 30_000 });
    try {
        db.pragma('journal_mode = WAL');
        // Table redefinitions in Prisma's SQLite migrations need this off; checked again below.
        db.pragma('foreign_keys = OFF');
        const applied = [];
        // IMMEDIATE: a second process starting at the same moment waits here instead of racing.
        db.transaction(() => {
            db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" TEXT PRIMARY KEY NOT NULL,
        "checksum" TEXT NOT NULL,
        "finished_at" DATETIME,
        "migration_name" TEXT NOT NULL,
        "logs" TEXT,
        "rolled_back_at" DATETIME,
        "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
        "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
      )`);
            const done = new Set(db
                .prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
                .all()
                .map((row) => row.name));
            const record = db.prepare(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`);
            for (const migration of listMigrations('sqlite')) {
                if (done.has(migration.name))
                    continue;
                const startedAt = Date.now();
                db.exec(migration.sql);
                const violations = db.pragma('foreign_key_check');
                if (violations.length > 0) {
                    throw new Error(`migration ${migration.name} leaves ${violations.length} foreign key violations`);
                }
                record.run((0, node_crypto_1.randomUUID)(), migration.checksum, migration.name, startedAt, Date.now());
                applied.push(migration.name);
            }
        }).immediate();
        return applied;
    }
    finally {
        db.close();
    }
}
async function migratePostgres(url) {
    const client = new pg_1.Client({ connectionString: url });
    await client.connect();
    try {
        await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
        await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
        const { rows } = await client.query('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
        const done = new Set(rows.map((row) => row.name));
        const applied = [];
        for (const migration of listMigrations('postgres')) {
            if (done.has(migration.name))
                continue;
            await client.query('BEGIN');
            try {
                const startedAt = new Date();
                await client.query(migration.sql);
                await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, now(), 1)`, [(0, node_crypto_1.randomUUID)(), migration.checksum, migration.name, startedAt]);
                await client.query('COMMIT');
            }
            catch (error) {
                await client.query('ROLLBACK');
                throw error;
            }
            applied.push(migration.name);
        }
        return applied;
    }
    finally {
        await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
        await client.end();
    }
}
//# sourceMappingURL=migrate.js.map