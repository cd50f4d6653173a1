import request from 'supertest';
import { ROLES, type Role } from '../../src/core/roles';
import { bearer, useTestApp } from '../helpers/test-app';
import { ClaimFlow, type Status } from '../helpers/workflow';

const { t, ws } = useTestApp();

const flow = () => new ClaimFlow(t.app, ws);

describe('the workflow: every (status, action, role)', () => {
  type Action = 'start_review' | 'propose' | 'publish' | 'reject' | 'reopen';
  const from: Record<Action, Status> = { start_review: 'unverified', propose: 'in_review', publish: 'pending_approval', reject: 'pending_approval', reopen: 'published' };
  const mayAct: Record<Action, Role[]> = {
    start_review: ['checker', 'editor', 'admin'],
    propose: ['checker', 'editor', 'admin'],
    publish: ['editor', 'admin'],
    reject: ['editor', 'admin'],
    reopen: ['editor', 'admin'],
  };
  const statuses: Status[] = ['unverified', 'in_review', 'pending_approval', 'published'];
  const cases = statuses.flatMap((status) => (Object.keys(from) as Action[]).flatMap((action) => ROLES.map((role) => [status, action, role] as const)));

  it.each(cases)('a %s claim, %s by %s', async (status, action, role) => {
    const claim = await flow().reach(status);
    const before = await claim.get();
    const key = ws.keys[role];
    // publish/reject need a review id: a claim not pending approval has none open, so use its latest.
    const reviewId = claim.openReviewId ?? '0190a0a0-0000-7000-8000-000000000000';
    const res = await {
      start_review: () => claim.startReview(key),
      propose: () => claim.propose('false', key),
      publish: () => claim.publish(key, {}, reviewId),
      reject: () => claim.reject(key, undefined, reviewId),
      reopen: () => claim.reopen(key),
    }[action]();

    const allowedRole = mayAct[action].includes(role);
    // Asking an in_review claim to be in_review again is a no-op, not a move.
    const allowedNow = from[action] === status || (action === 'start_review' && status === 'in_review');
    if (!allowedRole) expect(res.status).toBe(403);
    else if (!allowedNow) {
      // Deciding a review: a claim with no review has none to decide (404); one whose review is
      // already decided says so (409).
      const noReview = ['publish', 'reject'].includes(action) && !claim.openReviewId;
      expect(res.status).toBe(noReview ? 404 : 409);
      if (res.status === 409 && !['publish', 'reject'].includes(action)) expect(res.body.allowedActions).toEqual(expect.any(Array));
    } else expect(res.status).toBeLessThan(300);
    if (res.status >= 300) expect((await claim.get()).version).toBe(before.version);
  });
});

describe('POST /v1/claims/:id/reviews', () => {
  it('moves the claim to pending_approval and records the scale version', async () => {
    const claim = await flow().reach('in_review');
    const res = await claim.propose('mostly_false');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rating: 'mostly_false', state: 'proposed', scaleVersion: 1, proposedBy: ws.keyIds.checker, decidedBy: null });
    expect(await claim.get()).toMatchObject({ status: 'pending_approval', verdict: null });
  });

  it('needs evidence for any rating but unverifiable', async () => {
    const bare = await flow().create(false);
    await bare.startReview();
    const res = await bare.propose('false');
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'body.rating', message: 'the claim has no evidence' }]);
    expect((await bare.get()).status).toBe('in_review');
    expect((await bare.propose('unverifiable')).status).toBe(201);
  });

  it('answers 409 to a second proposal while one is open, 428 without If-Match, 422 for an unknown rating', async () => {
    const claim = await flow().reach('pending_approval');
    const second = await claim.propose('true');
    expect(second.status).toBe(409);
    expect(second.body.openReviewId).toBe(claim.openReviewId);
    const other = await flow().reach('in_review');
    await request(t.app).post(`/v1/claims/${other.id}/reviews`).set(bearer(ws.keys.checker)).send({ rating: 'false', summary: 's' }).expect(428);
    expect((await other.propose('pants_on_fire')).status).toBe(422);
  });
});

