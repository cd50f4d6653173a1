import request from 'supertest';
import { bearer, unique, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

describe('POST /v1/api-keys', () => {
  it('shows a random secret of at least 32 bytes once, and stores only its hash', async () => {
    const res = await request(t.app).post('/v1/api-keys').set(bearer(ws.keys.admin)).send({ name: 'cms plugin', role: 'checker' }).expect(201);
    const secret = res.body.secret as string;
    expect(Buffer.from(secret.replace(/^ct_/, ''), 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(res.body).toMatchObject({ name: 'cms plugin', role: 'checker', revokedAt: null });
    const row = await t.db.reader.apiKey.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    const list = await request(t.app).get('/v1/api-keys').set(bearer(ws.keys.admin)).expect(200);
    const listed = list.body.data.find((k: { id: string }) => k.id === res.body.id);
    expect(listed).toMatchObject({ name: 'cms plugin', role: 'checker' });
    expect(listed.secret).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(secret);
    await request(t.app).get('/v1/articles').set(bearer(secret)).expect(200);
  });

  it('answers 400 for an unknown role', async () => {
    await request(t.app).post('/v1/api-keys').set(bearer(ws.keys.admin)).send({ name: 'x', role: 'owner' }).expect(400);
  });

  it('lists only the workspace’s own keys', async () => {
    const other = await t.newWorkspace();
    const list = await request(t.app).get('/v1/api-keys').query({ limit: 200 }).set(bearer(ws.keys.admin)).expect(200);
    const ids = list.body.data.map((k: { id: string }) => k.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(ws.keyIds)));
    expect(ids).not.toContain(other.keyIds.admin);
  });
});

describe('DELETE /v1/api-keys/:id', () => {
  it('revokes: the key fails with 401 on its next request; revoking again is a no-op', async () => {
    const created = await request(t.app).post('/v1/api-keys').set(bearer(ws.keys.admin)).send({ name: unique('bot'), role: 'viewer' }).expect(201);
    await request(t.app).get('/v1/articles').set(bearer(created.body.secret)).expect(200);
    await request(t.app).delete(`/v1/api-keys/${created.body.id}`).set(bearer(ws.keys.admin)).expect(204);
    await request(t.app).get('/v1/articles').set(bearer(created.body.secret)).expect(401);
    await request(t.app).delete(`/v1/api-keys/${created.body.id}`).set(bearer(ws.keys.admin)).expect(204);
    const events = await request(t.app).get('/v1/audit/events').query({ entityId: created.body.id, action: 'api_key.revoke' }).set(bearer(ws.keys.auditor)).expect(200);
    expect(events.body.data).toHaveLength(1);
  });

  it('answers 404 for a key of another workspace, which keeps working', async () => {
    const other = await t.newWorkspace();
    await request(t.app).delete(`/v1/api-keys/${other.keyIds.viewer}`).set(bearer(ws.keys.admin)).expect(404);
    await request(t.app).get('/v1/articles').set(bearer(other.keys.viewer)).expect(200);
  });
});

describe('POST /v1/workspaces', () => {
  it('answers the new workspace and its first admin key, which sees only that workspace', async () => {
    const res = await request(t.app).post('/v1/workspaces').set(bearer(t.firstAdminKey)).send({ name: 'مكتب التحقق' }).expect(201);
    expect(res.body.workspace).toMatchObject({ name: 'مكتب التحقق', fourEyes: true, version: 1 });
    expect(res.body.apiKey).toMatchObject({ role: 'admin', id: expect.any(String), secret: expect.stringMatching(/^ct_/) });
    const keys = await request(t.app).get('/v1/api-keys').set(bearer(res.body.apiKey.secret)).expect(200);
    expect(keys.body.data.map((k: { id: string }) => k.id)).toEqual([res.body.apiKey.id]);
    const articles = await request(t.app).get('/v1/articles').set(bearer(res.body.apiKey.secret)).expect(200);
    expect(articles.body.data).toEqual([]);
  });

  it('answers 403 to an admin of any other workspace', async () => {
    const res = await request(t.app).post('/v1/workspaces').set(bearer(ws.keys.admin)).send({ name: 'x' }).expect(403);
    expect(res.body.detail).toMatch(/first workspace/);
  });

  it('names the creating key only in its own workspace’s trail; the new workspace sees an opaque provisioning actor', async () => {
    const firstAuditor = await request(t.app).post('/v1/api-keys').set(bearer(t.firstAdminKey)).send({ name: 'first auditor', role: 'auditor' }).expect(201);
    const res = await request(t.app).post('/v1/workspaces').set(bearer(t.firstAdminKey)).send({ name: unique('ws') }).expect(201);
    const auditor = await request(t.app).post('/v1/api-keys').set(bearer(res.body.apiKey.secret)).send({ name: 'a', role: 'auditor' }).expect(201);
    const theirs = await request(t.app).get('/v1/audit/events').set(bearer(auditor.body.secret)).expect(200);
    const [created, firstKey] = theirs.body.data;
    for (const event of [created, firstKey]) expect(event.actor).toEqual({ keyId: null, name: 'provisioned by another workspace', role: 'admin' });
    expect(JSON.stringify(theirs.body)).not.toContain(t.firstWorkspaceId);
    expect((await request(t.app).get('/v1/audit/verify').set(bearer(auditor.body.secret)).expect(200)).body.ok).toBe(true);

    const ours = await request(t.app).get('/v1/audit/events').query({ entityId: res.body.workspace.id }).set(bearer(firstAuditor.body.secret)).expect(200);
    expect(ours.body.data).toHaveLength(1);
    expect(ours.body.data[0]).toMatchObject({ action: 'workspace.create', actor: { role: 'admin' } });
    expect(ours.body.data[0].actor.keyId).not.toBeNull();
  });

  it('starts the new workspace’s audit chain with its creation', async () => {
    const res = await request(t.app).post('/v1/workspaces').set(bearer(t.firstAdminKey)).send({ name: unique('ws') }).expect(201);
    const auditor = await request(t.app).post('/v1/api-keys').set(bearer(res.body.apiKey.secret)).send({ name: 'a', role: 'auditor' }).expect(201);
    const events = await request(t.app).get('/v1/audit/events').set(bearer(auditor.body.secret)).expect(200);
    expect(events.body.data.map((e: { seq: number; action: string }) => [e.seq, e.action])).toEqual([
      [1, 'workspace.create'],
      [2, 'api_key.create'],
      [3, 'api_key.create'],
    ]);
  });
});
