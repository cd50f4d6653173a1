import request from 'supertest';
import { digestBatchFrom, spanDigest } from '../../src/modules/audit/audit.repository';
import { verifyChain } from '../../src/modules/audit/audit.service';
import { hashAuditEvent } from '../../src/write-path/audit-chain';
import { contentOf, type AuditEventRow } from '../../src/write-path/audit-log';
import { tamper as tamperWith } from '../helpers/tamper';
import { bearer, onPostgres, unique, useTestApp, type Workspace } from '../helpers/test-app';

const { t } = useTestApp({ workspace: false });

const article = () => ({ url: `https://example.org/${unique()}`, title: 'صفقة', language: 'ar', body: 'نص' });

async function createArticles(ws: Workspace, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    ids.push((await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send(article()).expect(201)).body.id);
  }
  return ids;
}

async function verify(ws: Workspace) {
  return (await request(t.app).get('/v1/audit/verify').set(bearer(ws.keys.auditor)).expect(200)).body;
}

const tamper = (sql: string) => tamperWith(t, sql);

describe('GET /v1/audit/verify', () => {
  it('verifies an intact chain and reports its head', async () => {
    const ws = await t.newWorkspace();
    await createArticles(ws, 3);
    const result = await verify(ws);
    // workspace.create + 5 api_key.create + 3 article.create
    expect(result).toEqual({ ok: true, count: 9, headSeq: 9, headHash: expect.stringMatching(/^[0-9a-f]{64}$/), firstBadSeq: null });
  });
});

