import request from 'supertest';
import { appWithLog, download } from '../helpers/download';
import { bearer, unique, useTestApp, type Workspace } from '../helpers/test-app';
import { ClaimFlow } from '../helpers/workflow';

const BASE = 'https://factcheck.example.org';
const { t } = useTestApp({ workspace: false, env: { PUBLIC_BASE_URL: `${BASE}/` } });

/** A claim of `w` with `body`, evidence, and a published verdict of `rating` (with an internal decision note). */
async function publishedClaim(w: Workspace, body: Record<string, unknown>, rating = 'false'): Promise<ClaimFlow> {
  const created = await request(t.app).post('/v1/claims').set(bearer(w.keys.checker)).send(body).expect(201);
  const flow = new ClaimFlow(t.app, w);
  flow.id = created.body.id;
  const source = await request(t.app).post('/v1/sources').set(bearer(w.keys.checker)).send({ url: `https://example.org/${unique()}`, title: 'مصدر', kind: 'official_statement' }).expect(201);
  await request(t.app).post(`/v1/claims/${flow.id}/evidence`).set(bearer(w.keys.checker)).send({ sourceId: source.body.id, stance: 'refutes' }).expect(201);
  await flow.startReview().then((r) => expect(r.status).toBe(200));
  await flow.propose(rating).then((r) => expect(r.status).toBe(201));
  await flow.publish(w.keys.editor, { decisionNote: 'internal-note-never-public' }).then((r) => expect(r.status).toBe(200));
  return flow;
}

async function decisions(w: Workspace, claimId: string): Promise<string[]> {
  const claim = await request(t.app).get(`/v1/claims/${claimId}`).set(bearer(w.keys.viewer)).expect(200);
  return (claim.body.verdictHistory as { decidedAt: string }[]).map((review) => review.decidedAt).sort();
}

const publicOne = (claimId: string) => request(t.app).get(`/v1/public/claimreview/${claimId}`);
const feed = (workspace: string, query = '') => request(t.app).get(`/v1/public/claimreview?workspace=${workspace}${query}`);

async function articleIn(w: Workspace): Promise<{ id: string; url: string }> {
  const url = `https://example.org/${unique('article')}`;
  const res = await request(t.app)
    .post('/v1/articles')
    .set(bearer(w.keys.checker))
    .send({ url, title: 'رئيس الأركان الأذري في البلاد', language: 'ar', body: 'وكان الرئيس الأذري قد كشف أن بلاده عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار.' })
    .expect(201);
  return { id: res.body.id, url };
}

