import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { Database } from '../../src/db/database';
import type { Sql } from '../../src/db/sql';
import { appWithLog, download, getFirstChunkAndHangUp, listen, ndjsonLines, rawGet } from '../helpers/download';
import { bearer, unique, useTestApp, type Workspace } from '../helpers/test-app';
import { ClaimFlow } from '../helpers/workflow';

// Pages of 3 rows: every export below crosses page boundaries, so the keyset cursor is exercised.
const { t } = useTestApp({ workspace: false, env: { EXPORT_PAGE_SIZE: '3' } });

const CSV_COLUMNS = ['id', 'status', 'verdict', 'text', 'language', 'claimant', 'claimDate', 'articleUrl', 'quote', 'quantities', 'tags', 'version', 'createdAt', 'updatedAt'];

async function createClaims(workspace: Workspace, claims: object[]): Promise<Record<string, unknown>[]> {
  const res = await request(t.app).post('/v1/claims/batch').set(bearer(workspace.keys.checker)).send({ claims }).expect(201);
  return res.body.data;
}

const exportOf = (workspace: Workspace, query: string, key = workspace.keys.viewer) => download(t.app, `/v1/exports/claims?${query}`, key);

describe('GET /v1/exports/claims', () => {
  let w: Workspace;
  let articleUrl: string;
  let anchored: Record<string, unknown>;
  const tricky = 'قال الوزير: "الصفقة، بقيمة 5 مليار دولار"\nوأضاف، في سطر ثانٍ: «لا تعليق»';

  beforeAll(async () => {
    w = await t.newWorkspace();
    articleUrl = `https://example.org/${unique('article')}`;
    const article = await request(t.app)
      .post('/v1/articles')
      .set(bearer(w.keys.checker))
      .send({ url: articleUrl, title: 'صفقة', language: 'ar', body: 'وكان الرئيس الأذري قد كشف أن بلاده عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار.' })
      .expect(201);
    anchored = (
      await request(t.app)
        .post('/v1/claims')
        .set(bearer(w.keys.checker))
        .send({ text: 'أذربيجان عقدت صفقة بقيمة 5 مليار دولار', language: 'ar', claimant: 'إلهام علييف', claimDate: '2018-10-24', articleId: article.body.id, quote: { exact: 'صفقة مع إسرائيل بقيمة 5 مليار دولار' }, tags: ['defence', 'oil'] })
        .expect(201)
    ).body;
    await createClaims(w, [
      { text: tricky, language: 'ar', claimant: 'وزير المالية', tags: ['budget'] },
      { text: '=HYPERLINK("http://evil.example","click")', language: 'en', claimant: '+44 20 7946 0000' },
      { text: '-2+3 is a formula too', language: 'en', claimant: '@handle' },
      { text: 'Two-thirds of the oil consumed in Israel comes from Azerbaijan', language: 'en', tags: ['oil'] },
    ]);
  });

  it('ndjson: every claim, oldest first, each exactly as GET /v1/claims/:id answers it', async () => {
    const flow = await new ClaimFlow(t.app, w).reach('published');
    const res = await exportOf(w, 'format=ndjson');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="claims-${w.id}-\\d{4}-\\d{2}-\\d{2}\\.ndjson"$`));
    const lines = ndjsonLines(res.text);
    expect(lines).toHaveLength(6);
    expect(res.text.endsWith('\n')).toBe(true);
    const created = lines.map((line) => `${String(line.createdAt)} ${String(line.id)}`);
    expect(created).toEqual([...created].sort());
    for (const line of lines) {
      const single = await request(t.app).get(`/v1/claims/${String(line.id)}`).set(bearer(w.keys.viewer)).expect(200);
      expect(line).toEqual(single.body);
    }
    const published = lines.find((line) => line.id === flow.id) as { evidence: unknown[]; verdictHistory: { state: string }[] };
    expect(published.evidence).toHaveLength(1);
    expect(published.verdictHistory.map((review) => review.state)).toEqual(['published']);
  });

  it("ndjson: a corrected verdict's whole history, newest first, and each claim's own evidence, across pages", async () => {
    const v = await t.newWorkspace();
    const corrected = await new ClaimFlow(t.app, v).reach('published');
    await corrected.reopen().then((r) => expect(r.status).toBe(200));
    await corrected.propose('mostly_true').then((r) => expect(r.status).toBe(201));
    await corrected.publish(v.keys.editor, { correctionNote: 'الرقم الصحيح أقل بقليل' }).then((r) => expect(r.status).toBe(200));
    // Text the database must escape as JSON.stringify would: quotes, a backslash, a tab, U+2028, an emoji.
    await createClaims(v, [{ text: 'بلا أدلة', language: 'ar' }, { text: 'a "quoted" \\ path,\tthen\u2028a line separator and 🛢️', language: 'en', claimant: 'بلا \\ تعليق' }]);
    const second = await new ClaimFlow(t.app, v).reach('in_review');
    const lines = ndjsonLines((await exportOf(v, 'format=ndjson')).text) as { id: string; evidence: { claimId: string }[]; verdictHistory: { state: string }[] }[];
    expect(lines.map((line) => line.id)).toHaveLength(4); // pages of 3: the last claim is on the second page
    for (const line of lines) {
      const single = await request(t.app).get(`/v1/claims/${line.id}`).set(bearer(v.keys.viewer)).expect(200);
      expect(line).toEqual(single.body);
    }
    const byId = new Map(lines.map((line) => [line.id, line]));
    expect(byId.get(corrected.id)?.verdictHistory.map((review) => review.state)).toEqual(['published', 'superseded']);
    expect(byId.get(second.id)?.evidence.map((link) => link.claimId)).toEqual([second.id]);
    expect(byId.get(second.id)?.verdictHistory).toEqual([]);
  });

  it('json: one array of the same claims', async () => {
    const [ndjson, json] = await Promise.all([exportOf(w, 'format=ndjson'), exportOf(w, 'format=json')]);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toMatch(/filename="claims-.+\.json"$/);
    expect(JSON.parse(json.text)).toEqual(ndjsonLines(ndjson.text));
  });

  it('csv: UTF-8 with a BOM, CRLF, a header row, and Arabic with commas, quotes and line breaks that round-trip', async () => {
    const res = await exportOf(w, 'format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/filename="claims-.+\.csv"$/);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.text.slice(1);
    expect(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted fields every line break is CRLF (the tricky claim's own \n is inside quotes).
    const records: Record<string, string>[] = parse(text, { columns: true, record_delimiter: '\r\n', relax_column_count: false });
    expect(Object.keys(records[0] ?? {})).toEqual(CSV_COLUMNS);
    expect(records).toHaveLength(6);
    const arabic = records.find((r) => r.claimant === 'وزير المالية');
    expect(arabic?.text).toBe(tricky);
    const quoted = records.find((r) => r.id === anchored.id) as Record<string, string>;
    expect(quoted).toMatchObject({ status: 'unverified', verdict: '', language: 'ar', claimant: 'إلهام علييف', claimDate: '2018-10-24T00:00:00.000Z', articleUrl, tags: 'defence, oil', version: '1' });
    expect(JSON.parse(quoted.quote as string)).toEqual(anchored.quote);
    expect(JSON.parse(quoted.quantities as string)).toEqual(anchored.quantities);
    expect(quoted.createdAt).toBe(anchored.createdAt);
  });

  it('csv: a cell a spreadsheet would run as a formula starts with a quote mark', async () => {
    const records: Record<string, string>[] = parse((await exportOf(w, 'format=csv')).text.slice(1), { columns: true });
    const texts = records.map((r) => r.text);
    expect(texts).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(texts).toContain(`'-2+3 is a formula too`);
    const claimants = records.map((r) => r.claimant);
    expect(claimants).toContain(`'+44 20 7946 0000`);
    expect(claimants).toContain(`'@handle`);
    // Nothing else is touched.
    expect(texts).toContain('Two-thirds of the oil consumed in Israel comes from Azerbaijan');
  });

  it('applies the list filters: status, verdict, tag, language, claimant, articleId, updatedSince, q', async () => {
    const ids = async (query: string) => ndjsonLines((await exportOf(w, `format=ndjson&${query}`)).text).map((line) => line.id);
    const all = ndjsonLines((await exportOf(w, 'format=ndjson')).text);
    const expectIds = async (query: string, keep: (line: Record<string, unknown>) => boolean) => {
      const expected = all.filter(keep).map((line) => line.id);
      expect(expected.length).toBeGreaterThan(0);
      expect([query, await ids(query)]).toEqual([query, expected]);
    };
    await expectIds('status=published', (l) => l.status === 'published');
    await expectIds('verdict=false', (l) => l.verdict === 'false');
    await expectIds('tag=oil', (l) => (l.tags as string[]).includes('oil'));
    await expectIds('language=en', (l) => l.language === 'en');
    await expectIds(`claimant=${encodeURIComponent('إلهام علييف')}`, (l) => l.claimant === 'إلهام علييف');
    await expectIds(`articleId=${String(anchored.articleId)}`, (l) => l.articleId === anchored.articleId);
    const newest = all.map((l) => String(l.updatedAt)).sort().at(-1) as string;
    await expectIds(`updatedSince=${encodeURIComponent(newest)}`, (l) => String(l.updatedAt) >= newest);
    // Search folds as the list does: no hamza, Arabic-Indic digits.
    expect(await ids(`q=${encodeURIComponent('اذربيجان ٥ مليار')}`)).toEqual([anchored.id]);
    expect(await ids('q=nothing-matches-this-word')).toEqual([]);
  });

  it('answers an empty export with the head only', async () => {
    const csv = await exportOf(w, 'format=csv&tag=no-such-tag');
    expect(csv.text).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    expect((await exportOf(w, 'format=json&tag=no-such-tag')).text).toBe('[]\n');
    expect((await exportOf(w, 'format=ndjson&tag=no-such-tag')).text).toBe('');
  });

  it("never shows another workspace's claims", async () => {
    const other = await t.newWorkspace();
    await createClaims(other, [{ text: `ادعاء ${unique()}`, language: 'ar' }]);
    const mine = ndjsonLines((await exportOf(w, 'format=ndjson')).text).map((line) => line.id);
    const theirs = ndjsonLines((await exportOf(other, 'format=ndjson')).text);
    expect(theirs).toHaveLength(1);
    expect(mine).not.toContain(theirs[0]?.id);
  });

  it('answers 400 problems for an unknown format or a malformed filter, before any byte of a file', async () => {
    for (const query of ['format=xml', 'format=csv&updatedSince=yesterday', 'format=csv&status=maybe', 'format=csv&articleId=42', 'format=csv&limit=5', 'format=ndjson&tag=%20']) {
      const res = await exportOf(w, query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.body.type).toBe('urn:claimtrack:problem:validation-error');
    }
  });

  it('needs a key (401), and any role may export', async () => {
    expect((await exportOf(w, 'format=csv', '')).status).toBe(401);
    for (const role of ['viewer', 'checker', 'editor', 'auditor', 'admin'] as const) expect((await exportOf(w, 'format=csv', w.keys[role])).status).toBe(200);
  });
});

