/**
 * Webhook subscriptions (DESIGN §8, §10): creating one (its secret shown once), reading, deleting
 * and rotating, what is refused (events, the SSRF guard at subscription), who may, and another
 * workspace's subscriptions. Delivery is tests/api/webhook-delivery.test.ts.
 */
import type { LookupFunction } from 'node:net';
import request from 'supertest';
import { bearer, unique, useTestApp } from '../helpers/test-app';

/**
 * DNS for this file, so that no test depends on the network: names under public.test resolve to
 * a public address, internal.test to a private one, mixed.test to both.
 */
const resolver: LookupFunction = (hostname, options, callback) => {
  const answers: Record<string, { address: string; family: number }[]> = {
    'hooks.public.test': [{ address: '93.184.216.34', family: 4 }],
    'db.internal.test': [{ address: '10.1.2.3', family: 4 }],
    'mixed.test': [
      { address: '93.184.216.34', family: 4 },
      { address: 'fd00::1', family: 6 },
    ],
  };
  const found = answers[hostname.toLowerCase()];
  if (!found) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
  if (options.all) return callback(null, found);
  return callback(null, found[0]!.address, found[0]!.family);
};

const { t, ws } = useTestApp({ resolver });

const PUBLIC_URL = 'https://hooks.public.test/claimtrack';

function subscribe(body: object, key = ws.keys.editor) {
  return request(t.app).post('/v1/webhooks').set(bearer(key)).send(body);
}

async function webhookCount(): Promise<number> {
  const res = await request(t.app).get('/v1/webhooks?limit=200').set(bearer(ws.keys.admin)).expect(200);
  return res.body.data.length;
}