describe('ClaimReview of a published verdict', () => {
  let w: Workspace;
  let name: string;
  beforeAll(async () => {
    w = await t.newWorkspace();
    name = (await request(t.app).get(`/v1/workspaces/${w.id}`).set(bearer(w.keys.viewer)).expect(200)).body.name;
  });

  it('says what Google fact-check markup asks for, with the values of the claim and its verdict', async () => {
    const article = await articleIn(w);
    const flow = await publishedClaim(w, {
      text: 'أذربيجان عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار',
      language: 'ar',
      claimant: 'إلهام علييف',
      claimDate: '2018-10-24',
      articleId: article.id,
      quote: { exact: 'صفقة مع إسرائيل بقيمة 5 مليار دولار' },
    });
    const [decidedAt] = await decisions(w, flow.id);
    const res = await publicOne(flow.id).expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.body).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${BASE}/v1/public/claimreview/${flow.id}`,
      claimReviewed: 'أذربيجان عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار',
      author: { '@type': 'Organization', name, url: BASE },
      datePublished: decidedAt,
      inLanguage: 'ar',
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'خاطئ' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'إلهام علييف' },
        datePublished: '2018-10-24',
        appearance: [{ '@type': 'CreativeWork', url: article.url }],
        firstAppearance: { '@type': 'CreativeWork', url: article.url },
      },
    });
  });

  it('keeps the first publication date through a correction and adds dateModified', async () => {
    const flow = await publishedClaim(w, { text: 'ثلثا النفط المستهلك في إسرائيل من أذربيجان', language: 'ar', claimant: 'وزارة الطاقة' });
    await flow.reopen().then((r) => expect(r.status).toBe(200));
    await flow.propose('mostly_true').then((r) => expect(r.status).toBe(201));
    await flow.publish(w.keys.editor, { correctionNote: 'الرقم الصحيح أقل بقليل' }).then((r) => expect(r.status).toBe(200));
    const [first, correction] = await decisions(w, flow.id);
    const review = (await publicOne(flow.id).expect(200)).body;
    expect(review.datePublished).toBe(first);
    expect(review.dateModified).toBe(correction);
    expect(new Date(review.dateModified).getTime()).toBeGreaterThan(new Date(review.datePublished).getTime());
    expect(review.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'صحيح في معظمه' });
    expect(review.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'وزارة الطاقة' });
  });

  it('a verdict reopened for a correction stays public, without dateModified until the new one is published', async () => {
    const flow = await publishedClaim(w, { text: 'لم ترسل أذربيجان سفيرا بعد', language: 'ar' });
    await flow.reopen().then((r) => expect(r.status).toBe(200));
    const review = (await publicOne(flow.id).expect(200)).body;
    expect(review.reviewRating.alternateName).toBe('خاطئ');
    expect(review.dateModified).toBeUndefined();
  });

  it('gives a rating without a value its name only, in the claim’s language', async () => {
    const misleading = await publishedClaim(w, { text: 'Relations since 1992 mean an embassy exists', language: 'en' }, 'misleading');
    expect((await publicOne(misleading.id).expect(200)).body.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Misleading' });
    const arabic = await publishedClaim(w, { text: 'العلاقات الدبلوماسية منذ 1992', language: 'ar-EG' }, 'misleading');
    expect((await publicOne(arabic.id).expect(200)).body.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'مضلل' });
  });

  it('rates a review by the scale version it was made under, even after a newer scale', async () => {
    const x = await t.newWorkspace();
    const scale = (values: [number | null, number | null], best: number) => ({
      ratings: [
        { key: 'accurate', labels: { ar: 'دقيق', en: 'Accurate' }, ratingValue: values[0] },
        { key: 'wrong', labels: { ar: 'خطأ', en: 'Wrong', fr: 'Faux' }, ratingValue: values[1] },
      ],
      bestRating: best,
      worstRating: 0,
    });
    await request(t.app).post('/v1/rating-scales').set(bearer(x.keys.admin)).send(scale([10, 0], 10)).expect(201);
    const flow = await publishedClaim(x, { text: 'Le contrat vaut cinq milliards', language: 'fr' }, 'wrong');
    await request(t.app).post('/v1/rating-scales').set(bearer(x.keys.admin)).send(scale([3, null], 3)).expect(201);
    expect((await publicOne(flow.id).expect(200)).body.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 0, bestRating: 10, worstRating: 0, alternateName: 'Faux' });
  });

  it("uses the workspace's url template and home page once an admin sets them", async () => {
    const x = await t.newWorkspace();
    const flow = await publishedClaim(x, { text: `ادعاء ${unique()}`, language: 'ar' });
    const ws = await request(t.app).get(`/v1/workspaces/${x.id}`).set(bearer(x.keys.admin)).expect(200);
    await request(t.app)
      .patch(`/v1/workspaces/${x.id}`)
      .set(bearer(x.keys.admin))
      .set('If-Match', ws.headers.etag as string)
      .send({ claimReviewUrlTemplate: 'https://news.example.com/fact-checks/{claimId}?lang=ar', homepageUrl: 'https://news.example.com/' })
      .expect(200);
    const review = (await publicOne(flow.id).expect(200)).body;
    expect(review.url).toBe(`https://news.example.com/fact-checks/${flow.id}?lang=ar`);
    expect(review.author.url).toBe('https://news.example.com/');
  });
});

describe('GET /v1/exports/claims?format=claimreview', () => {
  it('is a JSON-LD array of the published verdicts only', async () => {
    const w = await t.newWorkspace();
    const published = await publishedClaim(w, { text: `منشور ${unique()}`, language: 'ar' });
    await new ClaimFlow(t.app, w).reach('pending_approval');
    await new ClaimFlow(t.app, w).reach('in_review');
    const deleted = await publishedClaim(w, { text: `محذوف ${unique()}`, language: 'ar' });
    await request(t.app).delete(`/v1/claims/${deleted.id}`).set(bearer(w.keys.editor)).set('If-Match', `"${(await deleted.get()).version}"`).expect(204);
    const res = await download(t.app, '/v1/exports/claims?format=claimreview', w.keys.viewer);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="claims-.+\.jsonld"$/);
    const reviews = JSON.parse(res.text) as { url: string }[];
    expect(reviews.map((review) => review.url)).toEqual([`${BASE}/v1/public/claimreview/${published.id}`]);
    expect(reviews[0]).toEqual((await publicOne(published.id).expect(200)).body);
  });
});

