/**
 * The changes feed (DESIGN §11): a workspace's changes to articles, claims, sources, evidence and
 * reviews in seq order, paged from any seq, so that a client keeping the last seq it processed
 * misses nothing and sees nothing twice, also while others write; and the long poll.
 */
import request from 'supertest';
import { bearer, unique, useTestApp, type Workspace } from '../helpers/test-app';
import { eventually } from '../helpers/webhook-receiver';

const { t, ws } = useTestApp();

interface Change {
  seq: number;
  at: string;
  type: string;
  entityType: string;
  entityId: string;
  data: unknown;
}

function feed(workspace: Workspace, query: string) {
  return request(t.app).get(`/v1/changes?${query}`).set(bearer(workspace.keys.viewer));
}

/** Every change after `after`, page by page, as a client catching up reads them. */
async function readAll(workspace: Workspace, after = 0, limit = 7): Promise<{ changes: Change[]; lastSeq: number }> {
  const changes: Change[] = [];
  let position = String(after);
  for (;;) {
    const res = await feed(workspace, `after=${position}&limit=${limit}`).expect(200);
    changes.push(...res.body.data);
    if (res.body.nextCursor === null) return { changes, lastSeq: res.body.lastSeq };
    position = res.body.nextCursor;
  }
}

/** The content events of the workspace's audit trail, as an auditor reads them. */
async function contentEvents(workspace: Workspace): Promise<{ seq: number; action: string; entityId: string }[]> {
  const events: { seq: number; action: string; entityId: string; entityType: string }[] = [];
  let cursor = '';
  for (;;) {
    const res = await request(t.app).get(`/v1/audit/events?limit=200${cursor}`).set(bearer(workspace.keys.auditor)).expect(200);
    events.push(...res.body.data);
    if (!res.body.nextCursor) break;
    cursor = `&cursor=${res.body.nextCursor}`;
  }
  return events.filter((e) => ['article', 'claim', 'source', 'evidence', 'review'].includes(e.entityType)).map(({ seq, action, entityId }) => ({ seq, action, entityId }));
}

function claimInput() {
  return { text: `ادعاء ${unique()}`, language: 'ar' };
}

async function writeSome(workspace: Workspace, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const claim = await request(t.app).post('/v1/claims').set(bearer(workspace.keys.checker)).send(claimInput()).expect(201);
    if (i % 3 === 0) await request(t.app).patch(`/v1/claims/${claim.body.id}`).set(bearer(workspace.keys.checker)).set('If-Match', '"1"').send({ claimant: 'وزير' }).expect(200);
    if (i % 5 === 0) await request(t.app).post('/v1/sources').set(bearer(workspace.keys.checker)).send({ url: `https://example.org/${unique()}`, title: 'مصدر', kind: 'dataset' }).expect(201);
  }
}

async function waitingPolls(): Promise<number> {
  const metrics = await request(t.app).get('/metrics').expect(200);
  return Number(/^claimtrack_changes_waiting (\d+)/m.exec(metrics.text)?.[1] ?? -1);
}

