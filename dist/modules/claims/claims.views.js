"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.presentClaim = presentClaim;
/** The read model other features use for claims, with `claims.repository`. */
function presentClaim(row) {
    const { workspaceId: _workspaceId, ...view } = row;
    return { ...view, status: row.status, quantities: view.quantities };
}
//# sourceMappingURL=claims.views.js.map