"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.sqliteFilePath = sqliteFilePath;
exports.openDatabase = openDatabase;
const node_path_1 = require("node:path");
const adapter_better_sqlite3_1 = require("@prisma/adapter-better-sqlite3");
const adapter_pg_1 = require("@prisma/adapter-pg");
const better_sqlite3_1 = __importDefault(require("better-sqlite3"));
const pg_1 = require("pg");
const client_1 = require("../generated/sqlite/client");
const client_2 = require("../generated/postgres/client");
const config_1 = require("../config");
const sql_1 = require("./sql");
const write_queue_1 = require("./write-queue");
function sqliteFilePath(url) {
    const path = url.replace(/^file:/, '').replace(/\?.*$/, '');
    return path === ':memory:' ? path : (0, node_path_1.resolve)(path);
}
/**
 * Opens the database named by `url`.
 *
 * SQLite: the better-sqlite3 adapter has one connection, and its lock serializes transactions only,
 * so a plain statement issued while another transaction is open would run inside it. Hence one
 * writer connection used only inside `write`, behind an in-process queue that lets queued writes
 * share a commit (each in its own savepoint), and separate reader connections that, in WAL mode,
 * see committed data only (docs/decisions/0003-sqlite-write-path.md).
 *
 * PostgreSQL: one pool; each `write` is an interactive transaction on its own connection.
 */
async function openDatabase(options) {
    const timeout = options.transactionTimeoutMs ?? 15_000;
    return (0, config_1.databaseProvider)(options.url) === 'sqlite'
        ? openSqlite(sqliteFilePath(options.url), timeout)
        : openPostgres(options.url, options.poolSize ?? 10, timeout);
}
async function openSqlite(file, timeout) {
    const connect = async () => {
        // `timeout` is better-sqlite3's busy timeout: another process holding the lock is waited for.
        const adapter = new adapter_better_sqlite3_1.PrismaBetterSqlite3({ url: file, timeout: 5_000 });
        let connection;
        // The adapter opens its connection on connect(); keep a handle on it for plain statements.
        const connect = adapter.connect.bind(adapter);
        adapter.connect = async () => {
            const opened = await connect();
            connection = opened.client;
            return opened;
        };
        const client = new client_1.PrismaClient({ adapter });
        await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
        // FULL: a commit is on disk before it is acknowledged, even across a power cut.
        await client.$queryRawUnsafe('PRAGMA synchronous = FULL');
        await client.$queryRawUnsafe('PRAGMA foreign_keys = ON');
        if (!(connection instanceof better_sqlite3_1.default))
            throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection: see src/db/sql.ts');
        return { client, connection };
    };
    const writer = await connect();
    // The reader gets a connection of its own, outside Prisma, for plain statements: in WAL mode it
    // sees committed data only, and `query_only` makes it refuse to write.
    const reader = await connect();
    const plainReader = new better_sqlite3_1.default(file, { timeout: 5_000 });
    plainReader.pragma('query_only = ON');
    const readSql = (0, sql_1.sqliteSql)(plainReader);
    const writeSql = (0, sql_1.sqliteSql)(writer.connection, { inTransactionOnly: true });
    // Plain statements run on the writer's connection, inside the transaction Prisma opened on it;
    // the queue keeps every other statement off that connection until it ends.
    const queue = new write_queue_1.WriteQueue((body) => writer.client.$transaction((tx) => body({ tx, sql: writeSql }), { timeout, maxWait: timeout }), {
        begin: () => writeSql.run('SAVEPOINT claimtrack_write'),
        release: () => writeSql.run('RELEASE claimtrack_write'),
        rollback: () => writeSql.run('ROLLBACK TO claimtrack_write').then(() => writeSql.run('RELEASE claimtrack_write')),
    });
    return {
        provider: 'sqlite',
        reader: reader.client,
        sql: readSql,
        write: (work) => queue.run(({ tx, sql }) => work(tx, sql)),
        ping: async () => {
            await reader.client.$queryRawUnsafe('SELECT 1');
        },
        close: async () => {
            await queue.close();
            await Promise.all([writer.client.$disconnect(), reader.client.$disconnect()]);
            plainReader.close();
        },
    };
}
async function openPostgres(url, poolSize, timeout) {
    // One pool for Prisma and the plain statements.
    const pool = new pg_1.Pool({
        connectionString: url,
        max: poolSize,
        // A misspelt word still finds its claim: نتيناهو ~ نتنياهو is 0.33 (docs/decisions/0004).
        options: '-c pg_trgm.strict_word_similarity_threshold=0.3',
    });
    // An idle connection the server ended (a restart, a dropped database) must not crash the
    // process: the pool drops it, and the next query opens a new one or reports the failure.
    pool.on('error', () => undefined);
    const pg = new client_2.PrismaClient({ adapter: new adapter_pg_1.PrismaPg(pool) });
    const client = pg;
    await client.$queryRawUnsafe('SELECT 1');
    return {
        provider: 'postgres',
        reader: client,
        sql: (0, sql_1.postgresSql)(pool),
        write: (work) => pg.$transaction((tx) => work(tx, (0, sql_1.prismaTxSql)(tx)), { timeout, maxWait: timeout, isolationLevel: 'ReadCommitted' }),
        ping: async () => {
            await client.$queryRawUnsafe('SELECT 1');
        },
        close: async () => {
            await client.$disconnect();
            await pool.end().catch(() => undefined);
        },
    };
}
//# sourceMappingURL=database.js.map