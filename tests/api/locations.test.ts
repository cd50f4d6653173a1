import request from 'supertest';
import { bearer, unique, useTestApp } from '../helpers/test-app';

const { t } = useTestApp({ workspace: false });

describe('Location of every 201', () => {
  it('names a resource that GET answers, with the same id', async () => {
    const created: request.Response[] = [];
    const post = async (path: string, key: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await request(t.app).post(path).set(bearer(key)).set(headers).send(body as object).expect(201);
      created.push(res);
      return res;
    };
    const ws = await post('/v1/workspaces', t.firstAdminKey, { name: unique('ws') });
    const admin = ws.body.apiKey.secret as string;
    await post('/v1/api-keys', admin, { name: 'bot', role: 'checker' });
    const editor = (await post('/v1/api-keys', admin, { name: 'editor', role: 'editor' })).body.secret as string;
    const article = await post('/v1/articles', admin, { url: `https://example.org/${unique()}`, title: 'ت', language: 'ar', body: 'نص المقال' });
    const claim = await post('/v1/claims', admin, { text: 'ادعاء', language: 'ar', articleId: article.body.id, quote: { exact: 'المقال' } });
    const source = await post('/v1/sources', admin, { url: `https://example.org/${unique()}`, title: 'مصدر', kind: 'dataset' });
    await post(`/v1/claims/${claim.body.id}/evidence`, admin, { sourceId: source.body.id, stance: 'supports' });
    await request(t.app).patch(`/v1/claims/${claim.body.id}`).set(bearer(admin)).set('If-Match', '"1"').send({ status: 'in_review' }).expect(200);
    await post(`/v1/claims/${claim.body.id}/reviews`, editor, { rating: 'true', summary: 'صحيح' }, { 'If-Match': '"2"' });
    await post('/v1/rating-scales', admin, {
      ratings: [
        { key: 'yes', labels: { ar: 'نعم', en: 'Yes' }, ratingValue: 1 },
        { key: 'no', labels: { ar: 'لا', en: 'No' }, ratingValue: 0 },
      ],
      bestRating: 1,
      worstRating: 0,
    });

    expect(created).toHaveLength(9);
    for (const res of created) {
      const location = res.headers.location as string;
      expect(location).toMatch(/^\/v1\//);
      const got = await request(t.app).get(location).set(bearer(admin));
      expect([location, got.status]).toEqual([location, 200]);
      const createdId = res.body.id ?? res.body.workspace?.id;
      if (createdId) expect(got.body.id).toBe(createdId);
      else expect(got.body.version).toBe(res.body.version);
    }
  });
});
