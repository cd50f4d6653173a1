import { AppError } from '../../http/errors';
import type { ClaimStatus } from './claims.schemas';

/**
 * The claim workflow (DESIGN §4). A PATCH may only take the first step; the others happen
 * through review actions.
 */
const PATCH_TRANSITIONS: Record<ClaimStatus, ClaimStatus[]> = {
  unverified: ['in_review'],
  in_review: [],
  pending_approval: [],
  published: [],
};

/** 409 naming the allowed moves, unless `from → to` is one a PATCH may make. */
export function assertPatchTransition(from: ClaimStatus, to: ClaimStatus): void {
  if (from === to) return;
  const allowed = PATCH_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw AppError.conflict(
      `A claim cannot move from ${from} to ${to} by PATCH. ${
        allowed.length > 0 ? `Allowed: ${allowed.join(', ')}.` : 'No status change is allowed by PATCH from here; use the review actions.'
      }`,
      { currentStatus: from, allowedStatuses: allowed },
    );
  }
}
