"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WORKFLOW = void 0;
exports.allowedActions = allowedActions;
exports.nextStatus = nextStatus;
exports.assertPatchTransition = assertPatchTransition;
const errors_1 = require("../../core/errors");
/**
 * The claim workflow (DESIGN §4), in one place. Each action moves a claim from one status to
 * another; everything else is a 409 that names what is allowed.
 *
 *   unverified --start_review--> in_review --propose--> pending_approval --publish--> published
 *                                    ^                        |                          |
 *                                    +-------- reject --------+                          |
 *                                    +------------------------- reopen ------------------+
 */
exports.WORKFLOW = {
    start_review: { from: 'unverified', to: 'in_review' },
    propose: { from: 'in_review', to: 'pending_approval' },
    publish: { from: 'pending_approval', to: 'published' },
    reject: { from: 'pending_approval', to: 'in_review' },
    reopen: { from: 'published', to: 'in_review' },
};
/** The actions a claim in `status` allows. */
function allowedActions(status) {
    return Object.keys(exports.WORKFLOW).filter((action) => exports.WORKFLOW[action].from === status);
}
/** The status `action` leads to from `status`, or a 409 naming the allowed actions. */
function nextStatus(status, action) {
    if (exports.WORKFLOW[action].from === status)
        return exports.WORKFLOW[action].to;
    const allowed = allowedActions(status);
    throw errors_1.AppError.conflict(`A claim that is ${status} cannot ${action.replace('_', ' ')}. Allowed from ${status}: ${allowed.join(', ') || 'nothing'}.`, {
        currentStatus: status,
        allowedActions: allowed,
        allowedStatuses: allowed.map((a) => exports.WORKFLOW[a].to),
    });
}
/** PATCH may only start the review; the other moves happen through the review actions. */
function assertPatchTransition(from, to) {
    if (from === to)
        return;
    if (from === exports.WORKFLOW.start_review.from && to === exports.WORKFLOW.start_review.to)
        return;
    throw errors_1.AppError.conflict(`A claim cannot move from ${from} to ${to} by PATCH. ${from === 'unverified' ? 'Allowed: in_review.' : 'No status change is allowed by PATCH from here; use the review actions.'}`, { currentStatus: from, allowedStatuses: from === 'unverified' ? ['in_review'] : [], allowedActions: allowedActions(from) });
}
//# sourceMappingURL=claim-status.js.map