describe('the audit trail in the database', () => {
  it('refuses UPDATE and DELETE of audit rows', async () => {
    const ws = await t.newWorkspace();
    await expect(t.rawSql(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "workspaceId" = '${ws.id}'`)).rejects.toThrow(/append-only/);
    await expect(t.rawSql(`DELETE FROM "AuditEvent" WHERE "workspaceId" = '${ws.id}'`)).rejects.toThrow(/append-only/);
    expect((await verify(ws)).ok).toBe(true);
  });
});

describe('tampering behind the API’s back', () => {
  it('names an altered row as the first bad seq', async () => {
    const ws = await t.newWorkspace();
    const [, second] = await createArticles(ws, 3);
    const target = await t.db.reader.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.id, entityId: second } });
    await tamper(`UPDATE "AuditEvent" SET "after" = '{"title":"forged"}' WHERE "id" = '${target.id}'`);
    expect(await verify(ws)).toMatchObject({ ok: false, firstBadSeq: target.seq });
  });

  it('names a deleted row in the middle, and rows deleted from the end', async () => {
    const ws = await t.newWorkspace();
    await createArticles(ws, 4);
    await tamper(`DELETE FROM "AuditEvent" WHERE "workspaceId" = '${ws.id}' AND "seq" = 7`);
    expect(await verify(ws)).toMatchObject({ ok: false, firstBadSeq: 7 });

    const tail = await t.newWorkspace();
    await createArticles(tail, 2);
    await tamper(`DELETE FROM "AuditEvent" WHERE "workspaceId" = '${tail.id}' AND "seq" >= 7`);
    expect(await verify(tail)).toMatchObject({ ok: false, count: 6, headSeq: 8, firstBadSeq: 7 });
  });
});

describe('the chain check split over worker threads (long trails)', () => {
  it('agrees with the one-thread check on an intact chain, an altered row and a broken seam', async () => {
    const ws = await t.newWorkspace();
    await createArticles(ws, 5);
    // 11 events: threads 3 checks 1–4, 5–8 and 9–11, each in a worker with its own connection.
    for (const threads of [0, 2, 3]) {
      expect(await verifyChain(t.db, ws.id, { threads })).toEqual({ ok: true, count: 11, headSeq: 11, headHash: expect.stringMatching(/^[0-9a-f]{64}$/), firstBadSeq: null });
    }
    // Seq 6 altered and rehashed: it is intact on its own, only seq 7's link to it shows it —
    // across the seam of the two-thread split (1–6, 7–11).
    const row = await t.db.reader.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.id, seq: 6 } });
    const forged = { ...contentOf(row as AuditEventRow), after: { title: 'forged' } };
    await tamper(`UPDATE "AuditEvent" SET "after" = '{"title":"forged"}', "hash" = '${hashAuditEvent(forged)}' WHERE "id" = '${row.id}'`);
    for (const threads of [0, 2, 3]) expect(await verifyChain(t.db, ws.id, { threads })).toMatchObject({ ok: false, count: 6, firstBadSeq: 7 });

    const other = await t.newWorkspace();
    await createArticles(other, 5);
    await tamper(`UPDATE "AuditEvent" SET "after" = '{"title":"forged"}' WHERE "workspaceId" = '${other.id}' AND "seq" = 10`);
    for (const threads of [0, 2, 3]) expect(await verifyChain(t.db, other.id, { threads })).toMatchObject({ ok: false, count: 9, firstBadSeq: 10 });
  });
});

describe('the chain check’s fast path (the database splices and hashes)', () => {
  it('hashes stored text the way the write path did, for any characters, and checks the rest in full', async () => {
    const ws = await t.newWorkspace();
    const titles = ['"quoted" \\ back\\slash', 'tab\there\nnew line\r\n', 'line\u2028separator \u2029 and \u007f', 'emoji 🧾 and إسرائيل «مثلا»', '\u00e9t\u00e9 </script>'];
    for (const title of titles) {
      await request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send({ ...article(), title, body: title }).expect(201);
    }
    const head = (await verify(ws)).headSeq as number;
    // The events the fast path shows intact: SQLite's digests, PostgreSQL's span.
    const fastlyIntact = async (afterSeq: number, lastSeq: number): Promise<number[]> => {
      if (onPostgres) {
        const span = await spanDigest(t.db.sql, ws.id, afterSeq, lastSeq);
        const upTo = span?.suspect === null || span?.suspect === undefined ? (span?.lastSeq ?? afterSeq) : span.suspect - 1;
        return Array.from({ length: upTo - afterSeq }, (_, i) => afterSeq + 1 + i);
      }
      return (await digestBatchFrom(t.db.sql, ws.id, afterSeq, lastSeq - afterSeq)).filter((d) => d.intact).map((d) => d.seq);
    };
    expect(await fastlyIntact(0, head)).toEqual(Array.from({ length: head }, (_, i) => i + 1));

    // The same value stored as other text (key order, spaces): the fast path cannot tell, the full
    // check can, and the chain holds.
    const target = await t.db.reader.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.id, seq: head } });
    const after = target.after as Record<string, unknown>;
    const respelt = `{ ${Object.keys(after).reverse().map((key) => `${JSON.stringify(key)} : ${JSON.stringify(after[key])}`).join(' , ')} }`;
    await tamper(`UPDATE "AuditEvent" SET "after" = '${respelt.replaceAll("'", "''")}' WHERE "id" = '${target.id}'`);
    expect(await fastlyIntact(0, head)).toEqual(Array.from({ length: head - 1 }, (_, i) => i + 1));
    expect(await verify(ws)).toMatchObject({ ok: true, count: head });

    // A changed value is caught either way.
    await tamper(`UPDATE "AuditEvent" SET "after" = '${respelt.replaceAll("'", "''").replace('"title" :', '"title" : "forged", "was" :')}' WHERE "id" = '${target.id}'`);
    expect(await verify(ws)).toMatchObject({ ok: false, firstBadSeq: head });
  });
});

describe('GET /v1/audit/events', () => {
  it('keeps seq gap-free per workspace under concurrent writes', async () => {
    const ws = await t.newWorkspace();
    await Promise.all(Array.from({ length: 20 }, () => request(t.app).post('/v1/articles').set(bearer(ws.keys.checker)).send(article()).expect(201)));
    const events = await request(t.app).get('/v1/audit/events').query({ limit: 200 }).set(bearer(ws.keys.auditor)).expect(200);
    expect(events.body.data.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect((await verify(ws)).ok).toBe(true);
  });

  it('filters by entity, action, actor and time, and pages by cursor', async () => {
    const ws = await t.newWorkspace();
    const [id] = await createArticles(ws, 3);
    const start = new Date().toISOString();
    await request(t.app).patch(`/v1/articles/${id}`).set(bearer(ws.keys.editor)).set('If-Match', '"1"').send({ title: 'ب' }).expect(200);
    const q = (query: Record<string, string | number>) => request(t.app).get('/v1/audit/events').query(query).set(bearer(ws.keys.auditor)).expect(200);

    expect((await q({ entityId: id! })).body.data.map((e: { action: string }) => e.action)).toEqual(['article.create', 'article.update']);
    expect((await q({ action: 'article.create' })).body.data).toHaveLength(3);
    expect((await q({ actor: ws.keyIds.editor })).body.data.map((e: { action: string }) => e.action)).toEqual(['article.update']);
    expect((await q({ from: start })).body.data.map((e: { action: string }) => e.action)).toEqual(['article.update']);
    expect((await q({ to: start })).body.data).toHaveLength(9);

    const first = await q({ limit: 4 });
    const second = await q({ limit: 4, cursor: first.body.nextCursor });
    expect([...first.body.data, ...second.body.data].map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('shows each workspace only its own events', async () => {
    const a = await t.newWorkspace();
    const b = await t.newWorkspace();
    const [theirs] = await createArticles(b, 1);
    const res = await request(t.app).get('/v1/audit/events').query({ entityId: theirs! }).set(bearer(a.keys.auditor)).expect(200);
    expect(res.body.data).toEqual([]);
  });
});
