"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withStartupLock = withStartupLock;
const pg_1 = require("pg");
const config_1 = require("../config");
/** Not Prisma's migration key: this one covers migrating and bootstrapping together. */
const STARTUP_LOCK = 7270736902;
/**
 * Runs `work` while holding a PostgreSQL session lock, so several API processes starting at once
 * migrate and bootstrap (first workspace, admin key, demo data) one after another. SQLite serves
 * one process per file, so there it just runs `work`.
 */
async function withStartupLock(url, work) {
    if ((0, config_1.databaseProvider)(url) === 'sqlite')
        return work();
    const client = new pg_1.Client({ connectionString: url });
    await client.connect();
    try {
        await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
        return await work();
    }
    finally {
        await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
        await client.end();
    }
}
//# sourceMappingURL=startup-lock.js.map