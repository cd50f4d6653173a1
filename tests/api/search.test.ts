import request from 'supertest';
import { MAX_MATCHES, searchTiers } from '../../src/modules/claims/claims.search';
import { bearer, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();
const ids: Record<string, string> = {};

const claims = {
  deal: 'كشف الرئيس الأذري أن بلاده عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار',
  oil: 'تعتمد إسرائيل على أذربيجان بتزويدها بثلثي النفط المستهلك',
  netanyahu: 'زار رئيس الحكومة نتنياهو أذربيجان في العام 2016',
  english: 'Israel’s Défense exports to Azerbaijan reached HUNDREDS of millions',
  scattered: 'النفط في أذربيجان وفي إسرائيل أيضا مستهلك',
};

beforeAll(async () => {
  for (const [name, text] of Object.entries(claims)) {
    ids[name] = (await request(t.app).post('/v1/claims').set(bearer(ws.keys.checker)).send({ text, language: 'ar' }).expect(201)).body.id;
  }
});

async function search(q: string): Promise<string[]> {
  const res = await request(t.app).get('/v1/claims').query({ q }).set(bearer(ws.keys.viewer)).expect(200);
  const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return res.body.data.map((c: { id: string }) => byId[c.id]);
}

describe('GET /v1/claims?q= folds what a reader does not see as different', () => {
  it.each([
    ['hamza forms and alef', 'اذربيجان', ['oil', 'netanyahu', 'scattered']],
    ['Arabic-Indic digits', '٥ مليار', ['deal']],
    ['tashkeel and tatweel', 'صَفْقـــة', ['deal']],
    ['ta marbuta written as ha', 'صفقه', ['deal']],
    ['Latin case and accents', 'defense azerbaijan', ['english']],
  ])('finds across %s: %s', async (_what, q, expected) => {
    expect((await search(q)).sort()).toEqual([...expected].sort());
  });
});

describe('GET /v1/claims?q= ranking', () => {
  it('ranks the exact phrase above all terms, and all terms above near matches', async () => {
    expect(await search('النفط المستهلك')).toEqual(['oil', 'scattered']);
  });

  it('still finds a misspelt name: نتيناهو finds نتنياهو', async () => {
    expect(await search('نتيناهو')).toEqual(['netanyahu']);
  });

  it('finds a short word near by its padded trigrams only, as pg_trgm does: زاد finds زار', async () => {
    // "  ز", " زا" shared of six: 0.33, with no inner trigram in common.
    expect(await search('زاد')).toEqual(['netanyahu']);
  });

  it('finds nothing for words no claim has, and only the workspace’s own claims', async () => {
    expect(await search('كمبيوتر')).toEqual([]);
    const other = await t.newWorkspace();
    const res = await request(t.app).get('/v1/claims').query({ q: 'اذربيجان' }).set(bearer(other.keys.viewer)).expect(200);
    expect(res.body.data).toEqual([]);
  });

  it('finds the workspace’s own matches behind more than a tier’s worth of newer ones elsewhere', async () => {
    // 600 newer claims of another workspace use the same word: a tier that capped the index's
    // matches before looking at the workspace would find none of this workspace's.
    const other = await t.newWorkspace();
    const many = Array.from({ length: 600 }, (_, i) => ({ text: `أذربيجان والغاز رقم ${i}`, language: 'ar' }));
    await request(t.app).post('/v1/claims/batch').set(bearer(other.keys.checker)).send({ claims: many }).expect(201);
    expect((await search('اذربيجان')).sort()).toEqual(['netanyahu', 'oil', 'scattered']);
    const theirs = await request(t.app).get('/v1/claims').query({ q: 'اذربيجان', limit: 100 }).set(bearer(other.keys.viewer)).expect(200);
    expect(theirs.body.data).toHaveLength(100);
    expect(theirs.body.data.every((c: { id: string }) => !Object.values(ids).includes(c.id))).toBe(true);
  });

  it('follows a claim’s edited text: the new words find it, the old ones no longer do', async () => {
    const created = await request(t.app).post('/v1/claims').set(bearer(ws.keys.checker)).send({ text: 'محطة كهرباء قديمة', language: 'ar' }).expect(201);
    await request(t.app).patch(`/v1/claims/${created.body.id}`).set(bearer(ws.keys.checker)).set('If-Match', '"1"').send({ text: 'ميناء بحري جديد' }).expect(200);
    const found = async (q: string) =>
      (await request(t.app).get('/v1/claims').query({ q }).set(bearer(ws.keys.viewer)).expect(200)).body.data.map((c: { id: string }) => c.id);
    expect(await found('ميناء بحري')).toEqual([created.body.id]);
    expect(await found('محطة كهرباء')).toEqual([]);
    await request(t.app).delete(`/v1/claims/${created.body.id}`).set(bearer(ws.keys.editor)).set('If-Match', '"2"').expect(204);
    expect(await found('ميناء بحري')).toEqual([]);
  });

  it('pages through ranked results without repeating or skipping', async () => {
    const all = await search('اسرائيل');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(t.app)
        .get('/v1/claims')
        .query({ q: 'اسرائيل', limit: 1, ...(cursor ? { cursor } : {}) })
        .set(bearer(ws.keys.viewer))
        .expect(200);
      seen.push(...res.body.data.map((c: { id: string }) => Object.entries(ids).find(([, id]) => id === c.id)?.[0]));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.sort()).toEqual(['deal', 'oil', 'scattered']);
  });
});

describe('search tiers on a workspace with more matches than a tier holds', () => {
  it('hold the newest matches, however far back the first window looks (PostgreSQL widens it)', async () => {
    const desk = await t.newWorkspace();
    // 700 claims, 600 of them with the word, oldest first: a tier holds the newest 500.
    const texts = Array.from({ length: 700 }, (_, i) => (i % 7 === 3 ? `بيان عادي رقم ${i}` : `مصفاة نفط رقم ${i}`));
    for (let i = 0; i < texts.length; i += 350) {
      const claims = texts.slice(i, i + 350).map((text) => ({ text, language: 'ar' }));
      await request(t.app).post('/v1/claims/batch').set(bearer(desk.keys.checker)).send({ claims }).expect(201);
    }
    const listed: string[] = [];
    for (let cursor: string | null | undefined; cursor !== null; ) {
      const res: request.Response = await request(t.app).get('/v1/claims').query({ sort: 'createdAt', limit: 100, ...(cursor ? { cursor } : {}) }).set(bearer(desk.keys.viewer)).expect(200);
      listed.push(...res.body.data.filter((c: { text: string }) => c.text.startsWith('مصفاة')).map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    }
    expect(listed).toHaveLength(600);
    const newest = listed.slice(0, MAX_MATCHES).sort();
    for (const firstWindow of [50, 650]) {
      const tiers = [];
      for await (const tier of searchTiers(t.db.sql, desk.id, ['مصفاه'], { firstWindow })) tiers.push(tier);
      expect(tiers.map((tier) => tier.tier)).toEqual([3, 2, 1]);
      expect([...tiers[0]!.ids].sort()).toEqual(newest);
    }
  });
});
