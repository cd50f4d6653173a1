import request from 'supertest';
import { bearer, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

async function post(text: string, language: string, key = ws.keys.checker) {
  const res = await request(t.app).post('/v1/claims').set(bearer(key)).send({ text, language }).expect(201);
  return res.body as { id: string; text: string; similar: { id: string; score: number }[] };
}

function similar(text: string, extra: Record<string, string> = {}) {
  return request(t.app).get('/v1/claims/similar').query({ text, ...extra }).set(bearer(ws.keys.viewer));
}

let deal5: string, deal5En: string, deal2: string, deal5Bn: string, oil: string;

beforeAll(async () => {
  deal5 = (await post('أذربيجان عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار', 'ar')).id;
  deal2 = (await post('أذربيجان عقدت صفقة مع إسرائيل بقيمة 2 مليار دولار', 'ar')).id;
  deal5En = (await post('Azerbaijan signed a $5 billion arms deal with Israel', 'en')).id;
  deal5Bn = (await post('The deal is worth 5bn USD', 'en')).id;
  oil = (await post('تزود أذربيجان إسرائيل بثلثي النفط الذي تستهلكه', 'ar')).id;
});

describe('GET /v1/claims/similar', () => {
  it('ranks the same amount above the same words with another amount, across Arabic and English', async () => {
    const res = await similar('صفقة بين أذربيجان وإسرائيل بقيمة خمسة مليارات دولار').expect(200);
    const ids = res.body.data.map((c: { id: string }) => c.id);
    expect(ids.slice(0, 3).sort()).toEqual([deal5, deal5En, deal5Bn].sort());
    expect(ids.indexOf(deal2)).toBeGreaterThan(2);
    const top = res.body.data[0];
    expect(top.id).toBe(deal5);
    expect(top.sharedQuantities).toEqual([expect.objectContaining({ value: 5e9, unit: 'USD', kind: 'money' })]);
    expect(top.sharedTerms).toEqual(expect.arrayContaining(['اذربيجان', 'صفقه']));
    const scores = res.body.data.map((c: { score: number }) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('is not fooled by shared words: a $2 billion claim is not a duplicate of a $5 billion one', async () => {
    const res = await similar('Azerbaijan signed a $2 billion arms deal with Israel').expect(200);
    const byId = new Map(res.body.data.map((c: { id: string; score: number }) => [c.id, c.score]));
    expect(res.body.data[0].id).toBe(deal2);
    expect(byId.get(deal5En)).toBeLessThan(byId.get(deal2) as number);
  });

  it('folds Arabic spelling: no hamza, no diacritics, ta marbuta as ha', async () => {
    const res = await similar('تُزوِّد اذربيجان اسرائيل بثلثي النفط').expect(200);
    expect(res.body.data[0]).toMatchObject({ id: oil, sharedQuantities: [expect.objectContaining({ unit: 'ratio' })] });
    expect(res.body.data[0].sharedTerms).toEqual(expect.arrayContaining(['اذربيجان', 'اسراييل', 'نفط']));
  });

  it('answers only this workspace’s claims, and nothing for a text sharing nothing', async () => {
    const other = await t.newWorkspace();
    const theirs = await post('أذربيجان عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار', 'ar', other.keys.checker);
    const res = await similar('أذربيجان عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار').expect(200);
    expect(res.body.data.map((c: { id: string }) => c.id)).not.toContain(theirs.id);
    expect((await similar('zebra quantum violin').expect(200)).body.data).toEqual([]);
  });

  it('answers 400 without text or with a bad limit', async () => {
    await similar('').expect(400);
    await similar('x', { limit: '0' }).expect(400);
    await request(t.app).get('/v1/claims/similar').set(bearer(ws.keys.viewer)).expect(400);
  });
});

describe('POST /v1/claims answers with likely duplicates', () => {
  it('names the claims stating the same thing, as a warning: the claim is stored', async () => {
    const created = await post('Azerbaijan and Israel agreed a deal worth 5 billion dollars', 'en');
    expect(created.similar.map((c) => c.id)).toEqual(expect.arrayContaining([deal5En]));
    expect(created.similar.map((c) => c.id)).not.toContain(created.id);
    expect(created.similar.map((c) => c.id)).not.toContain(deal2);
    expect(created.similar.length).toBeLessThanOrEqual(3);
    for (const match of created.similar) expect(match.score).toBeGreaterThanOrEqual(0.4);
    await request(t.app).get(`/v1/claims/${created.id}`).set(bearer(ws.keys.viewer)).expect(200);
  });

  it('answers an empty list for a claim like no other', async () => {
    expect((await post('ارتفع عدد السكان في المريخ', 'ar')).similar).toEqual([]);
  });
});
