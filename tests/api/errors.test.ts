import request from 'supertest';
import { bearer, startTestApp, unique, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp({ env: { BODY_LIMIT: '2kb' } });

/** Every error is an RFC 9457 problem body, without a stack trace. */
function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json; charset=utf-8/);
  expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^urn:claimtrack:problem:/), title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

const article = () => ({ url: `https://example.org/${unique()}`, title: 't', language: 'en', body: 'b' });

describe('problem bodies (RFC 9457)', () => {
  it('answers 400 for malformed JSON', async () => {
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Content-Type', 'application/json').send('{"url": ');
    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/not valid JSON/);
  });

  it('answers 400 for a schema violation, listing each bad field', async () => {
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send({ url: 'not a url', title: '', language: 'arabic!' });
    expectProblem(res, 400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['body.body', 'body.language', 'body.title', 'body.url']);
  });

  it('answers 400 for an unknown field (no mass assignment), naming it', async () => {
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send({ ...article(), workspaceId: 'x', id: 'y' });
    expectProblem(res, 400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.workspaceId', message: 'unknown field' },
        { path: 'body.id', message: 'unknown field' },
      ]),
    );
  });

  it('answers 400 for a JSON body that is not an object', async () => {
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Content-Type', 'application/json').send('"just a string"');
    expectProblem(res, 400);
  });

  it('answers 401 without a key, with a malformed header, and with an unknown key', async () => {
    expectProblem(await request(t.app).get('/v1/articles'), 401);
    expectProblem(await request(t.app).get('/v1/articles').set('Authorization', 'Basic abc'), 401);
    const res = await request(t.app).get('/v1/articles').set(bearer('ct_unknown_key_unknown_key_unknown_key'));
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('answers 403 when the role may not', async () => {
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.viewer)).send(article());
    expectProblem(res, 403);
    expect(res.body.detail).toMatch(/checker, editor, admin/);
  });

  it('answers 404 for an unknown route and an unknown id', async () => {
    expectProblem(await request(t.app).get('/v1/nothing-here').set(bearer(ws.keys.viewer)), 404);
    expectProblem(await request(t.app).get('/v1/articles/0190a0a0-0000-7000-8000-000000000000').set(bearer(ws.keys.viewer)), 404);
  });

  it('answers 400, not 404 or 500, for an id that is not one', async () => {
    expectProblem(await request(t.app).get('/v1/articles/..%2F..%2Fetc').set(bearer(ws.keys.viewer)), 400);
  });

  it('answers 409 for a duplicate url', async () => {
    const body = article();
    await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send(body).expect(201);
    expectProblem(await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send(body), 409);
  });

  it('answers 412 for a stale If-Match and 428 without one', async () => {
    const created = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send(article()).expect(201);
    const path = `/v1/articles/${created.body.id}`;
    expectProblem(await request(t.app).patch(path).set(bearer(ws.keys.checker)).set('If-Match', '"2"').send({ title: 'n' }), 412);
    expectProblem(await request(t.app).patch(path).set(bearer(ws.keys.checker)).send({ title: 'n' }), 428);
    expectProblem(await request(t.app).delete(path).set(bearer(ws.keys.editor)), 428);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send({ ...article(), body: 'x'.repeat(4096) });
    expectProblem(res, 413);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Content-Type', 'text/plain').send('url=x');
    expectProblem(res, 415);
  });

  it('answers 422 for an Idempotency-Key reused with another body', async () => {
    const key = unique('idem');
    await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(article()).expect(201);
    expectProblem(await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(article()), 422);
  });

  it('answers 429 with Retry-After past the rate limit, per key', async () => {
    const limited = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let i = 0; i < 3; i += 1) {
        const ok = await request(limited.app).get('/v1/api-keys').set(bearer(limited.firstAdminKey)).expect(200);
        expect(ok.headers['ratelimit']).toMatch(new RegExp(`r=${2 - i};t=\\d+`));
        expect(ok.headers['ratelimit-policy']).toBe('"per-key";q=3;w=60');
      }
      const res = await request(limited.app).get('/v1/api-keys').set(bearer(limited.firstAdminKey));
      expectProblem(res, 429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('keeps the request id: echoes a sane X-Request-Id and puts it in the problem', async () => {
    const res = await request(t.app).get('/v1/articles').set('X-Request-Id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.body.requestId).toBe('trace-123');
  });
});

describe('text no database can store faithfully', () => {
  it.each([
    ['a NUL character', 'عنوان\u0000'],
    ['an unpaired surrogate', 'title \ud800'],
  ])('answers 400 for %s, naming the field, and stores nothing', async (_what, title) => {
    const body = { ...article(), title };
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send(body);
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ path: 'body.title', message: 'contains a NUL character or an unpaired surrogate' }]);
    expect(await t.db.reader.article.count({ where: { url: body.url } })).toBe(0);
  });

  it('accepts Arabic, emoji and other astral characters as they are', async () => {
    const title = 'صفقة 😀 𝕏';
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send({ ...article(), title }).expect(201);
    expect(res.body.title).toBe(title);
  });
});

describe('malformed requests the router or the body reader refuse', () => {
  it('answers 400 for a malformed percent-escape in the path', async () => {
    expectProblem(await request(t.app).get('/v1/articles/%').set(bearer(ws.keys.viewer)), 400);
  });

  it('answers 400 for a body that claims gzip but does not decompress', async () => {
    const res = await request(t.app)
      .post('/v1/articles')
      .set(bearer(ws.keys.checker))
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"a":1}');
    expectProblem(res, 400);
  });

  it('answers 400 for a body nested tens of thousands of levels deep', async () => {
    const roomy = await startTestApp(); // this file's app has a 2 KB body limit
    try {
      const deep = `{"title":"t","publisher":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
      const res = await request(roomy.app).post('/v1/articles').set(bearer(roomy.firstAdminKey)).set('Content-Type', 'application/json').send(deep);
      expectProblem(res, 400);
    } finally {
      await roomy.close();
    }
  });
});

describe('dates', () => {
  it.each(['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59', '10000-01-01T00:00:00Z'])('answers 400 for %s, a time outside the years 0001–9999', async (publishedAt) => {
    expectProblem(await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send({ ...article(), publishedAt }), 400);
  });
});
