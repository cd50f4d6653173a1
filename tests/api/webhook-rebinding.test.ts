/**
 * The SSRF guard at connect time (DESIGN §10, DNS rebinding): a name that resolved to a public
 * address when it was subscribed, and resolves to loopback when a delivery connects, is refused
 * then. The guard is on here (no WEBHOOK_ALLOW_PRIVATE), and DNS is a resolver this file controls.
 */
import type { LookupFunction } from 'node:net';
import request from 'supertest';
import { bearer, useTestApp } from '../helpers/test-app';
import { eventually, startReceiver, type Receiver } from '../helpers/webhook-receiver';

const lookups: string[] = [];
/** rebind.example.test: a public address on the first lookup, 127.0.0.1 on every later one. */
const rebinding: LookupFunction = (hostname, options, callback) => {
  const first = !lookups.includes(hostname);
  lookups.push(hostname);
  const answer = { address: first ? '93.184.216.34' : '127.0.0.1', family: 4 };
  if (options.all) callback(null, [answer]);
  else callback(null, answer.address, answer.family);
};

const { t, ws } = useTestApp({ resolver: rebinding, dispatcher: { timeoutMs: 1_000 }, env: { WEBHOOK_RETRY_DELAYS: '0.1' } });

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

it('refuses the connection when the name now resolves to loopback, and logs why', async () => {
  const url = `http://rebind.example.test:${receiver.port}/hook`;
  const webhook = await request(t.app).post('/v1/webhooks').set(bearer(ws.keys.editor)).send({ url, events: ['claim.create'] }).expect(201);

  await request(t.app).post('/v1/claims').set(bearer(ws.keys.checker)).send({ text: 'ادعاء', language: 'ar' }).expect(201);

  const delivery = await eventually(async () => {
    const res = await request(t.app).get(`/v1/webhooks/${webhook.body.id}/deliveries`).set(bearer(ws.keys.editor)).expect(200);
    return res.body.data[0]?.state === 'failed' ? res.body.data[0] : undefined;
  }, 10_000, 'a failed delivery');
  expect(delivery.attempts).toHaveLength(2);
  for (const attempt of delivery.attempts) {
    expect(attempt).toMatchObject({ status: null, error: expect.stringMatching(/^refused: rebind\.example\.test \(127\.0\.0\.1\) is a loopback address/) });
  }
  // The lookups after the subscription's were the deliveries' own, and none reached the receiver.
  expect(lookups.filter((name) => name === 'rebind.example.test').length).toBeGreaterThanOrEqual(3);
  expect(receiver.received).toEqual([]);
});