describe('publishing', () => {
  it('sets the verdict to the published rating and keeps the history', async () => {
    const claim = await flow().reach('pending_approval');
    const res = await claim.publish(ws.keys.editor, { decisionNote: 'ok' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', verdict: 'false' });
    const got = await claim.get();
    expect(got.verdictHistory).toEqual([
      expect.objectContaining({ rating: 'false', state: 'published', proposedBy: ws.keyIds.checker, decidedBy: ws.keyIds.editor, correctionNote: null }),
    ]);
  });

  it('keeps four eyes: the proposing key cannot publish', async () => {
    const claim = await flow().reach('in_review');
    await claim.propose('false', ws.keys.editor);
    const res = await claim.publish(ws.keys.editor);
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/Four eyes/);
    expect((await claim.publish(ws.keys.admin)).status).toBe(200);
  });

  it('lets the proposing key publish once the workspace turns four eyes off', async () => {
    const own = await t.newWorkspace();
    const current = await request(t.app).get(`/v1/workspaces/${own.id}`).set(bearer(own.keys.viewer)).expect(200);
    expect(current.body.fourEyes).toBe(true);
    await request(t.app).patch(`/v1/workspaces/${own.id}`).set(bearer(own.keys.editor)).set('If-Match', current.headers.etag as string).send({ fourEyes: false }).expect(403);
    const off = await request(t.app).patch(`/v1/workspaces/${own.id}`).set(bearer(own.keys.admin)).set('If-Match', current.headers.etag as string).send({ fourEyes: false }).expect(200);
    expect(off.body).toMatchObject({ fourEyes: false, version: current.body.version + 1 });
    const claim = new ClaimFlow(t.app, own);
    await claim.reach('in_review');
    await claim.propose('false', own.keys.editor);
    expect((await claim.publish(own.keys.editor)).status).toBe(200);
    await request(t.app).get(`/v1/workspaces/${ws.id}`).set(bearer(own.keys.viewer)).expect(404);
  });

  it('lets exactly one of two editors publishing the same proposal at once succeed', async () => {
    const claim = await flow().reach('pending_approval');
    const [a, b] = await Promise.all([claim.publish(ws.keys.editor), claim.publish(ws.keys.admin)]);
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([a.status, b.status].find((s) => s !== 200)).toBeGreaterThanOrEqual(409);
    const reviews = await request(t.app).get(`/v1/claims/${claim.id}/reviews`).set(bearer(ws.keys.viewer)).expect(200);
    expect(reviews.body.data.map((r: { state: string }) => r.state)).toEqual(['published']);
  });
});

describe('rejecting', () => {
  it('needs a decisionNote, returns the claim to in_review and leaves the verdict alone', async () => {
    const claim = await flow().reach('pending_approval');
    expect((await claim.reject(ws.keys.editor, {})).status).toBe(400);
    const res = await claim.reject(ws.keys.editor, { decisionNote: 'المصدر غير كاف' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_review', verdict: null });
    const reviews = await request(t.app).get(`/v1/claims/${claim.id}/reviews`).set(bearer(ws.keys.viewer)).expect(200);
    expect(reviews.body.data).toEqual([expect.objectContaining({ state: 'rejected', decisionNote: 'المصدر غير كاف', decidedBy: ws.keyIds.editor })]);
  });
});

describe('corrections', () => {
  it('reopens, keeps the old verdict public, then publishes the correction with a note and supersedes the old review', async () => {
    const claim = await flow().reach('published');
    const firstReviewId = claim.openReviewId;
    expect((await claim.reopen()).body).toMatchObject({ status: 'in_review', verdict: 'false' });
    await claim.propose('mostly_false');
    expect((await claim.get()).verdict).toBe('false');

    const missingNote = await claim.publish(ws.keys.editor);
    expect(missingNote.status).toBe(422);
    expect(missingNote.body.errors).toEqual([{ path: 'body.correctionNote', message: 'required for a correction' }]);

    const res = await claim.publish(ws.keys.editor, { correctionNote: 'وجدنا وثيقة رسمية تغير التقييم' });
    expect(res.body).toMatchObject({ status: 'published', verdict: 'mostly_false' });
    const got = await claim.get();
    expect(got.verdictHistory.map((r: { rating: string; state: string; correctionNote: string | null }) => [r.rating, r.state, r.correctionNote])).toEqual([
      ['mostly_false', 'published', 'وجدنا وثيقة رسمية تغير التقييم'],
      ['false', 'superseded', null],
    ]);
    expect(got.verdictHistory[1].id).toBe(firstReviewId);
  });

  it('reopens only with a note saying why, and keeps it on the verdict and in the audit trail', async () => {
    const claim = await flow().reach('published');
    const reviewId = claim.openReviewId!;
    const reopen = (body: unknown) =>
      request(t.app).post(`/v1/claims/${claim.id}/reopen`).set(bearer(ws.keys.editor)).set('If-Match', `"${claim.version}"`).send(body as object);
    for (const body of [{}, { note: '' }, { note: '   ' }]) {
      const refused = await reopen(body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'body.note' })]);
    }
    expect((await claim.get()).status).toBe('published');

    const note = 'وزارة الطاقة نشرت أرقاما جديدة';
    expect((await reopen({ note })).status).toBe(200);
    const got = await claim.get();
    expect(got.status).toBe('in_review');
    expect(got.verdictHistory[0]).toMatchObject({ id: reviewId, state: 'published', reopenNote: note, reopenedBy: ws.keyIds.editor });
    expect(Date.parse(got.verdictHistory[0].reopenedAt)).not.toBeNaN();

    const events = await request(t.app).get('/v1/audit/events').query({ entityId: reviewId, action: 'review.reopen' }).set(bearer(ws.keys.auditor)).expect(200);
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0]).toMatchObject({ before: { reopenNote: null }, after: { reopenNote: note, state: 'published' }, actor: { keyId: ws.keyIds.editor } });
  });

  it('reopens in bulk only with a note, recorded on each verdict', async () => {
    const published = [await flow().reach('published'), await flow().reach('published')];
    const ids = published.map((c) => c.id);
    const refused = await request(t.app).post('/v1/claims/bulk-transition').set(bearer(ws.keys.editor)).send({ claimIds: ids, to: 'in_review' }).expect(422);
    expect(refused.body.errors).toEqual([{ path: 'body.note', message: 'required: 2 of the claims are published' }]);
    expect((await published[0]!.get()).status).toBe('published');

    await request(t.app).post('/v1/claims/bulk-transition').set(bearer(ws.keys.editor)).send({ claimIds: ids, to: 'in_review', note: 'مراجعة دورية' }).expect(200);
    for (const claim of published) {
      const got = await claim.get();
      expect(got.status).toBe('in_review');
      expect(got.verdictHistory[0]).toMatchObject({ reopenNote: 'مراجعة دورية', reopenedBy: ws.keyIds.editor });
    }
  });

  it('refuses a correctionNote on a first publication', async () => {
    const claim = await flow().reach('pending_approval');
    expect((await claim.publish(ws.keys.editor, { correctionNote: 'x' })).status).toBe(422);
  });

  it('audits every step', async () => {
    const claim = await flow().reach('published');
    const events = await request(t.app).get('/v1/audit/events').query({ limit: 200, entityId: claim.id }).set(bearer(ws.keys.auditor)).expect(200);
    expect(events.body.data.map((e: { action: string }) => e.action)).toEqual(['claim.create', 'claim.update', 'claim.propose', 'claim.publish']);
    const reviewEvents = await request(t.app).get('/v1/audit/events').query({ entityId: claim.openReviewId! }).set(bearer(ws.keys.auditor)).expect(200);
    expect(reviewEvents.body.data.map((e: { action: string }) => e.action)).toEqual(['review.propose', 'review.publish']);
    expect((await request(t.app).get('/v1/audit/verify').set(bearer(ws.keys.auditor)).expect(200)).body.ok).toBe(true);
  });
});

