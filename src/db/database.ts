import { resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../generated/postgres/client';
import type { Prisma } from '../generated/sqlite/client';
import { databaseProvider } from '../config';
import { Mutex } from './mutex';

/**
 * The client type repositories program against. Both generated clients come from one model, so
 * they share every model API; the SQLite client's types are the common denominator.
 */
export type DbClient = InstanceType<typeof SqliteClient>;
export type Tx = Prisma.TransactionClient;

export interface Database {
  readonly provider: 'sqlite' | 'postgres';
  /** Reads committed data only. Never use it to write. */
  readonly reader: DbClient;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * The only way to write.
   */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
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
 * writer connection used only inside `write`, behind an in-process queue, and a separate reader
 * connection that, in WAL mode, sees committed data only (docs/decisions/0003-sqlite-write-path.md).
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
    const client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 5_000 }) });
    await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    // FULL: a commit is on disk before it is acknowledged, even across a power cut.
    await client.$queryRawUnsafe('PRAGMA synchronous = FULL');
    await client.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    return client;
  };
  const writer = await connect();
  const reader = await connect();
  const queue = new Mutex();
  return {
    provider: 'sqlite',
    reader,
    write: (work) => queue.run(() => writer.$transaction(work, { timeout, maxWait: timeout })),
    ping: async () => {
      await reader.$queryRawUnsafe('SELECT 1');
    },
    close: async () => {
      await queue.run(async () => {
        await Promise.all([writer.$disconnect(), reader.$disconnect()]);
      });
    },
  };
}

async function openPostgres(url: string, poolSize: number, timeout: number): Promise<Database> {
  const pg = new PostgresClient({
    adapter: new PrismaPg({
      connectionString: url,
      max: poolSize,
      // A misspelt word still finds its claim: نتيناهو ~ نتنياهو is 0.33 (docs/decisions/0004).
      options: '-c pg_trgm.strict_word_similarity_threshold=0.3',
    }),
  });
  const client = pg as unknown as DbClient;
  await client.$queryRawUnsafe('SELECT 1');
  return {
    provider: 'postgres',
    reader: client,
    write: (work) =>
      pg.$transaction((tx) => work(tx as unknown as Tx), { timeout, maxWait: timeout, isolationLevel: 'ReadCommitted' }),
    ping: async () => {
      await client.$queryRawUnsafe('SELECT 1');
    },
    close: () => client.$disconnect(),
  };
}
