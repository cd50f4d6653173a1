import request from 'supertest';
import { bearer, unique, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

const article = () => ({ url: `https://example.org/${unique()}`, title: 'صفقة', language: 'ar', body: 'بقيمة 5 مليار دولار' });

async function articleCount(workspaceId: string): Promise<number> {
  return t.db.reader.article.count({ where: { workspaceId } });
}

describe('POST with Idempotency-Key', () => {
  it('replays the first response for the same key and body, and writes once', async () => {
    const key = unique('idem');
    const body = article();
    const first = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(body).expect(201);
    const countAfterFirst = await articleCount(ws.id);
    const again = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(body).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await articleCount(ws.id)).toBe(countAfterFirst);
  });

  it('answers 422 for the same key with a different body, and writes nothing', async () => {
    const key = unique('idem');
    await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(article()).expect(201);
    const before = await articleCount(ws.id);
    const res = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(article()).expect(422);
    expect(res.body.detail).toMatch(/different request/);
    expect(await articleCount(ws.id)).toBe(before);
  });

  it('scopes keys to the API key: another key with the same Idempotency-Key writes its own', async () => {
    const key = unique('idem');
    const a = await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(article()).expect(201);
    const b = await request(t.app).post('/v1/articles').set(bearer(ws.keys.editor)).set('Idempotency-Key', key).send(article()).expect(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });

  it('creates one article when 10 duplicate requests race; the rest replay it or answer 409', async () => {
    const key = unique('race');
    const body = article();
    const before = await articleCount(ws.id);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(body)),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(created.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    for (const conflict of responses.filter((r) => r.status === 409)) expect(conflict.body.detail).toMatch(/still being processed/);
    expect(await articleCount(ws.id)).toBe(before + 1);
  });

  it('frees the key when the first request is refused, so a corrected retry goes through', async () => {
    const key = unique('idem');
    const taken = article();
    await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send(taken).expect(201);
    const retry = { ...taken, url: `https://example.org/${unique()}` };
    await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(taken).expect(409);
    await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(retry).expect(201);
  });

  it('keeps the key for at least 24 hours', async () => {
    const key = unique('idem');
    await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', key).send(article()).expect(201);
    const record = await t.db.reader.idempotencyRecord.findFirstOrThrow({ where: { key, apiKeyId: ws.keyIds.checker } });
    expect(record.expiresAt.getTime() - record.createdAt.getTime()).toBeGreaterThanOrEqual(24 * 3600 * 1000);
  });

  it('answers 400 for an Idempotency-Key that is not visible ASCII', async () => {
    await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).set('Idempotency-Key', 'a'.repeat(300)).send(article()).expect(400);
  });
});
