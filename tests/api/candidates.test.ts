import { readFileSync } from 'fs';
import { join } from 'path';
import request from 'supertest';
import { ROLES } from '../../src/core/roles';
import { bearer, unique, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

const seedBody = readFileSync(join(__dirname, '../../src/modules/demo/article.ar.txt'), 'utf8');
const missingId = '0190a0a0-0000-7000-8000-000000000000';

interface CandidateBody {
  text: string;
  quote: { exact: string; prefix?: string; suffix?: string; start: number; end: number };
  score: number;
  reasons: string[];
  quantities: { text: string; kind: string }[];
  claimId: string | null;
}

async function createArticle(key = ws.keys.checker, body = seedBody): Promise<string> {
  const res = await request(t.app)
    .post('/v1/articles')
    .set(bearer(key))
    .send({ url: `https://news.example.org/${unique('candidates')}`, title: 'رئيس الأركان الأذري في البلاد لأول مرة', language: 'ar', body })
    .expect(201);
  return res.body.id as string;
}

async function candidates(articleId: string, key = ws.keys.viewer, query: Record<string, string | number> = {}): Promise<CandidateBody[]> {
  const res = await request(t.app).get(`/v1/articles/${articleId}/candidates`).query(query).set(bearer(key)).expect(200);
  return res.body.data as CandidateBody[];
}

describe('GET /v1/articles/:id/candidates', () => {
  it('ranks the demo article’s claims with amounts, shares and a year near the top', async () => {
    const ranked = await candidates(await createArticle());
    expect(ranked).toHaveLength(20);
    const top6 = ranked.slice(0, 6).map((c) => c.text);
    for (const snippet of ['5 مليار دولار', 'بثلثي النفط', 'بمئات ملايين الدولارات', 'في عام 1992']) {
      expect(top6.some((text) => text.includes(snippet))).toBe(true);
    }
    const [top] = ranked;
    expect(top?.claimId).toBeNull();
    expect(top?.quantities).toEqual(expect.arrayContaining([expect.objectContaining({ text: '5 مليار دولار', kind: 'money', value: 5e9 })]));
    expect(top?.reasons).toEqual(expect.arrayContaining(['quantity', 'year', 'attribution']));
    expect(top?.quote.exact).toBe(top?.text);
  });

  it('gives a quote that POST /v1/claims takes unchanged, and then names that claim', async () => {
    const articleId = await createArticle();
    const [top] = await candidates(articleId);
    const claim = await request(t.app)
      .post('/v1/claims')
      .set(bearer(ws.keys.checker))
      .send({ text: top?.text, language: 'ar', articleId, quote: top?.quote })
      .expect(201);
    expect(claim.body.quote).toEqual(top?.quote);

    const after = await candidates(articleId);
    expect(after.find((c) => c.quote.start === top?.quote.start)?.claimId).toBe(claim.body.id);
    expect(after.filter((c) => c.claimId !== null)).toHaveLength(1);
  });

  it('names a claim quoting part of a sentence, and forgets it once the claim is deleted', async () => {
    const articleId = await createArticle();
    const claim = await request(t.app)
      .post('/v1/claims')
      .set(bearer(ws.keys.checker))
      .send({ text: 'أقيمت العلاقات الدبلوماسية عام 1992.', language: 'ar', articleId, quote: { exact: 'في عام 1992' } })
      .expect(201);
    const sentenceOf = (list: CandidateBody[]) => list.find((c) => c.text.includes('في عام 1992'));
    expect(sentenceOf(await candidates(articleId))?.claimId).toBe(claim.body.id);

    await request(t.app).delete(`/v1/claims/${claim.body.id}`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(204);
    expect(sentenceOf(await candidates(articleId))?.claimId).toBeNull();
  });

  it('answers at most `limit` candidates', async () => {
    const articleId = await createArticle();
    const five = await candidates(articleId, ws.keys.viewer, { limit: 5 });
    expect(five).toHaveLength(5);
    expect(five).toEqual((await candidates(articleId, ws.keys.viewer, { limit: 100 })).slice(0, 5));
  });

  it.each(['0', '101', 'abc', '2.5', ''])('answers 400 for limit=%j', async (limit) => {
    const articleId = await createArticle();
    const res = await request(t.app).get(`/v1/articles/${articleId}/candidates`).query({ limit }).set(bearer(ws.keys.viewer)).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'query.limit' })]);
  });

  it('answers 400 for an unknown query parameter', async () => {
    const articleId = await createArticle();
    await request(t.app).get(`/v1/articles/${articleId}/candidates`).query({ lmit: 5 }).set(bearer(ws.keys.viewer)).expect(400);
  });

  it('answers 404 for an unknown article, another workspace’s article and a deleted one', async () => {
    await request(t.app).get(`/v1/articles/${missingId}/candidates`).set(bearer(ws.keys.viewer)).expect(404);

    const other = await t.newWorkspace();
    const theirs = await createArticle(other.keys.checker);
    const res = await request(t.app).get(`/v1/articles/${theirs}/candidates`).set(bearer(ws.keys.viewer)).expect(404);
    expect(res.body.type).toBe('urn:claimtrack:problem:not-found');

    const deleted = await createArticle();
    await request(t.app).delete(`/v1/articles/${deleted}`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').expect(204);
    await request(t.app).get(`/v1/articles/${deleted}/candidates`).set(bearer(ws.keys.viewer)).expect(404);
  });

  it('lets every role read, and nobody without a key', async () => {
    const articleId = await createArticle();
    for (const role of ROLES) expect((await candidates(articleId, ws.keys[role], { limit: 1 })).length).toBe(1);
    await request(t.app).get(`/v1/articles/${articleId}/candidates`).expect(401);
  });

  it('answers an empty list for an article with no sentence to offer', async () => {
    const articleId = await createArticle(ws.keys.checker, '24/10/2018 - 20:17');
    expect(await candidates(articleId)).toEqual([]);
  });
});
