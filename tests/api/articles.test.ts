import { createHash } from 'node:crypto';
import request from 'supertest';
import { bearer, unique, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

function articleBody(overrides: Record<string, unknown> = {}) {
  return {
    url: `https://news.example.org/${unique('a')}`,
    title: 'رئيس الأركان الأذري في البلاد',
    publisher: 'عرب 48',
    language: 'ar',
    publishedAt: '2018-10-24T17:17:00Z',
    body: 'بقيمة 5 مليار دولار',
    ...overrides,
  };
}

async function createArticle(key = ws.keys.checker, overrides: Record<string, unknown> = {}) {
  const res = await request(t.app).post('/v1/articles').set(bearer(key)).send(articleBody(overrides)).expect(201);
  return res;
}

async function auditCount(key = ws.keys.auditor): Promise<number> {
  const res = await request(t.app).get('/v1/audit/verify').set(bearer(key)).expect(200);
  return res.body.count as number;
}

describe('POST /v1/articles', () => {
  it('creates the article with version 1, its ETag, Location and body hash', async () => {
    const res = await createArticle();
    expect(res.body).toMatchObject({ language: 'ar', version: 1, title: 'رئيس الأركان الأذري في البلاد' });
    expect(res.body.bodySha256).toBe(createHash('sha256').update('بقيمة 5 مليار دولار', 'utf8').digest('hex'));
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/v1/articles/${res.body.id}`);
    expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('answers 409 for a url the workspace already has, and stores nothing', async () => {
    const first = await createArticle();
    const before = await auditCount();
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send(articleBody({ url: first.body.url })).expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.existingId).toBe(first.body.id);
    expect(await auditCount()).toBe(before);
  });

  it('lets another workspace use the same url', async () => {
    const first = await createArticle();
    const other = await t.newWorkspace();
    await request(t.app).post('/v1/articles').set(bearer(other.keys.checker)).send(articleBody({ url: first.body.url })).expect(201);
  });
});

describe('GET /v1/articles/:id', () => {
  it('returns the article with its body, its claims and an ETag', async () => {
    const created = await createArticle();
    const res = await request(t.app).get(`/v1/articles/${created.body.id}`).set(bearer(ws.keys.viewer)).expect(200);
    expect(res.body).toMatchObject({ id: created.body.id, body: 'بقيمة 5 مليار دولار', claims: [] });
    expect(res.headers.etag).toBe('"1"');
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const created = await createArticle();
    await request(t.app).get(`/v1/articles/${created.body.id}`).set(bearer(ws.keys.viewer)).set('If-None-Match', '"1"').expect(304);
    await request(t.app).get(`/v1/articles/${created.body.id}`).set(bearer(ws.keys.viewer)).set('If-None-Match', '"7"').expect(200);
  });

  it('answers 404 for an article of another workspace', async () => {
    const other = await t.newWorkspace();
    const theirs = await createArticle(other.keys.checker);
    const res = await request(t.app).get(`/v1/articles/${theirs.body.id}`).set(bearer(ws.keys.viewer)).expect(404);
    expect(res.body.status).toBe(404);
  });
});

describe('GET /v1/articles', () => {
  it('pages newest first by cursor without repeating or skipping', async () => {
    const fresh = await t.newWorkspace();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await createArticle(fresh.keys.checker)).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(t.app)
        .get('/v1/articles')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(fresh.keys.viewer))
        .expect(200);
      seen.push(...res.body.data.map((a: { id: string }) => a.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('answers 400 for a cursor it did not give out', async () => {
    const res = await request(t.app).get('/v1/articles?cursor=bm9wZQ').set(bearer(ws.keys.viewer)).expect(400);
    expect(res.body.errors).toEqual([{ path: 'query.cursor', message: 'invalid cursor' }]);
  });
});

describe('PATCH /v1/articles/:id', () => {
  it('changes the article, bumps the version and records before and after', async () => {
    const created = await createArticle();
    const res = await request(t.app)
      .patch(`/v1/articles/${created.body.id}`)
      .set(bearer(ws.keys.checker))
      .set('If-Match', '"1"')
      .send({ title: 'عنوان جديد' })
      .expect(200);
    expect(res.body).toMatchObject({ title: 'عنوان جديد', version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const events = await request(t.app)
      .get('/v1/audit/events')
      .query({ entityId: created.body.id, action: 'article.update' })
      .set(bearer(ws.keys.auditor))
      .expect(200);
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0]).toMatchObject({
      before: { title: 'رئيس الأركان الأذري في البلاد', version: 1 },
      after: { title: 'عنوان جديد', version: 2 },
      actor: { keyId: ws.keyIds.checker, role: 'checker' },
    });
  });

  it('answers 428 without If-Match and 412 when it is stale, and changes nothing', async () => {
    const created = await createArticle();
    const before = await auditCount();
    await request(t.app).patch(`/v1/articles/${created.body.id}`).set(bearer(ws.keys.checker)).send({ title: 'x' }).expect(428);
    const stale = await request(t.app)
      .patch(`/v1/articles/${created.body.id}`)
      .set(bearer(ws.keys.checker))
      .set('If-Match', '"9"')
      .send({ title: 'x' })
      .expect(412);
    expect(stale.body.currentVersion).toBe(1);
    const after = await request(t.app).get(`/v1/articles/${created.body.id}`).set(bearer(ws.keys.viewer)).expect(200);
    expect(after.body.title).toBe('رئيس الأركان الأذري في البلاد');
    expect(await auditCount()).toBe(before);
  });

  it('lets exactly one of 12 concurrent PATCHes carrying one ETag win; the other 11 get 412', async () => {
    const created = await createArticle();
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        request(t.app)
          .patch(`/v1/articles/${created.body.id}`)
          .set(bearer(ws.keys.checker))
          .set('If-Match', '"1"')
          .send({ title: `writer ${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(412)]);
    const winner = responses.find((r) => r.status === 200)!;
    const now = await request(t.app).get(`/v1/articles/${created.body.id}`).set(bearer(ws.keys.viewer)).expect(200);
    expect(now.body).toMatchObject({ title: winner.body.title, version: 2 });
  });

  it('answers 400 for an unknown field or a version in the body, and changes nothing', async () => {
    const created = await createArticle();
    for (const body of [{ title: 'x', workspaceId: ws.id }, { version: 5 }, { bodySha256: 'ab' }]) {
      const res = await request(t.app)
        .patch(`/v1/articles/${created.body.id}`)
        .set(bearer(ws.keys.checker))
        .set('If-Match', '"1"')
        .send(body)
        .expect(400);
      expect(res.body.errors.some((e: { message: string }) => e.message === 'unknown field')).toBe(true);
    }
    const after = await request(t.app).get(`/v1/articles/${created.body.id}`).set(bearer(ws.keys.viewer)).expect(200);
    expect(after.body.version).toBe(1);
  });

  it('answers 404 for an article of another workspace, and leaves it alone', async () => {
    const other = await t.newWorkspace();
    const theirs = await createArticle(other.keys.checker);
    await request(t.app).patch(`/v1/articles/${theirs.body.id}`).set(bearer(ws.keys.checker)).set('If-Match', '"1"').send({ title: 'mine now' }).expect(404);
    const still = await request(t.app).get(`/v1/articles/${theirs.body.id}`).set(bearer(other.keys.viewer)).expect(200);
    expect(still.body.title).toBe('رئيس الأركان الأذري في البلاد');
  });

  it('recomputes bodySha256 when the body changes', async () => {
    const created = await createArticle();
    const res = await request(t.app)
      .patch(`/v1/articles/${created.body.id}`)
      .set(bearer(ws.keys.checker))
      .set('If-Match', '"1"')
      .send({ body: 'نص آخر' })
      .expect(200);
    expect(res.body.bodySha256).not.toBe(created.body.bodySha256);
  });
});

describe('DELETE /v1/articles/:id', () => {
  it('soft-deletes with If-Match: the article is gone from reads, and its url stays reserved', async () => {
    const created = await createArticle();
    await request(t.app).delete(`/v1/articles/${created.body.id}`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(204);
    await request(t.app).get(`/v1/articles/${created.body.id}`).set(bearer(ws.keys.viewer)).expect(404);
    const list = await request(t.app).get('/v1/articles').query({ limit: 200 }).set(bearer(ws.keys.viewer)).expect(200);
    expect(list.body.data.map((a: { id: string }) => a.id)).not.toContain(created.body.id);
    await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send(articleBody({ url: created.body.url })).expect(409);
    const row = await t.db.reader.article.findUnique({ where: { id: created.body.id } });
    expect(row?.deletedAt).toBeInstanceOf(Date);
  });

  it('answers 404 for an article of another workspace, and does not delete it', async () => {
    const other = await t.newWorkspace();
    const theirs = await createArticle(other.keys.checker);
    await request(t.app).delete(`/v1/articles/${theirs.body.id}`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(404);
    await request(t.app).get(`/v1/articles/${theirs.body.id}`).set(bearer(other.keys.viewer)).expect(200);
  });
});