describe('POST /v1/webhooks', () => {
  it('answers 201 with a whsec_ secret of at least 24 random bytes, shown this once', async () => {
    const res = await subscribe({ url: PUBLIC_URL, events: ['claim.create', 'review.publish'], description: 'CMS' }).expect(201);

    expect(res.body).toMatchObject({ url: PUBLIC_URL, events: ['claim.create', 'review.publish'], description: 'CMS', version: 1, previousSecretExpiresAt: null });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(res.body.secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(res.headers.location).toBe(`/v1/webhooks/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');

    const again = await request(t.app).get(`/v1/webhooks/${res.body.id}`).set(bearer(ws.keys.editor)).expect(200);
    expect(again.body).not.toHaveProperty('secret');
    expect(JSON.stringify(again.body)).not.toContain(res.body.secret.slice(6));
    const list = await request(t.app).get('/v1/webhooks').set(bearer(ws.keys.editor)).expect(200);
    expect(list.body.data.find((w: { id: string }) => w.id === res.body.id)).toEqual(again.body);
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret.slice(6));
  });

  it('gives every subscription its own secret', async () => {
    const a = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
    const b = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
    expect(a.body.secret).not.toBe(b.body.secret);
  });

  it('audits the subscription without its secret', async () => {
    const res = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
    const events = await request(t.app).get(`/v1/audit/events?entityId=${res.body.id}`).set(bearer(ws.keys.auditor)).expect(200);
    expect(events.body.data.map((e: { action: string }) => e.action)).toEqual(['webhook.create']);
    expect(events.body.data[0].after).toMatchObject({ id: res.body.id, url: PUBLIC_URL });
    expect(JSON.stringify(events.body)).not.toContain(res.body.secret.slice(6));
  });

  it('stores the URL as WHATWG parses it', async () => {
    const res = await subscribe({ url: 'HTTPS://Hooks.Public.Test:443/a/../claimtrack', events: ['*'] }).expect(201);
    expect(res.body.url).toBe('https://hooks.public.test/claimtrack');
  });

  it('accepts a host that does not resolve now: every delivery checks it again', async () => {
    await subscribe({ url: 'https://not-yet.public.test/hook', events: ['*'] }).expect(201);
  });

  it.each([
    ['an unknown action', { events: ['claim.explode'] }],
    ['an administrative action that is never delivered', { events: ['api_key.create'] }],
    ['a webhook action', { events: ['webhook.create'] }],
    ['"*" with other events', { events: ['*', 'claim.create'] }],
    ['no events', { events: [] }],
    ['no url', { url: undefined }],
    ['a url that is not one', { url: 'not a url' }],
    ['an unknown field', { secret: 'whsec_bXlzZWNyZXQ=' }],
  ])('answers 400 for %s, and subscribes nothing', async (_name, change) => {
    const before = await webhookCount();
    const res = await subscribe({ url: PUBLIC_URL, events: ['claim.create'], ...change });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(await webhookCount()).toBe(before);
  });

  it('answers 403 to the roles below editor', async () => {
    for (const role of ['viewer', 'checker', 'auditor'] as const) {
      await subscribe({ url: PUBLIC_URL, events: ['*'] }, ws.keys[role]).expect(403);
      await request(t.app).get('/v1/webhooks').set(bearer(ws.keys[role])).expect(403);
    }
    await subscribe({ url: PUBLIC_URL, events: ['*'] }, ws.keys.admin).expect(201);
  });
});

describe('the SSRF guard at subscription', () => {
  it.each([
    ['loopback', 'http://127.0.0.1/hook'],
    ['loopback, elsewhere in 127/8', 'http://127.10.0.1:8080/hook'],
    ['localhost', 'http://localhost/hook'],
    ['a name under localhost', 'http://api.localhost/hook'],
    ['IPv6 loopback', 'http://[::1]/hook'],
    ['RFC 1918 10/8', 'http://10.0.0.7/hook'],
    ['RFC 1918 172.16/12', 'http://172.16.5.4/hook'],
    ['RFC 1918 192.168/16', 'http://192.168.1.1/hook'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['carrier-grade NAT', 'http://100.64.0.1/hook'],
    ['unspecified', 'http://0.0.0.0/hook'],
    ['broadcast', 'http://255.255.255.255/hook'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/hook'],
    ['IPv4-mapped IPv6 metadata', 'http://[::ffff:a9fe:a9fe]/hook'],
    ['IPv6 unique local', 'http://[fc00::1]/hook'],
    ['IPv6 link-local', 'http://[fe80::1]/hook'],
    ['IPv6 unspecified', 'http://[::]/hook'],
    ['NAT64 of loopback', 'http://[64:ff9b::7f00:1]/hook'],
    ['multicast', 'http://224.0.0.1/hook'],
    ['IPv6 multicast', 'http://[ff02::1]/hook'],
    ['reserved 240/4', 'http://240.0.0.1/hook'],
    ['loopback as a decimal number', 'http://2130706433/'],
    ['loopback in hex', 'http://0x7f.0.0.1/'],
    ['loopback in short hex', 'http://0x7f.1/'],
    ['loopback in octal', 'http://0177.0.0.1/'],
    ['a name resolving to a private address', 'https://db.internal.test/hook'],
    ['a name with one private address among public ones', 'https://mixed.test/hook'],
    ['the ftp scheme', 'ftp://hooks.public.test/hook'],
    ['the file scheme', 'file:///etc/passwd'],
  ])('refuses %s with 422 (%s), and subscribes nothing', async (_name, url) => {
    const before = await webhookCount();
    const res = await subscribe({ url, events: ['*'] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: 'urn:claimtrack:problem:unprocessable', errors: [expect.objectContaining({ path: 'body.url' })] });
    expect(await webhookCount()).toBe(before);
  });

  it('accepts a public address', async () => {
    await subscribe({ url: 'http://93.184.216.34:8080/hook', events: ['*'] }).expect(201);
    await subscribe({ url: 'https://[2606:2800:220:1:248:1893:25c8:1946]/hook', events: ['*'] }).expect(201);
  });
});

describe('DELETE /v1/webhooks/:id', () => {
  it('needs If-Match (428, 412 when stale), then deletes: 404 afterwards, out of the list, audited', async () => {
    const created = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
    const path = `/v1/webhooks/${created.body.id}`;

    await request(t.app).delete(path).set(bearer(ws.keys.editor)).expect(428);
    await request(t.app).delete(path).set(bearer(ws.keys.editor)).set('If-Match', '"7"').expect(412);
    await request(t.app).get(path).set(bearer(ws.keys.editor)).expect(200);

    await request(t.app).delete(path).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(204);

    await request(t.app).get(path).set(bearer(ws.keys.editor)).expect(404);
    await request(t.app).get(`${path}/deliveries`).set(bearer(ws.keys.editor)).expect(404);
    await request(t.app).post(`${path}/rotate-secret`).set(bearer(ws.keys.editor)).expect(404);
    await request(t.app).delete(path).set(bearer(ws.keys.editor)).set('If-Match', '*').expect(404);
    const list = await request(t.app).get('/v1/webhooks?limit=200').set(bearer(ws.keys.editor)).expect(200);
    expect(list.body.data.map((w: { id: string }) => w.id)).not.toContain(created.body.id);
    const events = await request(t.app).get(`/v1/audit/events?entityId=${created.body.id}`).set(bearer(ws.keys.auditor)).expect(200);
    expect(events.body.data.map((e: { action: string }) => e.action)).toEqual(['webhook.create', 'webhook.delete']);
  });
});

describe('POST /v1/webhooks/:id/rotate-secret', () => {
  it('answers a new secret once, keeps the old one signing for 24 h, and is audited without either', async () => {
    const created = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
    const path = `/v1/webhooks/${created.body.id}`;

    const rotated = await request(t.app).post(`${path}/rotate-secret`).set(bearer(ws.keys.editor)).expect(200);

    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(rotated.body.version).toBe(2);
    expect(rotated.headers.etag).toBe('"2"');
    const overlapHours = (Date.parse(rotated.body.previousSecretExpiresAt) - Date.now()) / 3_600_000;
    expect(overlapHours).toBeGreaterThan(23.9);
    expect(overlapHours).toBeLessThanOrEqual(24);
    const read = await request(t.app).get(path).set(bearer(ws.keys.editor)).expect(200);
    expect(read.body).not.toHaveProperty('secret');
    expect(read.body.previousSecretExpiresAt).toBe(rotated.body.previousSecretExpiresAt);
    const events = await request(t.app).get(`/v1/audit/events?entityId=${created.body.id}`).set(bearer(ws.keys.auditor)).expect(200);
    expect(events.body.data.map((e: { action: string }) => e.action)).toEqual(['webhook.create', 'webhook.rotate_secret']);
    for (const secret of [created.body.secret, rotated.body.secret]) expect(JSON.stringify(events.body)).not.toContain(secret.slice(6));
  });

  it('checks If-Match when it is sent (412 when stale), and changes nothing then', async () => {
    const created = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
    const path = `/v1/webhooks/${created.body.id}`;

    await request(t.app).post(`${path}/rotate-secret`).set(bearer(ws.keys.editor)).set('If-Match', '"2"').expect(412);
    expect((await request(t.app).get(path).set(bearer(ws.keys.editor)).expect(200)).body.version).toBe(1);
    await request(t.app).post(`${path}/rotate-secret`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(200);
  });
});

describe("another workspace's subscriptions", () => {
  it('are not listed, and each of their routes answers 404', async () => {
    const other = await t.newWorkspace();
    const theirs = await subscribe({ url: PUBLIC_URL, events: ['*'] }, other.keys.editor).expect(201);
    const path = `/v1/webhooks/${theirs.body.id}`;
    const missing = '01900000-0000-7000-8000-00000000abcd';

    const list = await request(t.app).get('/v1/webhooks?limit=200').set(bearer(ws.keys.editor)).expect(200);
    expect(list.body.data.map((w: { id: string }) => w.id)).not.toContain(theirs.body.id);
    await request(t.app).get(path).set(bearer(ws.keys.editor)).expect(404);
    await request(t.app).get(`${path}/deliveries`).set(bearer(ws.keys.editor)).expect(404);
    await request(t.app).post(`${path}/rotate-secret`).set(bearer(ws.keys.editor)).expect(404);
    await request(t.app).post(`${path}/deliveries/${missing}/retry`).set(bearer(ws.keys.editor)).expect(404);
    await request(t.app).delete(path).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(404);
    // Untouched by all of that.
    expect((await request(t.app).get(path).set(bearer(other.keys.editor)).expect(200)).body.version).toBe(1);
  });
});

describe('GET /v1/webhooks', () => {
  it('pages newest first with a cursor', async () => {
    const other = await t.newWorkspace();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await subscribe({ url: `${PUBLIC_URL}/${unique()}`, events: ['*'] }, other.keys.editor).expect(201)).body.id);

    const first = await request(t.app).get('/v1/webhooks?limit=2').set(bearer(other.keys.editor)).expect(200);
    const second = await request(t.app).get(`/v1/webhooks?limit=2&cursor=${first.body.nextCursor}`).set(bearer(other.keys.editor)).expect(200);

    expect([...first.body.data, ...second.body.data].map((w: { id: string }) => w.id)).toEqual(ids.reverse());
    expect(second.body.nextCursor).toBeNull();
  });
});