describe('GET /v1/exports/claims as a stream', () => {
  let w: Workspace;
  const TOTAL = 400;

  beforeAll(async () => {
    w = await t.newWorkspace();
    await createClaims(w, Array.from({ length: TOTAL }, (_, i) => ({ text: `ادعاء رقم ${i} عن صفقة بقيمة ${i} مليون دولار`, language: 'ar', tags: ['bulk'] })));
  });

  it('sends the first bytes before the last page is read, and a client that hangs up stops the paging', async () => {
    // Pages of 5: the export is 80 statements; the client leaves after the first chunk.
    const { app, waitFor } = appWithLog(t, { EXPORT_PAGE_SIZE: 5 });
    const server = await listen(app);
    try {
      const { status, first } = await getFirstChunkAndHangUp(`${server.url}/v1/exports/claims?format=ndjson`, w.keys.viewer);
      expect(status).toBe(200);
      expect(ndjsonLines(first).length).toBeGreaterThan(0);
      const ended = await waitFor((line) => line.msg === 'export ended');
      expect(ended).toMatchObject({ export: 'claims.ndjson', outcome: 'aborted' });
      // Paging stopped: far fewer rows were read than the workspace has.
      expect(ended.rows as number).toBeLessThan(TOTAL / 2);
      expect(ended.pages as number).toBeLessThan(TOTAL / 5 / 2);
    } finally {
      await server.close();
    }
  });

  it('reads the whole export in pages when the client stays', async () => {
    const { app, waitFor } = appWithLog(t, { EXPORT_PAGE_SIZE: 50 });
    const server = await listen(app);
    try {
      const res = await rawGet(`${server.url}/v1/exports/claims?format=csv`, w.keys.viewer);
      expect(res.ended).toBe('complete');
      expect(parse(res.body.slice(1), { columns: true })).toHaveLength(TOTAL);
      expect(await waitFor((line) => line.msg === 'export ended')).toMatchObject({ export: 'claims.csv', outcome: 'complete', rows: TOTAL, pages: TOTAL / 50 });
    } finally {
      await server.close();
    }
  });

  /** The database, with its reader failing from the `n`-th statement on (a database gone mid-export). */
  function failingFrom(n: number): Database {
    let calls = 0;
    const sql: Sql = {
      dialect: t.db.sql.dialect,
      all: (text, params) => {
        calls += 1;
        return calls >= n ? Promise.reject(new Error('connection lost')) : t.db.sql.all(text, params);
      },
      arrays: (text, params) => {
        calls += 1;
        return calls >= n ? Promise.reject(new Error('connection lost')) : t.db.sql.arrays(text, params);
      },
      run: (text, params) => t.db.sql.run(text, params),
    };
    return { ...t.db, sql };
  }

  it('destroys the response when the database fails mid-stream: a truncated transfer, never a complete-looking file', async () => {
    // The key check and the first pages succeed; a later page fails.
    const { app, waitFor } = appWithLog(t, { EXPORT_PAGE_SIZE: 20 }, failingFrom(6));
    const server = await listen(app);
    try {
      const res = await rawGet(`${server.url}/v1/exports/claims?format=json`, w.keys.viewer);
      expect(res.status).toBe(200);
      expect(res.ended).toBe('cut');
      expect(res.body.startsWith('[')).toBe(true);
      expect(res.body.trimEnd().endsWith(']')).toBe(false);
      const failed = await waitFor((line) => line.msg === 'export failed after its first bytes; response destroyed');
      expect(failed).toMatchObject({ level: 50, export: 'claims.json' });
      expect(await waitFor((line) => line.msg === 'export ended')).toMatchObject({ outcome: 'failed' });
    } finally {
      await server.close();
    }
  });

  it('answers a problem, not half a file, when the first page fails', async () => {
    const { app } = appWithLog(t, {}, failingFrom(2));
    const res = await download(app, '/v1/exports/claims?format=csv', w.keys.viewer);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.text).not.toMatch(/connection lost|\n\s+at /);
  });
});
