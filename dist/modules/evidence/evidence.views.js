"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.presentEvidence = presentEvidence;
/** The read model other features (a claim read) use for evidence, with `evidence.repository`. */
function presentEvidence(row) {
    const { workspaceId: _w, ...view } = row;
    return view;
}
//# sourceMappingURL=evidence.views.js.map