import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { Client } from 'pg';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Database } from '../../src/db/database';
import type { Role } from '../../src/core/roles';
import { ROLES } from '../../src/core/roles';
import { findFirstWorkspace } from '../../src/modules/workspaces/workspaces.service';
import { prepareDatabase } from '../../src/server';
import { createLogger } from '../../src/logger';
import { dispatcherFor, type DispatcherOptions, type WebhookDispatcher } from '../../src/modules/webhooks/webhooks.dispatcher';
import type { Resolver } from '../../src/modules/webhooks/ssrf-guard';
import { recordResponses } from './response-recorder';

/** The database the suite runs on: SQLite unless DATABASE_URL names a PostgreSQL server. */
export const onPostgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '');

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!onPostgres) {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrack-test-'));
    return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = new URL(process.env.DATABASE_URL as string);
  const name = `claimtrack_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: server.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface Workspace {
  id: string;
  /** One key per role, by role. */
  keys: Record<Role, string>;
  keyIds: Record<Role, string>;
}

export interface TestApp {
  app: Express;
  db: Database;
  config: Config;
  databaseUrl: string;
  /** Admin key of the first workspace (the only one that may create workspaces). */
  firstAdminKey: string;
  firstWorkspaceId: string;
  /** A new workspace with a key for every role. */
  newWorkspace(): Promise<Workspace>;
  /** The webhook dispatcher, when the app was started with one. */
  dispatcher?: WebhookDispatcher;
  /** Runs a raw SQL statement behind the API's back. */
  rawSql(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function bearer(key: string): { Authorization: string } {
  return { Authorization: `Bearer ${key}` };
}

/** Unique per call, so tests never collide on unique values. */
export function unique(label = 'x'): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export interface TestAppOptions {
  /** Run a webhook dispatcher in the app's process, as server.ts does (options override the config's). */
  dispatcher?: boolean | Partial<DispatcherOptions>;
  /** DNS for webhook receivers, for the subscription check and the dispatcher. */
  resolver?: Resolver;
}

export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const firstAdminKey = `ct_test_${randomBytes(24).toString('base64url')}`;
  const config = loadConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    BOOTSTRAP_ADMIN_KEY: firstAdminKey,
    RATE_LIMIT_PER_MINUTE: '0',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    DATABASE_POOL_SIZE: '20',
    ...env,
  });
  const logger = createLogger(config);
  const db = await prepareDatabase(config, logger);
  const shutdown = new AbortController();
  const deps = { db, config, logger, resolver: options.resolver, shutdown: shutdown.signal };
  const app = buildApp(deps);
  const dispatcher = options.dispatcher ? dispatcherFor(deps, options.dispatcher === true ? {} : options.dispatcher).start() : undefined;
  // Every response is checked against the OpenAPI document after the file (setup-response-validation.ts).
  recordResponses(app);
  const firstWorkspaceId = (await findFirstWorkspace(db))?.id as string;

  async function newWorkspace(): Promise<Workspace> {
    const created = await request(app).post('/v1/workspaces').set(bearer(firstAdminKey)).send({ name: unique('ws') }).expect(201);
    const admin = created.body.apiKey.secret as string;
    const keys = { admin } as Record<Role, string>;
    const keyIds = { admin: created.body.apiKey.id } as Record<Role, string>;
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const key = await request(app).post('/v1/api-keys').set(bearer(admin)).send({ name: role, role }).expect(201);
      keys[role] = key.body.secret;
      keyIds[role] = key.body.id;
    }
    return { id: created.body.workspace.id, keys, keyIds };
  }

  async function rawSql(sql: string): Promise<void> {
    await db.reader.$executeRawUnsafe(sql);
  }

  return {
    app,
    db,
    config,
    databaseUrl: database.url,
    firstAdminKey,
    firstWorkspaceId,
    newWorkspace,
    rawSql,
    dispatcher,
    close: async () => {
      shutdown.abort();
      await dispatcher?.stop(1_000);
      await db.close();
      await database.drop();
    },
  };
}

export interface UseTestAppOptions extends TestAppOptions {
  /** Configuration variables for this file's app, as for `startTestApp`. */
  env?: Record<string, string>;
  /** Create `ws`, a workspace with a key for every role (default true). */
  workspace?: boolean;
}

/**
 * The usual setup of an API test file, at its top level: `beforeAll` starts a test app (and a
 * workspace), `afterAll` closes it.
 *
 *     const { t, ws } = useTestApp();
 *     const { t } = useTestApp({ workspace: false, env: { BODY_LIMIT: '2kb' } });
 *
 * `t` and `ws` are returned empty and filled in by the `beforeAll` (the app's and workspace's
 * fields are copied into them), so they may be destructured at the top of a file and read in
 * tests and hooks, but not while the file's tests are being collected. Hooks a file adds after
 * this call run after the app has started, and before it closes.
 */
export function useTestApp(options?: UseTestAppOptions & { workspace?: true }): { readonly t: TestApp; readonly ws: Workspace };
export function useTestApp(options: UseTestAppOptions & { workspace: false }): { readonly t: TestApp };
export function useTestApp({ env = {}, workspace = true, ...options }: UseTestAppOptions = {}): { readonly t: TestApp; readonly ws?: Workspace } {
  const t = {} as TestApp;
  const ws = {} as Workspace;
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(env, options);
    Object.assign(t, started);
    if (workspace) Object.assign(ws, await started.newWorkspace());
  });
  // Closes what did start, so a failed start is reported as itself, not as a failed close.
  afterAll(() => started?.close());
  return workspace ? { t, ws } : { t };
}
