import fc from 'fast-check';
import request from 'supertest';
import { bearer, useTestApp } from '../helpers/test-app';
import { ClaimFlow, type Status } from '../helpers/workflow';

const { t, ws } = useTestApp();

const starts: Status[] = ['unverified', 'in_review', 'pending_approval', 'published'];

// Weighted toward the ordinary path, so sequences reach publication and corrections often.
const step = fc.record({
  action: fc.oneof(
    { arbitrary: fc.constant('start_review' as const), weight: 1 },
    { arbitrary: fc.constant('propose' as const), weight: 3 },
    { arbitrary: fc.constant('publish' as const), weight: 3 },
    { arbitrary: fc.constant('reject' as const), weight: 1 },
    { arbitrary: fc.constant('reopen' as const), weight: 2 },
  ),
  role: fc.constantFrom('checker', 'editor', 'admin') as fc.Arbitrary<'checker' | 'editor' | 'admin'>,
  rating: fc.constantFrom('true', 'mostly_false', 'false', 'misleading', 'unverifiable'),
  withCorrectionNote: fc.boolean(),
  staleIfMatch: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
});

describe('random sequences of workflow actions from several keys', () => {
  it('always leave verdict = the latest published rating, and status in agreement with the reviews', async () => {
    const reached = { published: 0, corrected: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...starts), fc.array(step, { minLength: 1, maxLength: 16 }), async (start, steps) => {
        const claim = await new ClaimFlow(t.app, ws).reach(start);
        for (const s of steps) {
          const key = ws.keys[s.role];
          if (s.staleIfMatch) claim.version -= 1;
          const reviews = (await request(t.app).get(`/v1/claims/${claim.id}/reviews`).set(bearer(ws.keys.viewer))).body.data as { id: string; state: string }[];
          const open = reviews.find((r) => r.state === 'proposed')?.id ?? reviews[reviews.length - 1]?.id ?? claim.id;
          const res = await {
            start_review: () => claim.startReview(key),
            propose: () => claim.propose(s.rating, key),
            publish: () => claim.publish(key, s.withCorrectionNote ? { correctionNote: 'تصحيح' } : {}, open),
            reject: () => claim.reject(key, undefined, open),
            reopen: () => claim.reopen(key),
          }[s.action]();
          expect(res.status).toBeLessThan(500);
          await claim.get(); // the next step starts from the current ETag, unless it chooses a stale one
        }

        const current = await claim.get();
        const reviews = (await request(t.app).get(`/v1/claims/${claim.id}/reviews`).set(bearer(ws.keys.viewer)).expect(200)).body.data as {
          rating: string;
          state: string;
        }[];
        const published = reviews.filter((r) => r.state === 'published');
        const proposed = reviews.filter((r) => r.state === 'proposed');
        expect(published.length).toBeLessThanOrEqual(1);
        expect(proposed.length).toBeLessThanOrEqual(1);
        expect(current.verdict).toBe(published[0]?.rating ?? null);
        expect(current.status === 'pending_approval').toBe(proposed.length === 1);
        if (current.status === 'published') expect(published).toHaveLength(1);
        if (current.status === 'unverified') expect(reviews).toEqual([]);
        reached.published += current.status === 'published' ? 1 : 0;
        reached.corrected += reviews.some((r) => r.state === 'superseded') ? 1 : 0;
        reached.rejected += reviews.some((r) => r.state === 'rejected') ? 1 : 0;
        expect(current.verdictHistory.map((r: { state: string }) => r.state).slice(1)).toEqual(
          Array(Math.max(0, current.verdictHistory.length - 1)).fill('superseded'),
        );
      }),
      { numRuns: 50, seed: 20261129, endOnFailure: true },
    );
    // The sequences must reach the states the invariants are about, or they prove nothing.
    expect(reached.published).toBeGreaterThan(0);
    expect(reached.corrected).toBeGreaterThan(0);
    expect(reached.rejected).toBeGreaterThan(0);
    expect((await request(t.app).get('/v1/audit/verify').set(bearer(ws.keys.auditor)).expect(200)).body.ok).toBe(true);
  });
});
