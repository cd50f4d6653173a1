/**
 * Webhooks and the changes feed with the server as an operator runs it (child processes, loopback
 * HTTP): a delivery survives kill -9 after the write was acknowledged, SIGTERM gives back the
 * deliveries in flight and ends long polls at once, and on PostgreSQL two API processes share the
 * outbox (each event delivered once) and wake each other's long polls.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { createTestDatabase, onPostgres, unique, type TestDatabase } from '../helpers/test-app';
import { httpRequest, killAllServers, startServer, type ServerProcess } from '../helpers/server-process';
import { eventually, startReceiver, type Receiver } from '../helpers/webhook-receiver';

const databases: TestDatabase[] = [];
const receivers: Receiver[] = [];

afterEach(async () => {
  await killAllServers();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  for (const database of databases.splice(0)) await database.drop();
});

async function setup(answer?: Receiver['answer']) {
  const database = await createTestDatabase();
  databases.push(database);
  const receiver = await startReceiver(answer);
  receivers.push(receiver);
  const key = `ct_test_${randomBytes(24).toString('base64url')}`;
  const env = { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_KEY: key, SEED_DEMO: 'false', WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_DELAYS: '0.2' };
  return { database, receiver, key, env };
}

async function subscribe(server: ServerProcess, key: string, url: string): Promise<{ id: string; secret: string }> {
  const res = await httpRequest(server.port, '/v1/webhooks', { method: 'POST', key, body: { url, events: ['claim.create'] } });
  expect(res.status).toBe(201);
  return res.body;
}

async function createClaim(server: ServerProcess, key: string): Promise<string> {
  const res = await httpRequest(server.port, '/v1/claims', { method: 'POST', key, body: { text: `ادعاء ${unique()}`, language: 'ar' } });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Resolves once `n` long polls wait in the server (its /metrics gauge), or fails after 5 s. */
async function longPollsWaiting(server: ServerProcess, n: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const metrics = await httpRequest(server.port, '/metrics');
    if (Number(/^claimtrack_changes_waiting (\d+)/m.exec(metrics.text)?.[1]) >= n) return;
    if (Date.now() > deadline) throw new Error(`fewer than ${n} long polls waiting after 5 s`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

/** A lease run out behind the dead process's back (it would in 30 s): on PostgreSQL no one else may call it dead. */
async function expireLeases(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`UPDATE "WebhookDelivery" SET "leasedUntil" = now() - interval '1 second' WHERE "leasedUntil" IS NOT NULL`);
  await client.end();
}

describe('kill -9 right after an acknowledged write', () => {
  it(
    'delivers the event after a restart, with the same webhook-id',
    async () => {
      // The first attempt never gets an answer: the process dies while the delivery is in flight.
      const { database, receiver, key, env } = await setup((_r, i) => (i === 0 ? 'hang' : 200));
      const first = await startServer(env);
      const webhook = await subscribe(first, key, receiver.url);

      const claimId = await createClaim(first, key);
      await receiver.waitFor((r) => r.length === 1, 10_000, 'the first attempt');
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');

      if (onPostgres) await expireLeases(database.url);
      await startServer(env);
      await receiver.waitFor((r) => r.length === 2, 15_000, 'the delivery after the restart');

      const [lost, delivered] = receiver.received;
      expect(delivered!.headers['webhook-id']).toBe(lost!.headers['webhook-id']);
      const payload = new Webhook(webhook.secret).verify(delivered!.body, delivered!.headers as Record<string, string>) as { data: { entityId: string } };
      expect(payload.data.entityId).toBe(claimId);
    },
    60_000,
  );
});

describe('SIGTERM', () => {
  it(
    'gives back the lease of a delivery in flight, which the next start sends at once, and ends long polls',
    async () => {
      const { receiver, key, env } = await setup((_r, i) => (i === 0 ? 'hang' : 200));
      const server = await startServer({ ...env, SHUTDOWN_TIMEOUT_MS: '2000' });
      await subscribe(server, key, receiver.url);
      await createClaim(server, key);
      await receiver.waitFor((r) => r.length === 1, 10_000, 'the first attempt');
      // A long poll past the head: nothing will come, and it may wait 30 s.
      const head = (await httpRequest(server.port, '/v1/changes', { key })).body.lastSeq as number;
      expect(head).toBeGreaterThan(0);
      const poll = httpRequest(server.port, `/v1/changes?after=${head}&wait=30`, { key, timeoutMs: 40_000 });
      await longPollsWaiting(server, 1);

      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      const answered = await poll;
      const exit = await server.exited;

      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ data: [], lastSeq: head });
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(5_000);
      expect(server.stdout()).toContain('webhook deliveries in flight at shutdown released');

      // Given back, not left to run out (30 s): the next start delivers it at once.
      const restartedAt = Date.now();
      await startServer(env);
      await receiver.waitFor((r) => r.length === 2, 10_000, 'the released delivery');
      expect(Date.now() - restartedAt).toBeLessThan(10_000);
      expect(receiver.received[1]!.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id']);
    },
    60_000,
  );
});

(onPostgres ? describe : describe.skip)('two API processes on one PostgreSQL', () => {
  it(
    'deliver every event, none twice, and share long-poll wake-ups',
    async () => {
      const { receiver, key, env } = await setup();
      const a = await startServer(env);
      const b = await startServer(env);
      const webhook = await subscribe(a, key, receiver.url);

      const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => createClaim(i % 2 === 0 ? a : b, key)));
      await receiver.waitFor((r) => new Set(r.map((x) => x.json?.data?.entityId)).size === ids.length, 20_000, 'all 60 events');

      // Every delivery settled once, in one of the two processes (an outcome is recorded just after the receiver answered).
      const log = await eventually(async () => {
        const page = await httpRequest(a.port, `/v1/webhooks/${webhook.id}/deliveries?limit=200`, { key });
        return page.body.data.length === 60 && page.body.data.every((d: { state: string }) => d.state !== 'pending') ? page : undefined;
      }, 10_000, '60 settled deliveries');
      for (const delivery of log.body.data) expect(delivery).toMatchObject({ state: 'succeeded', attempts: [expect.objectContaining({ status: 200 })] });
      const webhookIds = receiver.received.map((r) => r.headers['webhook-id']);
      expect(new Set(webhookIds).size).toBe(webhookIds.length);
      expect(receiver.received.map((r) => r.json.data.entityId).sort()).toEqual([...ids].sort());

      // A long poll on one process, a write on the other.
      const { lastSeq } = (await httpRequest(a.port, '/v1/changes', { key })).body;
      let answeredAt = 0;
      const poll = httpRequest(a.port, `/v1/changes?after=${lastSeq}&wait=20`, { key, timeoutMs: 30_000 }).then((res) => {
        answeredAt = Date.now();
        return res;
      });
      await longPollsWaiting(a, 1);
      const claimId = await createClaim(b, key);
      const writtenAt = Date.now();
      const res = await poll;

      expect(res.body.data.map((c: { entityId: string }) => c.entityId)).toEqual([claimId]);
      console.log(`long poll on process A woken by a write on B after ${answeredAt - writtenAt} ms`);
      expect(answeredAt - writtenAt).toBeLessThan(1_000);
    },
    90_000,
  );
});
