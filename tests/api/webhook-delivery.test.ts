/**
 * Webhook delivery (DESIGN §10) to real HTTP receivers on 127.0.0.1, with the dispatcher running
 * in the test app as server.ts runs it: signatures verified with the standardwebhooks package a
 * receiver would use, only subscribed events, nothing from a rolled-back write, retries with one
 * webhook-id and their log, deletion, rotation, and workspaces kept apart.
 */
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret } from '../../src/modules/webhooks/signing';
import { bearer, onPostgres, unique, useTestApp, type Workspace } from '../helpers/test-app';
import { eventually, startReceiver, type Receiver } from '../helpers/webhook-receiver';

const RETRY_MS = 200;
const { t, ws } = useTestApp({
  env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_DELAYS: `${RETRY_MS / 1000},${RETRY_MS / 1000}` },
  // A hanging receiver is given up on after 1 s here, not 10.
  dispatcher: { timeoutMs: 1_000 },
});

const receivers: Receiver[] = [];
async function receiver(answer?: Receiver['answer']): Promise<Receiver> {
  const started = await startReceiver(answer);
  receivers.push(started);
  return started;
}
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

async function subscribe(url: string, events: string[], workspace: Workspace = ws): Promise<{ id: string; secret: string }> {
  const res = await request(t.app).post('/v1/webhooks').set(bearer(workspace.keys.editor)).send({ url, events }).expect(201);
  return res.body;
}