describe('GET /v1/public/claimreview (no key)', () => {
  let w: Workspace;
  let flows: ClaimFlow[];
  beforeAll(async () => {
    w = await t.newWorkspace();
    flows = [];
    for (let i = 0; i < 3; i += 1) flows.push(await publishedClaim(w, { text: `ادعاء منشور ${i} ${unique()}`, language: 'ar' }));
    await new ClaimFlow(t.app, w).reach('pending_approval');
    await new ClaimFlow(t.app, w).reach('unverified');
  });

  it('lists the published verdicts, latest decision first, in pages', async () => {
    const expected = flows.map((flow) => `${BASE}/v1/public/claimreview/${flow.id}`).reverse();
    const first = await feed(w.id, '&limit=2').expect(200);
    expect(first.body.data.map((review: { url: string }) => review.url)).toEqual(expected.slice(0, 2));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await feed(w.id, `&limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.data.map((review: { url: string }) => review.url)).toEqual(expected.slice(2));
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows nothing unpublished, internal or identifying', async () => {
    const res = await feed(w.id).expect(200);
    expect(res.body.data).toHaveLength(3);
    for (const secret of ['internal-note-never-public', ...Object.values(w.keyIds), ...Object.values(w.keys), 'proposedBy', 'decidedBy', 'decisionNote', 'workspaceId', 'evidence']) {
      expect(res.text).not.toContain(secret);
    }
    const unpublished = await request(t.app).get('/v1/claims?status=pending_approval').set(bearer(w.keys.viewer)).expect(200);
    const pending = unpublished.body.data[0].id as string;
    expect(res.text).not.toContain(pending);
    const notFound = await publicOne(pending).expect(404);
    expect(notFound.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('is cacheable: public Cache-Control, an ETag, 304 on If-None-Match, and a new ETag when a verdict changes', async () => {
    const res = await feed(w.id).expect(200);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await feed(w.id).set('If-None-Match', etag).expect(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
    const one = await publicOne(flows[0]!.id).expect(200);
    await publicOne(flows[0]!.id).set('If-None-Match', one.headers.etag as string).expect(304);
    // A new publication changes the feed, and so its ETag.
    await publishedClaim(w, { text: `ادعاء جديد ${unique()}`, language: 'ar' });
    const changed = await feed(w.id).set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.data).toHaveLength(4);
  });

  it("shows one workspace's verdicts only, by id or by the slug its admin set", async () => {
    const other = await t.newWorkspace();
    const theirs = await publishedClaim(other, { text: `ادعاء آخر ${unique()}`, language: 'ar' });
    const slug = unique('desk').toLowerCase();
    const current = await request(t.app).get(`/v1/workspaces/${other.id}`).set(bearer(other.keys.admin)).expect(200);
    const patched = await request(t.app).patch(`/v1/workspaces/${other.id}`).set(bearer(other.keys.admin)).set('If-Match', current.headers.etag as string).send({ slug }).expect(200);
    expect(patched.body.slug).toBe(slug);
    const mine = await feed(w.id).expect(200);
    expect(mine.text).not.toContain(theirs.id);
    const bySlug = await feed(slug).expect(200);
    expect(bySlug.body.data.map((review: { url: string }) => review.url)).toEqual([`${BASE}/v1/public/claimreview/${theirs.id}`]);
    expect((await feed(other.id).expect(200)).body).toEqual(bySlug.body);
    // Another workspace may not take the slug.
    const mineNow = await request(t.app).get(`/v1/workspaces/${w.id}`).set(bearer(w.keys.admin)).expect(200);
    const taken = await request(t.app).patch(`/v1/workspaces/${w.id}`).set(bearer(w.keys.admin)).set('If-Match', mineNow.headers.etag as string).send({ slug }).expect(409);
    expect(taken.body.type).toBe('urn:claimtrack:problem:conflict');
  });

  it('answers 404 for an unknown workspace or claim, and 400 for a malformed one', async () => {
    expect((await feed('no-such-desk').expect(404)).body.type).toBe('urn:claimtrack:problem:not-found');
    await feed('0190a0a0-0000-7000-8000-000000000000').expect(404);
    await publicOne('0190a0a0-0000-7000-8000-000000000000').expect(404);
    await feed('bad%20slug!').expect(400);
    await request(t.app).get('/v1/public/claimreview').expect(400);
    await publicOne('not-an-id').expect(400);
  });

  it('is rate-limited per client address', async () => {
    const { app } = appWithLog(t, { PUBLIC_RATE_LIMIT_PER_MINUTE: 2, TRUST_PROXY: true });
    const from = (address: string) => request(app).get(`/v1/public/claimreview?workspace=${w.id}`).set('X-Forwarded-For', address);
    await from('203.0.113.1').expect(200);
    await from('203.0.113.1').expect(200);
    const limited = await from('203.0.113.1').expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.headers['cache-control']).toBe('no-store');
    await from('203.0.113.2').expect(200);
  });
});

describe('PATCH /v1/workspaces/:id (ClaimReview settings)', () => {
  it('refuses a slug that is not one, or looks like an id, and a url template without {claimId}', async () => {
    const w = await t.newWorkspace();
    const current = await request(t.app).get(`/v1/workspaces/${w.id}`).set(bearer(w.keys.admin)).expect(200);
    for (const body of [{ slug: 'Upper' }, { slug: '-dash' }, { slug: '0190a0a0-0000-7000-8000-000000000000' }, { claimReviewUrlTemplate: 'https://example.org/checks' }, { claimReviewUrlTemplate: 'ftp://example.org/{claimId}' }, { homepageUrl: 'not a url' }]) {
      const res = await request(t.app).patch(`/v1/workspaces/${w.id}`).set(bearer(w.keys.admin)).set('If-Match', current.headers.etag as string).send(body);
      expect([body, res.status]).toEqual([body, 400]);
    }
    expect((await request(t.app).get(`/v1/workspaces/${w.id}`).set(bearer(w.keys.admin)).expect(200)).body).toEqual(current.body);
    await request(t.app).patch(`/v1/workspaces/${w.id}`).set(bearer(w.keys.editor)).set('If-Match', current.headers.etag as string).send({ slug: 'desk' }).expect(403);
  });
});
