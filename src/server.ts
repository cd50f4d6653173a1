import './v8-flags';
import 'dotenv/config';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { withStartupLock } from './db/startup-lock';
import { createLogger } from './logger';
import { bootstrapAdminKey } from './modules/auth/api-keys.service';
import { seedDemo } from './modules/demo/seed';
import { dispatcherFor } from './modules/webhooks/webhooks.dispatcher';
import { ensureFirstWorkspace, systemActor } from './modules/workspaces/workspaces.service';
import { purgeExpiredIdempotencyKeys } from './write-path/idempotency-purge';

/**
 * Migrates, makes the first workspace and its admin key, loads the demo data when empty — one
 * process at a time when several start together.
 */
export async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  return withStartupLock(config.DATABASE_URL, async () => {
    const applied = await migrate(config.DATABASE_URL);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const db = await openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
    try {
      const workspace = await ensureFirstWorkspace(db);
      const secret = await bootstrapAdminKey(db, workspace.id, systemActor(workspace.id), config.BOOTSTRAP_ADMIN_KEY);
      if (secret && !config.BOOTSTRAP_ADMIN_KEY) {
        // Shown once, on stdout, for the person who started the server; only its hash is stored.
        process.stdout.write(`\nclaimtrack: created an admin API key for workspace "${workspace.name}" (shown once):\n\n  ${secret}\n\n`);
      }
      if (config.SEED_DEMO) {
        const seeded = await seedDemo(db, workspace.id);
        if (seeded > 0) logger.info({ claims: seeded }, 'demo data loaded');
      }
      return db;
    } catch (error) {
      await db.close();
      throw error;
    }
  });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  const db = await prepareDatabase(config, logger);
  const shutdown = new AbortController();
  const app = buildApp({ db, config, logger, shutdown: shutdown.signal });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ port, database: db.provider }, `claimtrack listening on http://localhost:${port}`);
  });
  // Webhook deliveries are sent by every API process (docs/decisions/0008-webhooks-outbox.md).
  const dispatcher = dispatcherFor({ db, config, logger }).start();
  const purge = setInterval(() => {
    purgeExpiredIdempotencyKeys(db).catch((err: unknown) => logger.warn({ err }, 'idempotency purge failed'));
  }, 60 * 60 * 1000);
  purge.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(purge);
    const force = setTimeout(() => {
      logger.error('requests still running after the shutdown timeout; closing anyway');
      server.closeAllConnections();
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    // Long polls of the changes feed answer now rather than at the end of their wait.
    shutdown.abort();
    // close() stops accepting, drops idle keep-alive connections (Node ≥ 19) and calls back
    // once the requests in flight have been answered. Meanwhile deliveries in flight get half
    // the shutdown timeout to finish; the rest are cut off and their leases given back.
    const drained = new Promise<void>((done) => server.close(() => done()));
    const delivered = dispatcher.stop(config.SHUTDOWN_TIMEOUT_MS / 2).catch((err: unknown) => logger.warn({ err }, 'webhook dispatcher did not stop cleanly'));
    void Promise.all([drained, delivered]).then(async () => {
      await db.close();
      logger.info('stopped');
      process.exit(0);
    });
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`claimtrack failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
