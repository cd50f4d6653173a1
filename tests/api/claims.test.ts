import request from 'supertest';
import { bearer, unique, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

// An emoji (two UTF-16 units, one code point) before the quote: offsets must count code points.
const BODY = '😀 قال علييف إن بلاده عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار. وتزود أذربيجان إسرائيل بثلثي النفط. صفقة أخرى.';

async function newArticle(key = ws.keys.checker, body = BODY): Promise<string> {
  const res = await request(t.app)
    .post('/v1/articles')
    .set(bearer(key))
    .send({ url: `https://example.org/${unique()}`, title: 'مقال', language: 'ar', body })
    .expect(201);
  return res.body.id;
}

function postClaim(body: Record<string, unknown>, key = ws.keys.checker) {
  return request(t.app).post('/v1/claims').set(bearer(key)).send({ text: 'صفقة بقيمة 5 مليار دولار', language: 'ar', ...body });
}

async function claimCount(): Promise<number> {
  return t.db.reader.claim.count({ where: { workspaceId: ws.id } });
}

describe('POST /v1/claims', () => {
  it('locates a quote given by its exact words and answers code point offsets', async () => {
    const articleId = await newArticle();
    const res = await postClaim({ articleId, quote: { exact: '5 مليار دولار' }, claimant: 'إلهام علييف' }).expect(201);
    const start = Array.from(BODY).join('').indexOf('5 مليار') - 1; // the emoji is 2 UTF-16 units
    expect(res.body.quote).toEqual({ exact: '5 مليار دولار', start, end: start + 13 });
    expect(Array.from(BODY).slice(res.body.quote.start, res.body.quote.end).join('')).toBe('5 مليار دولار');
    expect(res.body).toMatchObject({ status: 'unverified', verdict: null, version: 1, articleId, claimant: 'إلهام علييف', tags: [] });
    expect(res.headers.etag).toBe('"1"');
  });

  it('extracts quantities from the text and quote when none are sent, and keeps sent ones', async () => {
    const extracted = await postClaim({}).expect(201);
    expect(extracted.body.quantities).toEqual(expect.arrayContaining([expect.objectContaining({ value: 5_000_000_000, unit: 'USD', kind: 'money' })]));
    const articleId = await newArticle();
    const share = await postClaim({ text: 'تزود أذربيجان إسرائيل بمعظم نفطها', articleId, quote: { exact: 'بثلثي النفط' } }).expect(201);
    expect(share.body.quantities).toEqual([expect.objectContaining({ value: 0.6667, unit: 'ratio', kind: 'share' })]);
    const given = [{ text: 'خمسة', value: 5, unit: '', kind: 'count' }];
    expect((await postClaim({ quantities: given }).expect(201)).body.quantities).toEqual(given);
  });

  it('answers 422 when the span does not hold the quote, and stores nothing', async () => {
    const articleId = await newArticle();
    const before = await claimCount();
    const res = await postClaim({ articleId, quote: { exact: '5 مليار دولار', start: 0, end: 13 } }).expect(422);
    expect(res.body.errors).toEqual([{ path: 'body.quote', message: expect.any(String) }]);
    expect(await claimCount()).toBe(before);
  });

  it('answers 422 for a quote the article does not contain, or contains twice, until prefix or suffix decide', async () => {
    const articleId = await newArticle();
    await postClaim({ articleId, quote: { exact: 'مليون يورو' } }).expect(422);
    const ambiguous = await postClaim({ articleId, quote: { exact: 'صفقة' } }).expect(422);
    expect(ambiguous.body.errors[0].message).toMatch(/prefix|suffix/);
    const decided = await postClaim({ articleId, quote: { exact: 'صفقة', suffix: ' أخرى' } }).expect(201);
    expect(Array.from(BODY).slice(decided.body.quote.start, decided.body.quote.end + 5).join('')).toBe('صفقة أخرى');
  });

  it('answers 422 for a quote without an article, and for an article of another workspace', async () => {
    await postClaim({ quote: { exact: 'صفقة' } }).expect(422);
    const other = await t.newWorkspace();
    const theirs = await newArticle(other.keys.checker);
    const res = await postClaim({ articleId: theirs }).expect(422);
    expect(res.body.errors).toEqual([{ path: 'body.articleId', message: `no article with id ${theirs}` }]);
  });

  it('answers 400 for status, verdict, version or workspaceId in the body', async () => {
    for (const extra of [{ status: 'published' }, { verdict: 'true' }, { version: 3 }, { workspaceId: ws.id }]) {
      const res = await postClaim(extra).expect(400);
      expect(res.body.errors[0].message).toBe('unknown field');
    }
  });
});

describe('PATCH /v1/claims/:id', () => {
  async function claim(): Promise<{ id: string }> {
    return (await postClaim({ tags: ['energy'] }).expect(201)).body;
  }
  const patch = (id: string, version: number, body: Record<string, unknown>) =>
    request(t.app).patch(`/v1/claims/${id}`).set(bearer(ws.keys.checker)).set('If-Match', `"${version}"`).send(body);

  it('moves unverified → in_review, and nothing else', async () => {
    const { id } = await claim();
    const bad = await patch(id, 1, { status: 'published' }).expect(409);
    expect(bad.body).toMatchObject({ currentStatus: 'unverified', allowedStatuses: ['in_review'] });
    await patch(id, 1, { status: 'in_review' }).expect(200);
    const back = await patch(id, 2, { status: 'unverified' }).expect(409);
    expect(back.body.allowedStatuses).toEqual([]);
  });

  it('answers 400 for a verdict in the body: reviews set it', async () => {
    const { id } = await claim();
    await patch(id, 1, { verdict: 'false' }).expect(400);
  });

  it('re-extracts quantities and re-indexes the text when the text changes', async () => {
    const { id } = await claim();
    const res = await patch(id, 1, { text: 'قيمة الصفقة 3 مليون يورو' }).expect(200);
    expect(res.body.quantities).toEqual([expect.objectContaining({ value: 3_000_000, unit: 'EUR' })]);
    const found = await request(t.app).get('/v1/claims').query({ q: 'يورو' }).set(bearer(ws.keys.viewer)).expect(200);
    expect(found.body.data.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('replaces the tags', async () => {
    const { id } = await claim();
    const res = await patch(id, 1, { tags: ['arms_deals', 'military'] }).expect(200);
    expect(res.body.tags).toEqual(['arms_deals', 'military']);
  });

  it('answers 412 on a stale version and 404 for a claim of another workspace', async () => {
    const { id } = await claim();
    await patch(id, 1, { claimant: 'x' }).expect(200);
    await patch(id, 1, { claimant: 'y' }).expect(412);
    const other = await t.newWorkspace();
    await request(t.app).patch(`/v1/claims/${id}`).set(bearer(other.keys.checker)).set('If-Match', '"2"').send({ claimant: 'z' }).expect(404);
  });
});

describe('DELETE /v1/claims/:id', () => {
  it('soft-deletes with If-Match; the claim leaves reads and searches', async () => {
    const word = `كلمة${unique().replace(/[^a-z0-9]/g, '')}`;
    const created = await postClaim({ text: `ادعاء ${word}` }).expect(201);
    await request(t.app).delete(`/v1/claims/${created.body.id}`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(204);
    await request(t.app).get(`/v1/claims/${created.body.id}`).set(bearer(ws.keys.viewer)).expect(404);
    const found = await request(t.app).get('/v1/claims').query({ q: word }).set(bearer(ws.keys.viewer)).expect(200);
    expect(found.body.data).toEqual([]);
  });
});

describe('POST /v1/claims/batch', () => {
  it('stores every claim in one go', async () => {
    const articleId = await newArticle();
    const res = await request(t.app)
      .post('/v1/claims/batch')
      .set(bearer(ws.keys.checker))
      .send({ claims: [{ text: 'أ', language: 'ar', articleId, quote: { exact: '5 مليار دولار' } }, { text: 'ب', language: 'ar' }, { text: 'c', language: 'en' }] })
      .expect(201);
    expect(res.body.data.map((c: { text: string }) => c.text)).toEqual(['أ', 'ب', 'c']);
  });

  it('stores none when one quote fails, and names its index', async () => {
    const articleId = await newArticle();
    const before = await claimCount();
    const res = await request(t.app)
      .post('/v1/claims/batch')
      .set(bearer(ws.keys.checker))
      .send({
        claims: [
          { text: 'ok', language: 'ar', articleId, quote: { exact: '5 مليار دولار' } },
          { text: 'bad', language: 'ar', articleId, quote: { exact: 'ليس في المقال' } },
          { text: 'ok too', language: 'ar' },
        ],
      })
      .expect(422);
    expect(res.body.errors).toEqual([{ path: 'body.claims.1.quote', message: expect.any(String) }]);
    expect(res.body.detail).toMatch(/index 1/);
    expect(await claimCount()).toBe(before);
  });

  it('answers 400 naming the index of a claim that breaks the schema, and over 1,000 claims', async () => {
    const res = await request(t.app)
      .post('/v1/claims/batch')
      .set(bearer(ws.keys.checker))
      .send({ claims: [{ text: 'ok', language: 'ar' }, { text: 'x', language: 'ar', status: 'published' }] })
      .expect(400);
    expect(res.body.errors).toEqual([{ path: 'body.claims.1.status', message: 'unknown field' }]);
    const many = Array.from({ length: 1001 }, () => ({ text: 'x', language: 'en' }));
    await request(t.app).post('/v1/claims/batch').set(bearer(ws.keys.checker)).send({ claims: many }).expect(400);
  });
});

describe('GET /v1/claims filters', () => {
  it('filters by status, tag, article, claimant, language and dates, newest first, page by page', async () => {
    const fresh = await t.newWorkspace();
    const key = fresh.keys.checker;
    const articleId = await newArticle(key);
    const mk = (body: Record<string, unknown>) => postClaim(body, key).expect(201).then((r) => r.body);
    const a = await mk({ tags: ['energy'], claimant: 'هآرتس', articleId });
    const b = await mk({ tags: ['military'], language: 'en', text: 'Two-thirds of the oil' });
    const middle = new Date().toISOString();
    const c = await mk({ tags: ['energy', 'iran'] });
    await request(t.app).patch(`/v1/claims/${a.id}`).set(bearer(key)).set('If-Match', '"1"').send({ status: 'in_review' }).expect(200);
    const ids = async (query: Record<string, string | number>) =>
      (await request(t.app).get('/v1/claims').query(query).set(bearer(fresh.keys.viewer)).expect(200)).body.data.map((x: { id: string }) => x.id);

    expect(await ids({})).toEqual([a.id, c.id, b.id]); // a was updated last
    expect(await ids({ sort: 'createdAt' })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ status: 'in_review' })).toEqual([a.id]);
    expect(await ids({ tag: 'energy', sort: 'createdAt' })).toEqual([c.id, a.id]);
    expect(await ids({ articleId })).toEqual([a.id]);
    expect(await ids({ claimant: 'هآرتس' })).toEqual([a.id]);
    expect(await ids({ language: 'en' })).toEqual([b.id]);
    expect(await ids({ createdAfter: middle, sort: 'createdAt' })).toEqual([c.id]);
    expect(await ids({ createdBefore: middle, sort: 'createdAt' })).toEqual([b.id, a.id]);
    expect(await ids({ updatedSince: middle })).toEqual([a.id, c.id]);

    const first = await request(t.app).get('/v1/claims').query({ limit: 2, sort: 'createdAt' }).set(bearer(fresh.keys.viewer)).expect(200);
    const second = await request(t.app).get('/v1/claims').query({ limit: 2, sort: 'createdAt', cursor: first.body.nextCursor }).set(bearer(fresh.keys.viewer)).expect(200);
    expect([...first.body.data, ...second.body.data].map((x: { id: string }) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(second.body.nextCursor).toBeNull();
    await request(t.app).get('/v1/claims').query({ cursor: first.body.nextCursor }).set(bearer(fresh.keys.viewer)).expect(400);
  });

  it('answers 400 for an unknown filter or a bad value', async () => {
    await request(t.app).get('/v1/claims').query({ colour: 'red' }).set(bearer(ws.keys.viewer)).expect(400);
    await request(t.app).get('/v1/claims').query({ status: 'done' }).set(bearer(ws.keys.viewer)).expect(400);
    await request(t.app).get('/v1/claims').query({ limit: 201 }).set(bearer(ws.keys.viewer)).expect(400);
  });
});

describe('POST /v1/claims/batch at full size', () => {
  it('stores two concurrent batches of 1,000 claims, each claim audited, the chain intact', async () => {
    const own = await t.newWorkspace();
    const batch = (n: number) => ({ claims: Array.from({ length: 1000 }, (_, i) => ({ text: `ادعاء ${n}-${i} بقيمة 5 مليار دولار`, language: 'ar', tags: ['energy'] })) });
    const [a, b] = await Promise.all([1, 2].map((n) => request(t.app).post('/v1/claims/batch').set(bearer(own.keys.checker)).send(batch(n))));
    expect([a!.status, b!.status]).toEqual([201, 201]);
    expect(a!.body.data.map((c: { text: string }) => c.text)).toEqual(batch(1).claims.map((c) => c.text));
    expect(a!.body.data[999]).toMatchObject({ tags: ['energy'], quantities: expect.arrayContaining([expect.objectContaining({ value: 5e9, unit: 'USD' })]) });
    expect(await t.db.reader.claim.count({ where: { workspaceId: own.id } })).toBe(2000);
    const events = await t.db.reader.auditEvent.count({ where: { workspaceId: own.id, action: 'claim.create' } });
    expect(events).toBe(2000);
    const verify = await request(t.app).get('/v1/audit/verify').set(bearer(own.keys.auditor)).expect(200);
    expect(verify.body).toMatchObject({ ok: true, count: verify.body.headSeq });
    const found = await request(t.app).get('/v1/claims').query({ q: 'ادعاء 2-999' }).set(bearer(own.keys.viewer)).expect(200);
    expect(found.body.data[0].text).toBe('ادعاء 2-999 بقيمة 5 مليار دولار');
    // A word in all 2,000 claims, and a bulk move of 1,000: more ids than one query may bind.
    const common = await request(t.app).get('/v1/claims').query({ q: 'ادعاء', limit: 200 }).set(bearer(own.keys.viewer)).expect(200);
    expect(common.body.data).toHaveLength(200);
    const ids = a!.body.data.map((c: { id: string }) => c.id);
    const moved = await request(t.app).post('/v1/claims/bulk-transition').set(bearer(own.keys.checker)).send({ claimIds: ids, to: 'in_review' }).expect(200);
    expect(moved.body.data.map((c: { status: string }) => c.status)).toEqual(Array(1000).fill('in_review'));
  });
});
