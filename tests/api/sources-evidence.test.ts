import request from 'supertest';
import { bearer, unique, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

const sourceBody = (overrides: Record<string, unknown> = {}) => ({
  url: `https://www.haaretz.com/${unique()}`,
  title: 'Azerbaijan army chief visits Israel',
  publisher: 'Haaretz',
  kind: 'news_report',
  archiveUrl: 'https://archive.example.org/snap/1',
  ...overrides,
});

async function newSource(key = ws.keys.checker) {
  return (await request(t.app).post('/v1/sources').set(bearer(key)).send(sourceBody()).expect(201)).body;
}
async function newClaim(key = ws.keys.checker) {
  return (await request(t.app).post('/v1/claims').set(bearer(key)).send({ text: 'ادعاء', language: 'ar' }).expect(201)).body;
}

describe('sources', () => {
  it('creates, reads, changes with If-Match and lists a source', async () => {
    const source = await newSource();
    expect(source).toMatchObject({ kind: 'news_report', publisher: 'Haaretz', version: 1 });
    const read = await request(t.app).get(`/v1/sources/${source.id}`).set(bearer(ws.keys.viewer)).expect(200);
    expect(read.headers.etag).toBe('"1"');
    const changed = await request(t.app).patch(`/v1/sources/${source.id}`).set(bearer(ws.keys.checker)).set('If-Match', '"1"').send({ kind: 'primary_document' }).expect(200);
    expect(changed.body).toMatchObject({ kind: 'primary_document', version: 2 });
    const list = await request(t.app).get('/v1/sources').query({ kind: 'primary_document' }).set(bearer(ws.keys.viewer)).expect(200);
    expect(list.body.data.map((s: { id: string }) => s.id)).toContain(source.id);
  });

  it('answers 409 for a url the workspace already has', async () => {
    const source = await newSource();
    const res = await request(t.app).post('/v1/sources').set(bearer(ws.keys.checker)).send(sourceBody({ url: source.url })).expect(409);
    expect(res.body.existingId).toBe(source.id);
  });

  it('answers 400 for an unknown kind', async () => {
    await request(t.app).post('/v1/sources').set(bearer(ws.keys.checker)).send(sourceBody({ kind: 'rumour' })).expect(400);
  });

  it('refuses to delete a source that evidence cites, and deletes it once uncited', async () => {
    const source = await newSource();
    const claim = await newClaim();
    const link = await request(t.app).post(`/v1/claims/${claim.id}/evidence`).set(bearer(ws.keys.checker)).send({ sourceId: source.id, stance: 'supports' }).expect(201);
    await request(t.app).delete(`/v1/sources/${source.id}`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(409);
    await request(t.app).delete(`/v1/claims/${claim.id}/evidence/${link.body.id}`).set(bearer(ws.keys.checker)).set('If-Match', '"1"').expect(204);
    await request(t.app).delete(`/v1/sources/${source.id}`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(204);
    await request(t.app).get(`/v1/sources/${source.id}`).set(bearer(ws.keys.viewer)).expect(404);
  });
});

describe('evidence', () => {
  it('links a source to a claim; the claim shows it with its source', async () => {
    const source = await newSource();
    const claim = await newClaim();
    const res = await request(t.app)
      .post(`/v1/claims/${claim.id}/evidence`)
      .set(bearer(ws.keys.checker))
      .send({ sourceId: source.id, stance: 'refutes', excerpt: 'وفقا لتقارير مختلفة' })
      .expect(201);
    expect(res.body).toMatchObject({ claimId: claim.id, stance: 'refutes', createdById: ws.keyIds.checker, source: { id: source.id, url: source.url } });
    const list = await request(t.app).get(`/v1/claims/${claim.id}/evidence`).set(bearer(ws.keys.viewer)).expect(200);
    expect(list.body).toEqual({ data: [res.body], nextCursor: null });
    const got = await request(t.app).get(`/v1/claims/${claim.id}`).set(bearer(ws.keys.viewer)).expect(200);
    expect(got.body.evidence).toEqual([res.body]);
  });

  it('answers 409 for the same source and stance twice', async () => {
    const source = await newSource();
    const claim = await newClaim();
    await request(t.app).post(`/v1/claims/${claim.id}/evidence`).set(bearer(ws.keys.checker)).send({ sourceId: source.id, stance: 'supports' }).expect(201);
    await request(t.app).post(`/v1/claims/${claim.id}/evidence`).set(bearer(ws.keys.checker)).send({ sourceId: source.id, stance: 'supports' }).expect(409);
  });

  it('answers 422 for a source of another workspace (a reference in the body), 404 for its claim, and links nothing', async () => {
    const other = await t.newWorkspace();
    const theirSource = await newSource(other.keys.checker);
    const theirClaim = await newClaim(other.keys.checker);
    const claim = await newClaim();
    const mine = await newSource();
    await request(t.app).post(`/v1/claims/${claim.id}/evidence`).set(bearer(ws.keys.checker)).send({ sourceId: theirSource.id, stance: 'supports' }).expect(422);
    await request(t.app).post(`/v1/claims/${theirClaim.id}/evidence`).set(bearer(ws.keys.checker)).send({ sourceId: mine.id, stance: 'supports' }).expect(404);
    expect(await t.db.reader.evidence.count({ where: { claimId: { in: [claim.id, theirClaim.id] } } })).toBe(0);
  });

  it('needs If-Match to remove a link (428), and answers 404 for a link of another claim', async () => {
    const source = await newSource();
    const claim = await newClaim();
    const otherClaim = await newClaim();
    const link = await request(t.app).post(`/v1/claims/${claim.id}/evidence`).set(bearer(ws.keys.checker)).send({ sourceId: source.id, stance: 'context' }).expect(201);
    await request(t.app).delete(`/v1/claims/${claim.id}/evidence/${link.body.id}`).set(bearer(ws.keys.checker)).expect(428);
    await request(t.app).delete(`/v1/claims/${otherClaim.id}/evidence/${link.body.id}`).set(bearer(ws.keys.checker)).set('If-Match', '"1"').expect(404);
  });
});
