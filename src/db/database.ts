import { resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../generated/postgres/client';
import type { Prisma } from '../generated/sqlite/client';
import { databaseProvider } from '../config';
import { CommitSignal } from './commit-signal';
import { postgresSql, prismaTxSql, sqliteSql, type Sql } from './sql';
import { WriteQueue } from './write-queue';

/**
 * The client type repositories program against. Both generated clients come from one model, so
 * they share every model API; the SQLite client's types are the common denominator.
 */
export type DbClient = InstanceType<typeof SqliteClient>;
export type Tx = Prisma.TransactionClient;

export interface Database {
  readonly provider: 'sqlite' | 'postgres';
  /**
   * Where a separate read-only connection finds the same data (the chain check's worker threads):
   * the SQLite file's path, or PostgreSQL's connection string.
   */
  readonly location: string;
  /** Reads committed data only. Never use it to write. */
  readonly reader: DbClient;
  /** Plain SQL on committed data, for the hot reads (`sql.ts`). Never use it to write. */
  readonly sql: Sql;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * The only way to write. `sql` runs plain statements in the same transaction.
   */
  write<T>(work: (tx: Tx, sql: Sql) => Promise<T>): Promise<T>;
  /** Told after each commit that appended audit events (`write-path` publishes, waiters listen). */
  readonly commits: CommitSignal;
  /**
   * Work in the background of the requests (the webhook dispatcher's leases, reads and
   * outcomes), which must not wait behind them. On PostgreSQL a pool of two connections of its
   * own: a backlog of requests queued for the main pool would otherwise hold every delivery back
   * with it. On SQLite the same reader and write queue as everything else (decision 0003).
   */
  readonly background: { sql: Sql; write<T>(work: (sql: Sql) => Promise<T>): Promise<T> };
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** How long one write transaction may run. */
  transactionTimeoutMs?: number;
}

export function sqliteFilePath(url: string): string {
  const path = url.replace(/^file:/, '').replace(/\?.*$/, '');
  return path === ':memory:' ? path : resolve(path);
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
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const timeout = options.transactionTimeoutMs ?? 15_000;
  return databaseProvider(options.url) === 'sqlite'
    ? openSqlite(sqliteFilePath(options.url), timeout)
    : openPostgres(options.url, options.poolSize ?? 10, timeout);
}

async function openSqlite(file: string, timeout: number): Promise<Database> {
  const connect = async () => {
    // `timeout` is better-sqlite3's busy timeout: another process holding the lock is waited for.
    const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5_000 });
    let connection: BetterSqlite3.Database | undefined;
    // The adapter opens its connection on connect(); keep a handle on it for plain statements.
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => {
      const opened = await connect();
      connection = (opened as unknown as { client?: unknown }).client as BetterSqlite3.Database;
      return opened;
    };
    const client = new SqliteClient({ adapter });
    await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    // FULL: a commit is on disk before it is acknowledged, even across a power cut.
    await client.$queryRawUnsafe('PRAGMA synchronous = FULL');
    await client.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    if (!(connection instanceof BetterSqlite3)) throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection: see src/db/sql.ts');
    return { client, connection };
  };
  const writer = await connect();
  // The reader gets a connection of its own, outside Prisma, for plain statements: in WAL mode it
  // sees committed data only, and `query_only` makes it refuse to write.
  const reader = await connect();
  const plainReader = new BetterSqlite3(file, { timeout: 5_000 });
  plainReader.pragma('query_only = ON');
  const readSql = sqliteSql(plainReader);
  const writeSql = sqliteSql(writer.connection, { inTransactionOnly: true });
  // Plain statements run on the writer's connection, inside the transaction Prisma opened on it;
  // the queue keeps every other statement off that connection until it ends.
  const queue = new WriteQueue<{ tx: Tx; sql: Sql }>(
    (body) => writer.client.$transaction((tx) => body({ tx, sql: writeSql }), { timeout, maxWait: timeout }),
    {
      begin: () => writeSql.run('SAVEPOINT claimtrack_write'),
      release: () => writeSql.run('RELEASE claimtrack_write'),
      rollback: () => writeSql.run('ROLLBACK TO claimtrack_write').then(() => writeSql.run('RELEASE claimtrack_write')),
    },
  );
  const commits = new CommitSignal();
  return {
    provider: 'sqlite',
    location: file,
    reader: reader.client,
    sql: readSql,
    write: (work) => queue.run(({ tx, sql }) => work(tx, sql)),
    commits,
    background: { sql: readSql, write: (work) => queue.run(({ sql }) => work(sql)) },
    ping: async () => {
      await reader.client.$queryRawUnsafe('SELECT 1');
    },
    close: async () => {
      await queue.close();
      await commits.close();
      await Promise.all([writer.client.$disconnect(), reader.client.$disconnect()]);
      plainReader.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number, timeout: number): Promise<Database> {
  // One pool for Prisma and the plain statements.
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    // A misspelt word still finds its claim: نتيناهو ~ نتنياهو is 0.33 (docs/decisions/0004).
    options: '-c pg_trgm.strict_word_similarity_threshold=0.3',
  });
  // An idle connection the server ended (a restart, a dropped database) must not crash the
  // process: the pool drops it, and the next query opens a new one or reports the failure.
  pool.on('error', () => undefined);
  const pg = new PostgresClient({ adapter: new PrismaPg(pool) });
  const client = pg as unknown as DbClient;
  await client.$queryRawUnsafe('SELECT 1');
  const commits = new CommitSignal({ url, notify: (channel, payload) => pool.query('SELECT pg_notify($1, $2)', [channel, payload]) });
  // Opens its connections on first use: only a process whose dispatcher runs has them.
  const backgroundPool = new Pool({ connectionString: url, max: BACKGROUND_POOL_SIZE });
  backgroundPool.on('error', () => undefined);
  return {
    provider: 'postgres',
    location: url,
    reader: client,
    sql: postgresSql(pool),
    commits,
    background: { sql: postgresSql(backgroundPool), write: (work) => inTransaction(backgroundPool, timeout, work) },
    write: (work) =>
      pg.$transaction((tx) => work(tx as unknown as Tx, prismaTxSql(tx)), { timeout, maxWait: timeout, isolationLevel: 'ReadCommitted' }),
    ping: async () => {
      await client.$queryRawUnsafe('SELECT 1');
    },
    close: async () => {
      await commits.close();
      await client.$disconnect();
      await Promise.all([pool.end().catch(() => undefined), backgroundPool.end().catch(() => undefined)]);
    },
  };
}

const BACKGROUND_POOL_SIZE = 2;

/** `work` in a READ COMMITTED transaction on a connection of `pool`, given up after `timeoutMs`. */
async function inTransaction<T>(pool: Pool, timeoutMs: number, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(`BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL statement_timeout = ${Math.round(timeoutMs)}`);
    const result = await work(postgresSql(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
