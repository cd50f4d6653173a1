import { createHash } from 'node:crypto';
import request from 'supertest';
import { sqliteDate } from '../../src/db/sql';
import { uuidv7 } from '../../src/db/ids';
import { appendMany } from '../../src/write-path/audit-log';
import { extractPdfText, type PdfTextItem } from '../helpers/pdf';
import { tamper } from '../helpers/tamper';
import { bearer, onPostgres, unique, useTestApp, type Workspace } from '../helpers/test-app';
import { ClaimFlow } from '../helpers/workflow';

const { t, ws } = useTestApp();

const REPORT = '/v1/reports/audit';
const report = (query: Record<string, string> = {}, key = ws.keys.auditor) => request(t.app).get(REPORT).query(query).set(bearer(key));
/** Collects a binary body (supertest buffers only text and JSON by itself). */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
const pdfOf = (query: Record<string, string>, key = ws.keys.auditor) => report({ ...query, format: 'pdf' }, key).buffer(true).parse(binary);

/** The fixture desk's words: an Arabic claim with markup in it, and notes in Arabic. */
const CLAIM_E = 'قالت الوزارة إن الصفقة بلغت 5 مليار دولار <script>alert(1)</script>';
const E_WORDS = ['قالت', 'الوزارة', 'إن', 'الصفقة', 'بلغت', 'مليار', 'دولار'];
const NOTE_E = 'وثيقة جديدة <img src=x onerror=alert(1)> تغير الرقم';
const NOTE_A = 'أرقام وزارة الطاقة المنشورة تغير التقييم';
const CORRECTION_A = 'صُحّح التقييم بعد نشر أرقام الوزارة';

/** When each fixture claim was first published, and its creation moved back from there by `hours`. */
async function backdate(claimId: string, hours: number): Promise<void> {
  const events = await request(t.app).get('/v1/audit/events').query({ entityId: claimId, action: 'claim.publish' }).set(bearer(ws.keys.auditor)).expect(200);
  const createdAt = new Date(new Date(events.body.data[0].at).getTime() - hours * 3_600_000);
  const literal = onPostgres ? createdAt.toISOString().replace('T', ' ').replace('Z', '') : sqliteDate(createdAt);
  await t.rawSql(`UPDATE "Claim" SET "createdAt" = '${literal}' WHERE "id" = '${claimId}'`);
}

async function setFourEyes(on: boolean): Promise<void> {
  const current = await request(t.app).get(`/v1/workspaces/${ws.id}`).set(bearer(ws.keys.admin)).expect(200);
  await request(t.app).patch(`/v1/workspaces/${ws.id}`).set(bearer(ws.keys.admin)).set('If-Match', current.headers.etag as string).send({ fourEyes: on }).expect(200);
}

const ok = (res: request.Response, status = 200) => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
};

/**
 * The fixture desk: six claims in known states.
 *   A published false, reopened (NOTE_A), corrected to mostly_false (CORRECTION_A); 10 h to verdict
 *   B proposed, then the proposal rejected → in_review
 *   C unverified, no evidence
 *   D proposed true with evidence, the evidence deleted, then published → published without evidence; 20 h
 *   E (CLAIM_E) published false, reopened (NOTE_E) → in_review, verdict false; 40 h
 *   F proposed and published by one editor while four eyes was off → no violation; 30 h
 * `mid` falls after A was published, B proposed and C created, before anything else.
 */
const fixture = { A: '', B: '', C: '', D: '', E: '', F: '', mid: '' };

beforeAll(async () => {
  const A = await new ClaimFlow(t.app, ws).reach('published');
  const B = await new ClaimFlow(t.app, ws).reach('pending_approval');
  const C = await new ClaimFlow(t.app, ws).create(false);
  await new Promise((r) => setTimeout(r, 20));
  fixture.mid = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  ok(await B.reject());

  const D = await new ClaimFlow(t.app, ws).create();
  ok(await D.startReview());
  ok(await D.propose('true'), 201);
  const links = await request(t.app).get(`/v1/claims/${D.id}/evidence`).set(bearer(ws.keys.viewer)).expect(200);
  await request(t.app).delete(`/v1/claims/${D.id}/evidence/${links.body.data[0].id}`).set(bearer(ws.keys.checker)).set('If-Match', '"1"').expect(204);
  await D.get();
  ok(await D.publish());

  const E = await new ClaimFlow(t.app, ws).create(true, CLAIM_E);
  ok(await E.startReview());
  ok(await E.propose('false'), 201);
  ok(await E.publish());
  ok(await E.reopen(ws.keys.editor, NOTE_E));

  ok(await A.reopen(ws.keys.editor, NOTE_A));
  ok(await A.propose('mostly_false'), 201);
  ok(await A.publish(ws.keys.editor, { correctionNote: CORRECTION_A }));

  await setFourEyes(false);
  const F = await new ClaimFlow(t.app, ws).create();
  ok(await F.startReview(ws.keys.editor));
  ok(await F.propose('mixed', ws.keys.editor), 201);
  ok(await F.publish(ws.keys.editor));
  await setFourEyes(true);

  Object.assign(fixture, { A: A.id, B: B.id, C: C.id, D: D.id, E: E.id, F: F.id });
  for (const [id, hours] of [[A.id, 10], [D.id, 20], [E.id, 40], [F.id, 30]] as const) await backdate(id, hours);
});