describe('GET /v1/changes', () => {
  it('lists content changes in seq order with the entity as the API answers it, leaving key and webhook events out', async () => {
    const workspace = await t.newWorkspace();
    const article = await request(t.app)
      .post('/v1/articles')
      .set(bearer(workspace.keys.checker))
      .send({ url: `https://example.org/${unique()}`, title: 'مقال', language: 'ar', body: 'نص المقال.' })
      .expect(201);
    await request(t.app).post('/v1/api-keys').set(bearer(workspace.keys.admin)).send({ name: 'bot', role: 'viewer' }).expect(201);
    await request(t.app).post('/v1/webhooks').set(bearer(workspace.keys.editor)).send({ url: 'https://93.184.216.34/hook', events: ['*'] }).expect(201);
    const claim = await request(t.app).post('/v1/claims').set(bearer(workspace.keys.checker)).send(claimInput()).expect(201);
    const patched = await request(t.app).patch(`/v1/claims/${claim.body.id}`).set(bearer(workspace.keys.checker)).set('If-Match', '"1"').send({ claimant: 'وزير' }).expect(200);
    await request(t.app).delete(`/v1/claims/${claim.body.id}`).set(bearer(workspace.keys.editor)).set('If-Match', '"2"').expect(204);

    const res = await feed(workspace, '').expect(200);

    expect(res.body.data.map((c: Change) => [c.type, c.entityId])).toEqual([
      ['article.create', article.body.id],
      ['claim.create', claim.body.id],
      ['claim.update', claim.body.id],
      ['claim.delete', claim.body.id],
    ]);
    const [created, , updated, deleted] = res.body.data as Change[];
    expect(created).toMatchObject({ entityType: 'article', data: { id: article.body.id, title: 'مقال' } });
    const { similar: _similar, ...patchedView } = patched.body;
    expect(updated!.data).toEqual(patchedView);
    expect(deleted!.data).toBeNull();
    const seqs = res.body.data.map((c: Change) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const trail = await contentEvents(workspace);
    expect(seqs).toEqual(trail.map((e) => e.seq));
    expect(res.body).toMatchObject({ nextCursor: null, lastSeq: seqs.at(-1) });
  });

  it('pages with nextCursor (the last seq of the page) until it reaches lastSeq', async () => {
    const workspace = await t.newWorkspace();
    await writeSome(workspace, 6);
    const all = (await feed(workspace, 'limit=200').expect(200)).body;

    const first = await feed(workspace, 'limit=4').expect(200);
    expect(first.body.data).toEqual(all.data.slice(0, 4));
    expect(first.body.nextCursor).toBe(String(all.data[3].seq));
    expect(first.body.lastSeq).toBe(all.lastSeq);
    const viaCursor = await feed(workspace, `limit=4&cursor=${first.body.nextCursor}`).expect(200);
    const viaAfter = await feed(workspace, `limit=4&after=${first.body.nextCursor}`).expect(200);
    expect(viaCursor.body).toEqual(viaAfter.body);
    expect(viaCursor.body.data).toEqual(all.data.slice(4, 8));

    const end = await feed(workspace, `after=${all.lastSeq}`).expect(200);
    expect(end.body).toEqual({ data: [], nextCursor: null, lastSeq: all.lastSeq });
    const beyond = await feed(workspace, `after=${all.lastSeq + 1000}`).expect(200);
    expect(beyond.body).toEqual({ data: [], nextCursor: null, lastSeq: all.lastSeq });
  });

  it('answers an empty feed for a workspace with no content yet', async () => {
    const workspace = await t.newWorkspace();
    expect((await feed(workspace, '').expect(200)).body).toEqual({ data: [], nextCursor: null, lastSeq: 0 });
  });

  it.each([['after=-1'], ['after=abc'], ['limit=0'], ['limit=201'], ['wait=31'], ['wait=1.5'], ['cursor=abc'], ['after=3&cursor=4'], ['since=1']])('answers 400 for %s', async (query) => {
    const res = await feed(ws, query);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it("shows a workspace only its own changes", async () => {
    const mine = await t.newWorkspace();
    const theirs = await t.newWorkspace();
    await writeSome(mine, 2);
    await writeSome(theirs, 2);

    const { changes } = await readAll(mine);
    const myTrail = await contentEvents(mine);
    expect(changes.map((c) => c.seq)).toEqual(myTrail.map((e) => e.seq));
    const theirIds = new Set((await contentEvents(theirs)).map((e) => e.entityId));
    expect(changes.filter((c) => theirIds.has(c.entityId))).toEqual([]);
  });
});

describe('catching up while others write', () => {
  it('misses nothing and sees nothing twice: seqs strictly increase and every content event is there', async () => {
    const workspace = await t.newWorkspace();
    const seen: Change[] = [];
    let writing = true;
    // A client that keeps the last seq it processed, reading while four writers write.
    const reader = (async () => {
      let last = 0;
      for (;;) {
        const stillWriting = writing;
        const res = await feed(workspace, `after=${last}&limit=5`).expect(200);
        seen.push(...res.body.data);
        if (res.body.data.length > 0) last = res.body.data.at(-1).seq;
        if (!stillWriting && res.body.nextCursor === null) return;
      }
    })();
    await Promise.all(Array.from({ length: 4 }, () => writeSome(workspace, 8)));
    writing = false;
    await reader;

    const seqs = seen.map((c) => c.seq);
    for (let i = 1; i < seqs.length; i += 1) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
    const trail = await contentEvents(workspace);
    expect(trail.length).toBeGreaterThanOrEqual(4 * (8 + 3 + 2));
    expect(seen.map((c) => [c.seq, c.type, c.entityId])).toEqual(trail.map((e) => [e.seq, e.action, e.entityId]));
    // And paging afterwards reads the same.
    expect((await readAll(workspace)).changes).toEqual(seen);
  });
});

describe('the long poll (?wait=)', () => {
  it('answers as soon as a change commits, with that change', async () => {
    const workspace = await t.newWorkspace();
    await writeSome(workspace, 1);
    const { lastSeq } = (await feed(workspace, '').expect(200)).body;
    const before = await waitingPolls();

    let answeredAt = 0;
    const poll = feed(workspace, `after=${lastSeq}&wait=20`).then((res) => {
      answeredAt = Date.now();
      return res;
    });
    await eventually(async () => ((await waitingPolls()) > before ? true : undefined), 5_000, 'the long poll waiting');
    const claim = await request(t.app).post('/v1/claims').set(bearer(workspace.keys.checker)).send(claimInput()).expect(201);
    const committedAt = Date.now();
    const res = await poll;

    expect(res.status).toBe(200);
    expect(res.body.data.map((c: Change) => [c.type, c.entityId])).toEqual([['claim.create', claim.body.id]]);
    expect(res.body.lastSeq).toBe(res.body.data[0].seq);
    expect(answeredAt - committedAt).toBeLessThan(1_000);
  });

  it('ignores changes of other workspaces and events the feed leaves out, and answers empty after wait seconds', async () => {
    const workspace = await t.newWorkspace();
    const other = await t.newWorkspace();
    const { lastSeq } = (await feed(workspace, '').expect(200)).body;
    const before = await waitingPolls();
    const started = Date.now();

    // then(): supertest sends a request only once it is awaited.
    const poll = feed(workspace, `after=${lastSeq}&wait=1`).then((res) => res);
    await eventually(async () => ((await waitingPolls()) > before ? true : undefined), 5_000, 'the long poll waiting');
    await writeSome(other, 1);
    await request(t.app).post('/v1/api-keys').set(bearer(workspace.keys.admin)).send({ name: 'bot', role: 'viewer' }).expect(201);
    const res = await poll;

    expect(res.body).toEqual({ data: [], nextCursor: null, lastSeq });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('answers at once when changes exist after the position', async () => {
    const workspace = await t.newWorkspace();
    await writeSome(workspace, 1);
    const started = Date.now();
    const res = await feed(workspace, 'after=0&wait=20').expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('wakes many waiting clients with one commit, and lets none of them wait on', async () => {
    const workspace = await t.newWorkspace();
    const { lastSeq } = (await feed(workspace, '').expect(200)).body;
    const before = await waitingPolls();

    const polls = Array.from({ length: 25 }, () => feed(workspace, `after=${lastSeq}&wait=20`).then((res) => res));
    await eventually(async () => ((await waitingPolls()) >= before + 25 ? true : undefined), 5_000, '25 long polls waiting');
    const claim = await request(t.app).post('/v1/claims').set(bearer(workspace.keys.checker)).send(claimInput()).expect(201);
    const answers = await Promise.all(polls);

    for (const res of answers) expect(res.body.data.map((c: Change) => c.entityId)).toEqual([claim.body.id]);
    expect(await waitingPolls()).toBe(before);
  });
});
