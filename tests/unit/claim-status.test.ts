import { AppError } from '../../src/core/errors';
import { allowedActions, nextStatus, type WorkflowAction } from '../../src/modules/claims/claim-status';
import { CLAIM_STATUSES, type ClaimStatus } from '../../src/modules/claims/claims.schemas';

/** DESIGN §4, written out independently of the implementation's table. */
const expected: Record<ClaimStatus, Partial<Record<WorkflowAction, ClaimStatus>>> = {
  unverified: { start_review: 'in_review' },
  in_review: { propose: 'pending_approval' },
  pending_approval: { publish: 'published', reject: 'in_review' },
  published: { reopen: 'in_review' },
};
const actions: WorkflowAction[] = ['start_review', 'propose', 'publish', 'reject', 'reopen'];

describe('the claim workflow', () => {
  const cases = CLAIM_STATUSES.flatMap((status) => actions.map((action) => [status, action] as const));
  it.each(cases)('from %s, %s is allowed exactly when DESIGN §4 says', (status, action) => {
    const to = expected[status][action];
    if (to) expect(nextStatus(status, action)).toBe(to);
    else {
      expect(() => nextStatus(status, action)).toThrow(AppError);
      try {
        nextStatus(status, action);
      } catch (error) {
        expect((error as AppError).status).toBe(409);
        expect((error as AppError).extra.allowedActions).toEqual(Object.keys(expected[status]));
      }
    }
  });

  it('allows from each status the actions DESIGN §4 names', () => {
    for (const status of CLAIM_STATUSES) expect(allowedActions(status)).toEqual(Object.keys(expected[status]));
  });
});