describe('GET /v1/reports/audit (json)', () => {
  it('answers the last 30 days by default, with an intact chain over the whole trail', async () => {
    const before = Date.now();
    const res = await report().expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { period, generatedAt, chain, workspace } = res.body;
    expect(workspace.id).toBe(ws.id);
    expect(new Date(period.to).getTime()).toBe(new Date(generatedAt).getTime());
    expect(new Date(period.to).getTime() - new Date(period.from).getTime()).toBe(30 * 86_400_000);
    expect(new Date(generatedAt).getTime()).toBeGreaterThanOrEqual(before);
    const verify = await request(t.app).get('/v1/audit/verify').set(bearer(ws.keys.auditor)).expect(200);
    expect(chain).toEqual({ ok: true, checkedEvents: verify.body.count, firstBrokenSeq: null });
  });

  it('counts the claims by status and verdict as they stand now', async () => {
    const { claims } = (await report().expect(200)).body;
    expect(claims).toEqual({
      asOf: 'current',
      total: 6,
      byStatus: { unverified: 1, in_review: 2, pending_approval: 0, published: 3 },
      byVerdict: { false: 1, mixed: 1, mostly_false: 1, true: 1 },
    });
  });

  it('rebuilds the claims at a past end of period from the trail', async () => {
    const { claims, period } = (await report({ to: fixture.mid }).expect(200)).body;
    expect(period.to).toBe(fixture.mid);
    expect(claims).toEqual({
      asOf: 'trail',
      total: 3,
      byStatus: { unverified: 1, in_review: 0, pending_approval: 1, published: 1 },
      byVerdict: { false: 1 },
    });
  });

  it('measures time to verdict from creation to first publication: count, median and p90', async () => {
    const { timeToVerdict } = (await report().expect(200)).body;
    // 10, 20, 30, 40 h: median between 20 and 30; p90 at rank 2.7, 30 + 0.7 × 10.
    expect(timeToVerdict).toEqual({
      count: 4,
      medianHours: 25,
      p90Hours: 37,
      buckets: [
        { upToHours: 1, count: 0 },
        { upToHours: 6, count: 0 },
        { upToHours: 24, count: 2 },
        { upToHours: 72, count: 2 },
        { upToHours: 168, count: 0 },
        { upToHours: 720, count: 0 },
        { upToHours: null, count: 0 },
      ],
    });
  });

  it('names the claim published while it had no evidence, and no other', async () => {
    const { publishedWithoutEvidence } = (await report().expect(200)).body;
    expect(publishedWithoutEvidence).toEqual([
      { claimId: fixture.D, claimText: expect.any(String), language: 'ar', reviewId: expect.any(String), rating: 'true', at: expect.any(String), by: { keyId: ws.keyIds.editor, name: 'editor', role: 'editor' } },
    ]);
  });

  it('lists the correction with the ratings before and after and its public note', async () => {
    const { corrections } = (await report().expect(200)).body;
    expect(corrections).toEqual([
      expect.objectContaining({ claimId: fixture.A, from: 'false', to: 'mostly_false', note: CORRECTION_A, by: expect.objectContaining({ keyId: ws.keyIds.editor }) }),
    ]);
  });

  it('lists the reopenings with their notes, in the order they happened', async () => {
    const { reopenings } = (await report().expect(200)).body;
    expect(reopenings.map((r: { claimId: string; note: string }) => [r.claimId, r.note])).toEqual([
      [fixture.E, NOTE_E],
      [fixture.A, NOTE_A],
    ]);
    expect(reopenings[0]).toMatchObject({ claimText: CLAIM_E, language: 'ar', by: { keyId: ws.keyIds.editor, role: 'editor' } });
  });

  it('finds no four-eyes violation: the one self-publication happened while the rule was off', async () => {
    expect((await report().expect(200)).body.fourEyesViolations).toEqual([]);
  });

  it('counts every event of the period per key and action, and per day, as the trail lists them', async () => {
    const { activityByKey, activityByDay, period } = (await report().expect(200)).body;
    const events: { actor: { keyId: string | null; name: string }; action: string; at: string }[] = [];
    for (let cursor: string | undefined; ; ) {
      const page = await request(t.app).get('/v1/audit/events').query({ limit: 200, from: period.from, to: period.to, ...(cursor ? { cursor } : {}) }).set(bearer(ws.keys.auditor)).expect(200);
      events.push(...page.body.data);
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    const editor = activityByKey.find((k: { keyId: string }) => k.keyId === ws.keyIds.editor);
    // A twice, D, E, F; B's proposal rejected; A and E reopened.
    expect(editor.byAction).toMatchObject({ 'review.publish': 5, 'review.reject': 1, 'review.reopen': 2, 'claim.reopen': 2 });
    expect(editor.events).toBe(events.filter((e) => e.actor.keyId === ws.keyIds.editor).length);
    expect(activityByKey.map((k: { events: number }) => k.events).reduce((a: number, b: number) => a + b, 0)).toBe(events.length);
    expect(activityByKey.find((k: { keyId: string }) => k.keyId === ws.keyIds.auditor)).toBeUndefined();
    const perDay = new Map<string, number>();
    for (const e of events) perDay.set(e.at.slice(0, 10), (perDay.get(e.at.slice(0, 10)) ?? 0) + 1);
    expect(activityByDay).toEqual([...perDay.entries()].sort().map(([day, n]) => ({ day, events: n })));
  });

  it('keeps to the period: one that ends before the desk started has no activity', async () => {
    const body = (await report({ from: '2020-01-01', to: '2020-01-31' }).expect(200)).body;
    expect(body.period).toEqual({ from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' });
    expect(body).toMatchObject({ activityByKey: [], activityByDay: [], corrections: [], reopenings: [], publishedWithoutEvidence: [], timeToVerdict: { count: 0, medianHours: null, p90Hours: null } });
    expect(body.claims).toMatchObject({ asOf: 'trail', total: 0 });
  });
});

describe('GET /v1/reports/audit: who and what', () => {
  it.each(['auditor', 'admin'] as const)('answers %s', async (role) => {
    await report({}, ws.keys[role]).expect(200);
  });

  it.each(['viewer', 'checker', 'editor'] as const)('refuses %s with 403', async (role) => {
    const res = await report({}, ws.keys[role]).expect(403);
    expect(res.body.type).toBe('urn:claimtrack:problem:forbidden');
  });

  it.each([
    [{ format: 'xml' }, 'query.format'],
    [{ from: 'yesterday' }, 'query.from'],
    [{ to: '2026-13-01' }, 'query.to'],
    [{ from: '2026-12-01T10:00:00' }, 'query.from'],
    [{ from: '2026-12-02', to: '2026-12-01' }, 'query.from'],
    [{ from: '2026-12-01T10:00:00Z', to: '2026-12-01T10:00:00Z' }, 'query.from'],
    [{ since: '2026-12-01' }, 'query.since'],
  ])('answers %j with a 400 problem naming %s', async (query, path) => {
    const res = await report(query as Record<string, string>).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe('a four-eyes violation in the trail', () => {
  it('is reported: a review published by the key that proposed it while the rule was on', async () => {
    const desk = await t.newWorkspace();
    const claim = await new ClaimFlow(t.app, desk).create(false);
    const reviewId = uuidv7();
    // What a version without the rule (or a bug) would have written: appended through the chain writer, so the chain holds.
    const editor = { keyId: desk.keyIds.editor, name: 'editor', role: 'editor' };
    await t.db.write((_tx, sql) =>
      appendMany(sql, [
        { workspaceId: desk.id, actor: editor, action: 'review.publish', entityType: 'review', entityId: reviewId, before: null, after: { id: reviewId, claimId: claim.id, rating: 'unverifiable', proposedBy: desk.keyIds.editor, correctionNote: null }, requestId: unique('forged') },
      ]),
    );
    const body = (await report({}, desk.keys.auditor).expect(200)).body;
    expect(body.chain.ok).toBe(true);
    expect(body.fourEyesViolations).toEqual([{ claimId: claim.id, claimText: expect.any(String), language: 'ar', reviewId, at: expect.any(String), by: editor }]);
    expect(body.publishedWithoutEvidence).toEqual([]);
  });
});

/** Items in reading order for Arabic: top to bottom, right to left on a line. */
const rtlReadingOrder = (items: PdfTextItem[]) => [...items].sort((a, b) => b.y - a.y || b.x - a.x);

describe('GET /v1/reports/audit?format=html', () => {
  it('is one self-contained page under its own strict CSP, loading nothing from anywhere', async () => {
    const res = await report({ format: 'html' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="claimtrack-audit-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.html"$/);
    const html = res.text;
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link|@import|url\(|<script|<img|https?:/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).toContain('@page { size: A4');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`);
    expect(csp).not.toMatch(/unsafe|script-src/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('escapes claim text and notes, and marks Arabic with its language and direction', async () => {
    const html = (await report({ format: 'html' }).expect(200)).text;
    const escaped = CLAIM_E.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(html).toContain(`<span lang="ar" dir="rtl">${escaped}</span>`);
    expect(html).toContain(`<span dir="auto">${NOTE_E.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</span>`);
    expect(html).toContain('<html lang="en" dir="ltr">');
  });

  it('shows the chain first, then the figures and three inline SVG charts', async () => {
    const html = (await report({ format: 'html' }).expect(200)).text;
    const body = html.slice(html.indexOf('<body>'));
    expect(body).toMatch(/^<body>\n<section class="chain ok" role="status"><strong>Audit chain intact<\/strong>/);
    expect(body.match(/<svg /g)).toHaveLength(3);
    for (const title of ['Claims by verdict', 'Claims by time from creation to first publication', 'Audit events per day']) expect(body).toContain(`aria-label="${title}"`);
    expect(body).toContain('>Published without evidence</h2><p class="alarm">1 found.</p>');
    expect(body).toContain('>Four-eyes violations</h2><p class="none">None.</p>');
  });
});

describe('GET /v1/reports/audit?format=pdf', () => {
  it('is an A4 PDF with page numbers, the period and the generation time in every footer', async () => {
    const res = await pdfOf({}).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="claimtrack-audit-.*\.pdf"$/);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const { pages } = extractPdfText(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((items, i) => {
      const text = items.map((item) => item.str).join(' ');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toMatch(/claimtrack audit report · \d{4}-\d\d-\d\d \d\d:\d\d UTC – \d{4}-\d\d-\d\d \d\d:\d\d UTC \(end exclusive\) · generated \d{4}-\d\d-\d\d \d\d:\d\d/);
    });
  });

  it('carries the Arabic claim shaped, right to left: extracted, its words read in order from the right', async () => {
    const { pages } = extractPdfText((await pdfOf({}).expect(200)).body);
    const items = pages.flat();
    // pdf.js turns each right-to-left run back into logical order; the runs stand where they were drawn.
    for (const word of [...E_WORDS, 'وثيقة', 'جديدة', 'تغير', 'الرقم']) expect(items.map((item) => item.str)).toContain(word);
    const page = pages.find((p) => p.some((item) => item.str === 'قالت')) as PdfTextItem[];
    const reading = rtlReadingOrder(page).map((item) => item.str);
    const claimWords = reading.slice(reading.indexOf('قالت')).filter((word) => E_WORDS.includes(word));
    expect(claimWords.slice(0, E_WORDS.length)).toEqual(E_WORDS);
    expect(page.find((item) => item.str === 'قالت')?.dir).toBe('rtl');
  });
});

describe('a trail changed behind the API’s back', () => {
  let desk: Workspace;
  beforeAll(async () => {
    desk = await t.newWorkspace();
    await new ClaimFlow(t.app, desk).create();
    await tamper(t, `UPDATE "AuditEvent" SET "after" = '{"forged":true}' WHERE "workspaceId" = '${desk.id}' AND "seq" = 8`);
  });

  it('makes chain.ok false with the first broken seq in the JSON', async () => {
    expect((await report({}, desk.keys.auditor).expect(200)).body.chain).toMatchObject({ ok: false, checkedEvents: 7, firstBrokenSeq: 8 });
  });

  it('is the first thing the HTML page says, as an alert', async () => {
    const html = (await report({ format: 'html' }, desk.keys.auditor).expect(200)).text;
    const body = html.slice(html.indexOf('<body>'));
    expect(body).toMatch(/^<body>\n<section class="chain broken" role="alert"><strong>AUDIT CHAIN BROKEN at seq 8<\/strong>/);
  });

  it('is the first thing the PDF says', async () => {
    const res = await pdfOf({}, desk.keys.auditor).expect(200);
    const { pages } = extractPdfText(res.body);
    expect(pages[0]?.find((item) => item.str.trim() !== '')?.str).toBe('AUDIT CHAIN BROKEN at seq 8');
  });
});