async function createClaim(workspace: Workspace = ws, text = `ادعاء ${unique()}`) {
  return (await request(t.app).post('/v1/claims').set(bearer(workspace.keys.checker)).send({ text, language: 'ar' }).expect(201)).body;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function deliveries(webhookId: string): Promise<any[]> {
  return (await request(t.app).get(`/v1/webhooks/${webhookId}/deliveries?limit=200`).set(bearer(ws.keys.editor)).expect(200)).body.data;
}

/** The delivery log once nothing is pending any more. */
function settledDeliveries(webhookId: string, count: number) {
  return eventually(async () => {
    const log = await deliveries(webhookId);
    return log.length === count && log.every((d) => d.state !== 'pending') ? log : undefined;
  }, 10_000, `${count} settled deliveries`);
}

describe('a delivery', () => {
  it('is the event as DESIGN §10 says, signed so that standardwebhooks verifies it', async () => {
    const hook = await receiver();
    const webhook = await subscribe(hook.url, ['claim.create']);

    const claim = await createClaim();
    await hook.waitFor((r) => r.length === 1);

    const [received] = hook.received;
    const headers = received!.headers as Record<string, string>;
    const verified = new Webhook(webhook.secret).verify(received!.body, headers) as Record<string, unknown>;
    expect(verified).toEqual(received!.json);
    const events = await request(t.app).get(`/v1/audit/events?entityId=${claim.id}`).set(bearer(ws.keys.auditor)).expect(200);
    const audit = events.body.data[0];
    expect(received!.json).toEqual({
      type: 'claim.create',
      timestamp: audit.at,
      data: { workspaceId: ws.id, seq: audit.seq, entityType: 'claim', entityId: claim.id, actor: { keyId: ws.keyIds.checker, name: 'checker', role: 'checker' }, after: audit.after },
    });
    expect(received!.json.data.after).toMatchObject({ id: claim.id, text: claim.text, status: 'unverified', version: 1 });
    expect(received!.headers['content-type']).toBe('application/json');
    expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(10);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const [delivery] = await settledDeliveries(webhook.id, 1);
    expect(headers['webhook-id']).toBe(delivery.id);
    expect(delivery).toMatchObject({ state: 'succeeded', nextAttemptAt: null, event: { id: audit.id, type: 'claim.create', seq: audit.seq, entityType: 'claim', entityId: claim.id } });
    expect(delivery.attempts).toEqual([{ at: expect.any(String), status: 200, error: null, durationMs: expect.any(Number) }]);
  });

  it('fails verification when the body changed by one byte, the timestamp is old, or the secret is another', async () => {
    const hook = await receiver();
    const webhook = await subscribe(hook.url, ['claim.create']);
    await createClaim();
    await hook.waitFor((r) => r.length === 1);
    const { body, headers } = hook.received[0]!;
    const signed = headers as Record<string, string>;
    const verifier = new Webhook(webhook.secret);

    const tampered = body.replace('"claim.create"', '"claim.creatf"');
    expect(tampered).not.toBe(body);
    expect(() => verifier.verify(tampered, signed)).toThrow('No matching signature found');
    const old = String(Math.floor(Date.now() / 1000) - 10 * 60);
    expect(() => verifier.verify(body, { ...signed, 'webhook-timestamp': old })).toThrow('Message timestamp too old');
    expect(() => new Webhook(newWebhookSecret()).verify(body, signed)).toThrow('No matching signature found');
    expect(() => verifier.verify(body, { ...signed, 'webhook-id': 'another-id' })).toThrow('No matching signature found');
  });

  it('is made only for subscribed events', async () => {
    const hook = await receiver();
    const webhook = await subscribe(hook.url, ['article.create']);

    await createClaim();
    const article = await request(t.app)
      .post('/v1/articles')
      .set(bearer(ws.keys.checker))
      .send({ url: `https://example.org/${unique()}`, title: 'مقال', language: 'ar', body: 'نص' })
      .expect(201);

    const [delivery] = await settledDeliveries(webhook.id, 1);
    expect(delivery.event).toMatchObject({ type: 'article.create', entityId: article.body.id });
    expect(hook.received.map((r) => r.json.type)).toEqual(['article.create']);
  });

  it('is made for every content event with ["*"], never for key or webhook events', async () => {
    const hook = await receiver();
    const webhook = await subscribe(hook.url, ['*']);

    await request(t.app).post('/v1/api-keys').set(bearer(ws.keys.admin)).send({ name: 'another', role: 'viewer' }).expect(201);
    await request(t.app).post(`/v1/webhooks/${webhook.id}/rotate-secret`).set(bearer(ws.keys.editor)).expect(200);
    const source = await request(t.app).post('/v1/sources').set(bearer(ws.keys.checker)).send({ url: `https://example.org/${unique()}`, title: 'مصدر', kind: 'dataset' }).expect(201);

    const log = await settledDeliveries(webhook.id, 1);
    expect(log.map((d) => d.event.type)).toEqual(['source.create']);
    expect(hook.received.map((r) => r.json.data.entityId)).toEqual([source.body.id]);
  });

  it('is not made for a write that rolled back: a batch with one invalid claim sends nothing', async () => {
    const hook = await receiver();
    const webhook = await subscribe(hook.url, ['*']);

    const batch = await request(t.app)
      .post('/v1/claims/batch')
      .set(bearer(ws.keys.checker))
      .send({ claims: [{ text: 'ادعاء صالح', language: 'ar' }, { text: 'ادعاء', language: 'ar', articleId: '01900000-0000-7000-8000-00000000abcd' }] });
    expect(batch.status).toBe(422);
    const after = await createClaim();

    const log = await settledDeliveries(webhook.id, 1);
    expect(log[0].event.entityId).toBe(after.id);
    expect(hook.received.map((r) => r.json.data.entityId)).toEqual([after.id]);
  });
});

describe('retries', () => {
  it('retry a non-2xx answer after WEBHOOK_RETRY_DELAYS with the same webhook-id, logging every attempt', async () => {
    const statuses = [500, 503, 200];
    const hook = await receiver((_r, i) => statuses[i] ?? 200);
    const webhook = await subscribe(hook.url, ['claim.create']);

    await createClaim();
    await hook.waitFor((r) => r.length === 3);

    const ids = hook.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(1);
    // Every attempt is signed afresh and verifies.
    for (const r of hook.received) expect(() => new Webhook(webhook.secret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
    for (let i = 1; i < 3; i += 1) expect(hook.received[i]!.at - hook.received[i - 1]!.at).toBeGreaterThanOrEqual(RETRY_MS - 20);
    const [delivery] = await settledDeliveries(webhook.id, 1);
    expect(delivery.id).toBe(ids[0]);
    expect(delivery.state).toBe('succeeded');
    expect(delivery.attempts.map((a: { status: number }) => a.status)).toEqual([500, 503, 200]);
    expect(delivery.attempts[0].error).toMatch(/answered 500/);
    expect(delivery.attempts[2].error).toBeNull();
    for (const attempt of delivery.attempts) expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('fail the delivery once the delays are spent; POST …/retry sends it once more', async () => {
    let healthy = false;
    const hook = await receiver(() => (healthy ? 200 : 500));
    const webhook = await subscribe(hook.url, ['claim.create']);
    await createClaim();

    const [failed] = await settledDeliveries(webhook.id, 1);
    expect(failed).toMatchObject({ state: 'failed', nextAttemptAt: null });
    expect(failed.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 500]);
    expect(hook.received).toHaveLength(3);

    healthy = true;
    const retry = await request(t.app).post(`/v1/webhooks/${webhook.id}/deliveries/${failed.id}/retry`).set(bearer(ws.keys.editor)).expect(200);
    expect(retry.body).toMatchObject({ id: failed.id, state: 'pending' });

    await hook.waitFor((r) => r.length === 4);
    expect(hook.received[3]!.headers['webhook-id']).toBe(failed.id);
    const [done] = await settledDeliveries(webhook.id, 1);
    expect(done.state).toBe('succeeded');
    expect(done.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 500, 200]);
    const again = await request(t.app).post(`/v1/webhooks/${webhook.id}/deliveries/${failed.id}/retry`).set(bearer(ws.keys.editor)).expect(409);
    expect(again.body.detail).toMatch(/succeeded/);
    const audit = await request(t.app).get(`/v1/audit/events?entityId=${failed.id}`).set(bearer(ws.keys.auditor)).expect(200);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['webhook.retry_delivery']);
  });

  it('answer 404 for a delivery of another subscription, and 409 for a pending one', async () => {
    const hook = await receiver(() => 'hang');
    const webhook = await subscribe(hook.url, ['claim.create']);
    const other = await subscribe((await receiver()).url, ['article.create']);
    await createClaim();
    await hook.waitFor((r) => r.length === 1);
    const [pending] = await deliveries(webhook.id);

    await request(t.app).post(`/v1/webhooks/${other.id}/deliveries/${pending.id}/retry`).set(bearer(ws.keys.editor)).expect(404);
    const res = await request(t.app).post(`/v1/webhooks/${webhook.id}/deliveries/${pending.id}/retry`).set(bearer(ws.keys.editor)).expect(409);
    expect(res.body.detail).toMatch(/pending/);
  });

  it('follow timeouts, refused connections and redirects (which are not followed)', async () => {
    const hanging = await receiver(() => 'hang');
    const redirecting = await receiver(() => 302);
    const closed = await receiver();
    await closed.close();
    const hooks = {
      timeout: await subscribe(hanging.url, ['claim.create']),
      redirect: await subscribe(redirecting.url, ['claim.create']),
      refused: await subscribe(closed.url, ['claim.create']),
    };

    await createClaim();

    const [timedOut] = await settledDeliveries(hooks.timeout.id, 1);
    expect(timedOut.state).toBe('failed');
    expect(timedOut.attempts).toHaveLength(3);
    expect(timedOut.attempts[0]).toMatchObject({ status: null, error: expect.stringMatching(/no answer within 1 s/) });
    expect(timedOut.attempts[0].durationMs).toBeGreaterThanOrEqual(990);
    const [redirected] = await settledDeliveries(hooks.redirect.id, 1);
    expect(redirected.attempts.map((a: { status: number }) => a.status)).toEqual([302, 302, 302]);
    expect(redirected.attempts[0].error).toMatch(/redirects are not followed/);
    const [refused] = await settledDeliveries(hooks.refused.id, 1);
    expect(refused.attempts.map((a: { error: string }) => a.error)).toEqual([expect.stringMatching(/ECONNREFUSED/), expect.stringMatching(/ECONNREFUSED/), expect.stringMatching(/ECONNREFUSED/)]);
  }, 20_000);
});

describe('the dispatcher on PostgreSQL', () => {
  (onPostgres ? it : it.skip)('sends a retry while every request connection is taken (it has connections of its own)', async () => {
    const hook = await receiver((_r, i) => (i === 0 ? 500 : 200));
    await subscribe(hook.url, ['claim.create']);
    await createClaim();
    await hook.waitFor((r) => r.length === 1);

    // Every connection of the request pool (DATABASE_POOL_SIZE=20 in tests) held for 3 s.
    let blockedUntil = 0;
    const blockers = Promise.all(Array.from({ length: t.config.DATABASE_POOL_SIZE }, () => t.db.write((_tx, sql) => sql.all('SELECT 1 AS one FROM pg_sleep(3)')))).then(() => {
      blockedUntil = Date.now();
    });
    await hook.waitFor((r) => r.length === 2, 10_000, 'the retry');
    await blockers;

    // Due 200 ms after the first attempt: sent then, not once the connections are free 3 s later.
    expect(hook.received[1]!.at - hook.received[0]!.at).toBeLessThan(1_500);
    expect(blockedUntil - hook.received[1]!.at).toBeGreaterThan(1_000);
    expect(hook.received[1]!.headers['webhook-id']).toBe(hook.received[0]!.headers['webhook-id']);
  });
});

describe('a deleted subscription', () => {
  it('gets nothing more: its pending retries end, new events make no delivery', async () => {
    const failing = await receiver(() => 500);
    const webhook = await subscribe(failing.url, ['claim.create']);
    await createClaim();
    await failing.waitFor((r) => r.length === 1);

    await request(t.app).delete(`/v1/webhooks/${webhook.id}`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(204);
    const afterDelete = failing.received.length;

    // Nothing of it is due any more: the retry it had coming is gone with it.
    const rows = await t.db.reader.webhookDelivery.findMany({ where: { webhookId: webhook.id } });
    expect(rows.map((row) => [row.state, row.nextAttemptAt])).toEqual([['failed', null]]);
    const control = await receiver();
    await subscribe(control.url, ['claim.create']);
    await createClaim();
    await control.waitFor((r) => r.length === 1);
    expect(await t.db.reader.webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(1);
    // At most the attempt that was already in flight when it was deleted.
    expect(failing.received.length).toBeLessThanOrEqual(afterDelete + 1);
  });
});

describe('a secret rotation', () => {
  it('sends two signatures for 24 h, one verifying with each secret', async () => {
    const hook = await receiver();
    const webhook = await subscribe(hook.url, ['claim.create']);
    const rotated = await request(t.app).post(`/v1/webhooks/${webhook.id}/rotate-secret`).set(bearer(ws.keys.editor)).expect(200);

    await createClaim();
    await hook.waitFor((r) => r.length === 1);

    const { body, headers } = hook.received[0]!;
    const signatures = String(headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(2);
    for (const signature of signatures) expect(signature).toMatch(/^v1,/);
    // Each secret verifies the delivery alone, through the signature made with it.
    for (const [secret, index] of [[rotated.body.secret, 0], [webhook.secret, 1]] as const) {
      const only = { ...(headers as Record<string, string>), 'webhook-signature': signatures[index]! };
      expect(() => new Webhook(secret).verify(body, only)).not.toThrow();
    }
    expect(() => new Webhook(webhook.secret).verify(body, { ...(headers as Record<string, string>), 'webhook-signature': signatures[0]! })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers as Record<string, string>)).toThrow();
  });

  it('sends one signature, with the new secret, once the overlap is over', async () => {
    const hook = await receiver();
    const webhook = await subscribe(hook.url, ['claim.create']);
    const rotated = await request(t.app).post(`/v1/webhooks/${webhook.id}/rotate-secret`).set(bearer(ws.keys.editor)).expect(200);
    // The 24 hours, passed behind the API's back.
    // (Through the writer: a write on another connection of this process would wait, synchronously,
    // for a transaction that cannot end while it waits.)
    await t.db.write((tx) => tx.webhook.update({ where: { id: webhook.id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } }));

    await createClaim();
    await hook.waitFor((r) => r.length === 1);

    const { body, headers } = hook.received[0]!;
    expect(String(headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(() => new Webhook(rotated.body.secret).verify(body, headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(webhook.secret).verify(body, headers as Record<string, string>)).toThrow();
  });
});

describe('workspaces', () => {
  it('are sent only their own events', async () => {
    const other = await t.newWorkspace();
    const mine = await receiver();
    const theirs = await receiver();
    await subscribe(mine.url, ['*']);
    await subscribe(theirs.url, ['*'], other);

    const myClaim = await createClaim(ws);
    const theirClaim = await createClaim(other);
    await mine.waitFor((r) => r.some((x) => x.json.data.entityId === myClaim.id));
    await theirs.waitFor((r) => r.some((x) => x.json.data.entityId === theirClaim.id));

    expect(new Set(mine.received.map((r) => r.json.data.workspaceId))).toEqual(new Set([ws.id]));
    expect(new Set(theirs.received.map((r) => r.json.data.workspaceId))).toEqual(new Set([other.id]));
    expect(mine.received.map((r) => r.json.data.entityId)).not.toContain(theirClaim.id);
  });
});
