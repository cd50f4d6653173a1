"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepareDatabase = prepareDatabase;
require("dotenv/config");
const app_1 = require("./app");
const config_1 = require("./config");
const database_1 = require("./db/database");
const migrate_1 = require("./db/migrate");
const startup_lock_1 = require("./db/startup-lock");
const logger_1 = require("./logger");
const api_keys_service_1 = require("./modules/auth/api-keys.service");
const seed_1 = require("./modules/demo/seed");
const workspaces_service_1 = require("./modules/workspaces/workspaces.service");
const idempotency_purge_1 = require("./write-path/idempotency-purge");
/**
 * Migrates, makes the first workspace and its admin key, loads the demo data when empty — one
 * process at a time when several start together.
 */
async function prepareDatabase(config, logger) {
    return (0, startup_lock_1.withStartupLock)(config.DATABASE_URL, async () => {
        const applied = await (0, migrate_1.migrate)(config.DATABASE_URL);
        if (applied.length > 0)
            logger.info({ applied }, 'migrations applied');
        const db = await (0, database_1.openDatabase)({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
        try {
            const workspace = await (0, workspaces_service_1.ensureFirstWorkspace)(db);
            const secret = await (0, api_keys_service_1.bootstrapAdminKey)(db, workspace.id, (0, workspaces_service_1.systemActor)(workspace.id), config.BOOTSTRAP_ADMIN_KEY);
            if (secret && !config.BOOTSTRAP_ADMIN_KEY) {
                // Shown once, on stdout, for the person who started the server; only its hash is stored.
                process.stdout.write(`\nclaimtrack: created an admin API key for workspace "${workspace.name}" (shown once):\n\n  ${secret}\n\n`);
            }
            if (config.SEED_DEMO) {
                const seeded = await (0, seed_1.seedDemo)(db, workspace.id);
                if (seeded > 0)
                    logger.info({ claims: seeded }, 'demo data loaded');
            }
            return db;
        }
        catch (error) {
            await db.close();
            throw error;
        }
    });
}
async function main() {
    let config;
    try {
        config = (0, config_1.loadConfig)();
    }
    catch (error) {
        if (error instanceof config_1.ConfigError) {
            process.stderr.write(`${error.message}\n`);
            process.exit(1);
        }
        throw error;
    }
    const logger = (0, logger_1.createLogger)(config);
    const db = await prepareDatabase(config, logger);
    const app = (0, app_1.buildApp)({ db, config, logger });
    const server = app.listen(config.PORT, config.HOST, () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : config.PORT;
        logger.info({ port, database: db.provider }, `claimtrack listening on http://localhost:${port}`);
    });
    const purge = setInterval(() => {
        (0, idempotency_purge_1.purgeExpiredIdempotencyKeys)(db).catch((err) => logger.warn({ err }, 'idempotency purge failed'));
    }, 60 * 60 * 1000);
    purge.unref();
    let stopping = false;
    const stop = (signal) => {
        if (stopping)
            return;
        stopping = true;
        clearInterval(purge);
        const force = setTimeout(() => {
            logger.error('requests still running after the shutdown timeout; closing anyway');
            server.closeAllConnections();
        }, config.SHUTDOWN_TIMEOUT_MS);
        force.unref();
        // close() stops accepting, drops idle keep-alive connections (Node ≥ 19) and calls back
        // once the requests in flight have been answered.
        server.close(async () => {
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
    main().catch((error) => {
        process.stderr.write(`claimtrack failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
    });
}
//# sourceMappingURL=server.js.map