describe('POST /v1/claims/bulk-transition', () => {
  it('moves every claim or none, with one audit event per claim', async () => {
    const claims = await Promise.all(Array.from({ length: 5 }, () => flow().create(false)));
    const ids = claims.map((c) => c.id);
    const res = await request(t.app).post('/v1/claims/bulk-transition').set(bearer(ws.keys.checker)).send({ claimIds: ids, to: 'in_review' }).expect(200);
    expect(res.body.data.map((c: { status: string }) => c.status)).toEqual(Array(5).fill('in_review'));
    for (const id of ids) {
      const events = await request(t.app).get('/v1/audit/events').query({ entityId: id, action: 'claim.start_review' }).set(bearer(ws.keys.auditor)).expect(200);
      expect(events.body.data).toHaveLength(1);
    }
  });

  it('refuses the whole batch when one claim cannot move, naming it', async () => {
    const ok = await flow().create(false);
    const pending = await flow().reach('pending_approval');
    const published = await flow().reach('published');
    const res = await request(t.app)
      .post('/v1/claims/bulk-transition')
      .set(bearer(ws.keys.checker))
      .send({ claimIds: [ok.id, pending.id, published.id], to: 'in_review' })
      .expect(422);
    expect(res.body.errors).toEqual([
      { path: 'body.claimIds.1', message: 'a claim that is pending_approval cannot move to in_review in bulk' },
      { path: 'body.claimIds.2', message: 'reopening a published claim needs an editor' },
    ]);
    expect((await ok.get()).status).toBe('unverified');
  });
});

