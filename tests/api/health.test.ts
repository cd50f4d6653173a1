import request from 'supertest';
import { bearer, startTestApp, useTestApp } from '../helpers/test-app';

const { t } = useTestApp({ workspace: false });

describe('operations endpoints', () => {
  it('GET /healthz answers without a key', async () => {
    expect((await request(t.app).get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the database', async () => {
    expect((await request(t.app).get('/readyz').expect(200)).body).toEqual({ status: 'ready', database: t.db.provider });
  });

  it('GET /metrics exposes request counts by route pattern in Prometheus format', async () => {
    await request(t.app).get('/v1/api-keys').set(bearer(t.firstAdminKey)).expect(200);
    const res = await request(t.app).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/claimtrack_http_requests_total\{method="GET",route="\/v1\/api-keys",status="200"\} 1/);
    expect(res.text).toMatch(/process_resident_memory_bytes/);
  });
});

describe('GET /readyz when the database is gone', () => {
  it('answers 503 with a problem body', async () => {
    const gone = await startTestApp();
    await gone.close();
    const res = await request(gone.app).get('/readyz').expect(503);
    expect(res.body).toMatchObject({ status: 503, title: 'Not ready' });
  });
});
