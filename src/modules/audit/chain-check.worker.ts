import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';
import { postgresSql, sqliteSql } from '../../db/sql';
import { verifyRange, type WorkerRange } from './chain-check';

/** One range of the chain check on a read-only connection of its own (chain-check.ts). */
async function main(task: WorkerRange): Promise<void> {
  if (task.provider === 'sqlite') {
    // WAL: this connection sees committed data only; query_only refuses writes.
    const connection = new BetterSqlite3(task.location, { readonly: true, fileMustExist: true, timeout: 5_000 });
    try {
      parentPort?.postMessage(await verifyRange(sqliteSql(connection), task.workspaceId, task));
    } finally {
      connection.close();
    }
  } else {
    const pool = new Pool({ connectionString: task.location, max: 1 });
    try {
      parentPort?.postMessage(await verifyRange(postgresSql(pool), task.workspaceId, task));
    } finally {
      await pool.end();
    }
  }
}

void main(workerData as WorkerRange).catch((error: unknown) => {
  throw error;
});
