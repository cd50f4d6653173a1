import { resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../generated/postgres/client';
import type { Prisma } from '../generated/sqlite/client';
import { databaseProvider } from '../config';
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
  return {
    provider: 'sqlite',
    location: file,
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
  return {
    provider: 'postgres',
    location: url,
    reader: client,
    sql: postgresSql(pool),
    write: (work) =>
      pg.$transaction((tx) => work(tx as unknown as Tx, prismaTxSql(tx)), { timeout, maxWait: timeout, isolationLevel: 'ReadCommitted' }),
    ping: async () => {
      await client.$queryRawUnsafe('SELECT 1');
    },
    close: async () => {
      await client.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
