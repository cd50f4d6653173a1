"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.presentReview = presentReview;
/** The read model other features (a claim's verdict history) use for reviews, with `reviews.repository`. */
function presentReview(row) {
    return {
        id: row.id,
        claimId: row.claimId,
        rating: row.rating,
        summary: row.summary,
        scaleVersion: row.scaleVersion,
        state: row.state,
        proposedBy: row.proposedById,
        decidedBy: row.decidedById,
        decisionNote: row.decisionNote,
        correctionNote: row.correctionNote,
        version: row.version,
        createdAt: row.createdAt,
        decidedAt: row.decidedAt,
    };
}
//# sourceMappingURL=reviews.views.js.map