describe('rating scales', () => {
  const scale = {
    ratings: [
      { key: 'correct', labels: { ar: 'صحيح', en: 'Correct' }, ratingValue: 3 },
      { key: 'partly', labels: { ar: 'جزئيا', en: 'Partly' }, ratingValue: 2 },
      { key: 'wrong', labels: { ar: 'خطأ', en: 'Wrong' }, ratingValue: 1 },
      { key: 'unverifiable', labels: { ar: 'لا يمكن التحقق', en: 'Unverifiable' }, ratingValue: null },
    ],
    bestRating: 3,
    worstRating: 1,
  };

  it('publishes a new version; new reviews use it and old ones keep theirs', async () => {
    const own = await t.newWorkspace();
    const before = new ClaimFlow(t.app, own);
    await before.reach('pending_approval');
    const published = await request(t.app).post('/v1/rating-scales').set(bearer(own.keys.admin)).send(scale).expect(201);
    expect(published.body).toMatchObject({ version: 2, bestRating: 3 });
    const list = await request(t.app).get('/v1/rating-scales').set(bearer(own.keys.checker)).expect(200);
    expect(list.body.data.map((s: { version: number }) => s.version)).toEqual([2, 1]);

    const after = new ClaimFlow(t.app, own);
    await after.reach('in_review');
    expect((await after.propose('false')).status).toBe(422);
    const res = await after.propose('wrong');
    expect(res.body).toMatchObject({ rating: 'wrong', scaleVersion: 2 });
    const old = await request(t.app).get(`/v1/claims/${before.id}/reviews`).set(bearer(own.keys.viewer)).expect(200);
    expect(old.body.data[0]).toMatchObject({ rating: 'false', scaleVersion: 1 });
  });

  it('answers 400 for a scale without Arabic and English labels or with values out of range', async () => {
    const noArabic = { ...scale, ratings: scale.ratings.map((r) => ({ ...r, labels: { en: r.labels.en } })) };
    await request(t.app).post('/v1/rating-scales').set(bearer(ws.keys.admin)).send(noArabic).expect(400);
    await request(t.app).post('/v1/rating-scales').set(bearer(ws.keys.admin)).send({ ...scale, bestRating: 2 }).expect(400);
  });
});

describe('GET /v1/claims?verdict=', () => {
  it('filters by the published verdict, including a custom scale’s ratings', async () => {
    const own = await t.newWorkspace();
    const published = new ClaimFlow(t.app, own);
    await published.reach('published');
    await new ClaimFlow(t.app, own).reach('pending_approval');
    const res = await request(t.app).get('/v1/claims').query({ verdict: 'false' }).set(bearer(own.keys.viewer)).expect(200);
    expect(res.body.data.map((c: { id: string }) => c.id)).toEqual([published.id]);
    await request(t.app).get('/v1/claims').query({ verdict: 'pants_on_fire' }).set(bearer(own.keys.viewer)).expect(200);
    await request(t.app).get('/v1/claims').query({ verdict: 'Not A Key' }).set(bearer(own.keys.viewer)).expect(400);
  });
});
