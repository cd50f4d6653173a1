import request from 'supertest';
import { bearer, unique, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

/** `V` stands for the resource's current version. */
const TABLE: [header: string | undefined, status: number][] = [
  [undefined, 428],
  ['"V"', 200],
  ['*', 200],
  [' "0", "V" ', 200],
  ['"bogus-etag"', 412],
  ['W/"V"', 412],
  ['"0", W/"V"', 412],
  ['"V+1"', 412],
  ['""', 412],
  ['bogus', 400],
  ['V', 400],
  ['"V', 400],
  ['*, "V"', 400],
  [' , ', 400],
];

function headerFor(template: string, version: number): string {
  return template.replace('V+1', String(version + 1)).replace('V', String(version));
}

async function newClaim(): Promise<{ id: string; version: number }> {
  const res = await request(t.app).post('/v1/claims').set(bearer(ws.keys.checker)).send({ text: `ادعاء ${unique()}`, language: 'ar' }).expect(201);
  return { id: res.body.id, version: res.body.version };
}

async function newSource(): Promise<{ id: string; version: number }> {
  const res = await request(t.app).post('/v1/sources').set(bearer(ws.keys.checker)).send({ url: `https://example.org/${unique()}`, title: 'مصدر', kind: 'dataset' }).expect(201);
  return { id: res.body.id, version: res.body.version };
}

/** A claim ready for a verdict: in review, with evidence. */
async function claimInReview(): Promise<{ id: string; version: number }> {
  const claim = await newClaim();
  const source = await newSource();
  await request(t.app).post(`/v1/claims/${claim.id}/evidence`).set(bearer(ws.keys.checker)).send({ sourceId: source.id, stance: 'refutes' }).expect(201);
  const started = await request(t.app).patch(`/v1/claims/${claim.id}`).set(bearer(ws.keys.checker)).set('If-Match', `"${claim.version}"`).send({ status: 'in_review' }).expect(200);
  return { id: claim.id, version: started.body.version };
}

/** What a refused request must leave as it was: the resource and the audit trail's head. */
async function snapshot(path: string) {
  const resource = await request(t.app).get(path).set(bearer(ws.keys.viewer));
  const audit = await request(t.app).get('/v1/audit/verify').set(bearer(ws.keys.auditor)).expect(200);
  return { status: resource.status, body: resource.body, auditCount: audit.body.count };
}

const ROUTES = [
  {
    name: 'PATCH /v1/claims/:id',
    arrange: newClaim,
    send: (id: string) => request(t.app).patch(`/v1/claims/${id}`).set(bearer(ws.keys.checker)).send({ tags: ['checked'] }),
    read: (id: string) => `/v1/claims/${id}`,
    success: 200,
  },
  {
    name: 'DELETE /v1/sources/:id',
    arrange: newSource,
    send: (id: string) => request(t.app).delete(`/v1/sources/${id}`).set(bearer(ws.keys.editor)),
    read: (id: string) => `/v1/sources/${id}`,
    success: 204,
  },
  {
    name: "POST /v1/claims/:id/reviews (a workflow action: the claim's ETag)",
    arrange: claimInReview,
    send: (id: string) => request(t.app).post(`/v1/claims/${id}/reviews`).set(bearer(ws.keys.checker)).send({ rating: 'false', summary: 'الأرقام الرسمية تنفي ذلك' }),
    read: (id: string) => `/v1/claims/${id}`,
    success: 201,
  },
];

describe.each(ROUTES)('If-Match on $name', ({ arrange, send, read, success }) => {
  it.each(TABLE)('If-Match %p answers %p; a refusal changes nothing', async (template, status) => {
    const { id, version } = await arrange();
    const before = await snapshot(read(id));
    let req = send(id);
    if (template !== undefined) req = req.set('If-Match', headerFor(template, version));
    const res = await req;
    const expected = status === 200 ? success : status;
    expect(res.status).toBe(expected);
    const after = await snapshot(read(id));
    if (expected >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      if (expected === 412) expect(res.body.currentVersion).toBe(version);
      expect(after).toEqual(before);
    } else {
      expect(after.auditCount).toBeGreaterThan(before.auditCount);
    }
  });
});
