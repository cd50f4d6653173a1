import { AppError } from '../../core/errors';
import type { ClaimStatus } from './claims.schemas';

/**
 * The claim workflow (DESIGN §4), in one place. Each action moves a claim from one status to
 * another; everything else is a 409 that names what is allowed.
 *
 *   unverified --start_review--> in_review --propose--> pending_approval --publish--> published
 *                                    ^                        |                          |
 *                                    +-------- reject --------+                          |
 *                                    +------------------------- reopen ------------------+
 */
export const WORKFLOW = {
  start_review: { from: 'unverified', to: 'in_review' },
  propose: { from: 'in_review', to: 'pending_approval' },
  publish: { from: 'pending_approval', to: 'published' },
  reject: { from: 'pending_approval', to: 'in_review' },
  reopen: { from: 'published', to: 'in_review' },
} as const satisfies Record<string, { from: ClaimStatus; to: ClaimStatus }>;

export type WorkflowAction = keyof typeof WORKFLOW;

/** The actions a claim in `status` allows. */
export function allowedActions(status: ClaimStatus): WorkflowAction[] {
  return (Object.keys(WORKFLOW) as WorkflowAction[]).filter((action) => WORKFLOW[action].from === status);
}

/** The status `action` leads to from `status`, or a 409 naming the allowed actions. */
export function nextStatus(status: ClaimStatus, action: WorkflowAction): ClaimStatus {
  if (WORKFLOW[action].from === status) return WORKFLOW[action].to;
  const allowed = allowedActions(status);
  throw AppError.conflict(
    `A claim that is ${status} cannot ${action.replace('_', ' ')}. Allowed from ${status}: ${allowed.join(', ') || 'nothing'}.`,
    {
      currentStatus: status,
      allowedActions: allowed,
      allowedStatuses: allowed.map((a) => WORKFLOW[a].to),
    },
  );
}

/** PATCH may only start the review; the other moves happen through the review actions. */
export function assertPatchTransition(from: ClaimStatus, to: ClaimStatus): void {
  if (from === to) return;
  if (from === WORKFLOW.start_review.from && to === WORKFLOW.start_review.to) return;
  throw AppError.conflict(
    `A claim cannot move from ${from} to ${to} by PATCH. ${
      from === 'unverified' ? 'Allowed: in_review.' : 'No status change is allowed by PATCH from here; use the review actions.'
    }`,
    { currentStatus: from, allowedStatuses: from === 'unverified' ? ['in_review'] : [], allowedActions: allowedActions(from) },
  );
}
