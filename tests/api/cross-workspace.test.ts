import request from 'supertest';
import { bearer, unique, useTestApp, type Workspace } from '../helpers/test-app';

const { t, ws } = useTestApp();

/** An id of the right shape that names nothing anywhere. */
const RANDOM_ID = '01900000-0000-7000-8000-00000000abcd';

/** What a client can tell from an answer, with the id it asked about blanked out. */
function observable(res: request.Response, id: string) {
  const { requestId: _r, ...body } = res.body as Record<string, unknown>;
  return { status: res.status, contentType: res.headers['content-type'], body: JSON.parse(JSON.stringify(body).replaceAll(id, '<id>')) };
}

let theirs: { workspace: Workspace; articleId: string; sourceId: string; claimId: string };

beforeAll(async () => {
  const workspace = await t.newWorkspace();
  const key = bearer(workspace.keys.checker);
  const article = await request(t.app).post('/v1/articles').set(key).send({ url: `https://example.org/${unique()}`, title: 'مقال', language: 'ar', body: 'نص المقال هنا.' }).expect(201);
  const source = await request(t.app).post('/v1/sources').set(key).send({ url: `https://example.org/${unique()}`, title: 'مصدر', kind: 'dataset' }).expect(201);
  const claim = await request(t.app).post('/v1/claims').set(key).send({ text: 'ادعاء آخر', language: 'ar' }).expect(201);
  theirs = { workspace, articleId: article.body.id, sourceId: source.body.id, claimId: claim.body.id };
});

async function myClaim(): Promise<Mine> {
  const res = await request(t.app).post('/v1/claims').set(bearer(ws.keys.checker)).send({ text: `ادعاء ${unique()}`, language: 'ar' }).expect(201);
  return res.body as Mine;
}

type Mine = { id: string; version: number };
/** Each case sends the same request (about the same claim of ours) naming their object, then a random id. */
const CASES: [name: string, send: (id: string, mine: Mine) => Promise<request.Response>, theirId: () => string][] = [
  ['POST /v1/claims with articleId', (id) => request(t.app).post('/v1/claims').set(bearer(ws.keys.checker)).send({ text: 'ادعاء', language: 'ar', articleId: id }), () => theirs.articleId],
  [
    'POST /v1/claims/batch with articleId',
    (id) => request(t.app).post('/v1/claims/batch').set(bearer(ws.keys.checker)).send({ claims: [{ text: 'ادعاء', language: 'ar' }, { text: 'ادعاء', language: 'ar', articleId: id }] }),
    () => theirs.articleId,
  ],
  [
    'PATCH /v1/claims/:id with articleId',
    (id, mine) => request(t.app).patch(`/v1/claims/${mine.id}`).set(bearer(ws.keys.checker)).set('If-Match', `"${mine.version}"`).send({ articleId: id }),
    () => theirs.articleId,
  ],
  [
    'POST /v1/claims/:id/evidence with sourceId',
    (id, mine) => request(t.app).post(`/v1/claims/${mine.id}/evidence`).set(bearer(ws.keys.checker)).send({ sourceId: id, stance: 'supports' }),
    () => theirs.sourceId,
  ],
  [
    'POST /v1/claims/bulk-transition with a claim id',
    (id, mine) => request(t.app).post('/v1/claims/bulk-transition').set(bearer(ws.keys.checker)).send({ claimIds: [mine.id, id], to: 'in_review' }),
    () => theirs.claimId,
  ],
  ['GET /v1/claims/:id', (id) => request(t.app).get(`/v1/claims/${id}`).set(bearer(ws.keys.viewer)), () => theirs.claimId],
  ['GET /v1/articles/:id', (id) => request(t.app).get(`/v1/articles/${id}`).set(bearer(ws.keys.viewer)), () => theirs.articleId],
  ['GET /v1/sources/:id', (id) => request(t.app).get(`/v1/sources/${id}`).set(bearer(ws.keys.viewer)), () => theirs.sourceId],
];

describe('another workspace’s object answers exactly what an id that names nothing answers', () => {
  it.each(CASES)('%s', async (_name, send, theirId) => {
    const auditBefore = (await request(t.app).get('/v1/audit/verify').set(bearer(theirs.workspace.keys.auditor)).expect(200)).body.count;
    const mine = await myClaim();
    const theirsAnswer = observable(await send(theirId(), mine), theirId());
    const randomAnswer = observable(await send(RANDOM_ID, mine), RANDOM_ID);
    expect(theirsAnswer.status).toBeGreaterThanOrEqual(400);
    expect(theirsAnswer).toEqual(randomAnswer);
    // Nothing of theirs changed either.
    expect((await request(t.app).get('/v1/audit/verify').set(bearer(theirs.workspace.keys.auditor)).expect(200)).body.count).toBe(auditBefore);
  });
});
