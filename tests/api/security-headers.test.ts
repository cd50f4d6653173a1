import request from 'supertest';
import { bearer, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

function expectApiHeaders(res: request.Response) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['content-security-policy']).toMatch(/^default-src 'none';/);
  expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(res.headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  it.each([
    ['a keyed read', () => request(t.app).get('/v1/claims').set(bearer(ws.keys.viewer)), 200],
    ['a keyed write', () => request(t.app).post('/v1/sources').set(bearer(ws.keys.checker)).send({ url: 'https://example.org/s', title: 'x', kind: 'other' }), 201],
    ['a missing key', () => request(t.app).get('/v1/claims'), 401],
    ['a problem', () => request(t.app).get('/v1/claims/00000000-0000-7000-8000-000000000000').set(bearer(ws.keys.viewer)), 404],
    ['an unknown path', () => request(t.app).get('/v1/nothing-here').set(bearer(ws.keys.viewer)), 404],
  ])('%s answers nosniff, no-referrer, a CSP that allows nothing, and Cache-Control: no-store', async (_what, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectApiHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('lets the public OpenAPI document be cached, with the same protections', async () => {
    const res = await request(t.app).get('/v1/openapi.json').expect(200);
    expectApiHeaders(res);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it('keeps /docs on its own strict CSP, which allows its inline script and style by hash only', async () => {
    const res = await request(t.app).get('/docs').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
