"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.allRoutes = allRoutes;
const articles_routes_1 = require("./modules/articles/articles.routes");
const audit_routes_1 = require("./modules/audit/audit.routes");
const api_keys_routes_1 = require("./modules/auth/api-keys.routes");
const claims_routes_1 = require("./modules/claims/claims.routes");
const evidence_routes_1 = require("./modules/evidence/evidence.routes");
const sources_routes_1 = require("./modules/sources/sources.routes");
const rating_scales_routes_1 = require("./modules/rating-scales/rating-scales.routes");
const workflow_routes_1 = require("./modules/reviews/workflow.routes");
const workspaces_routes_1 = require("./modules/workspaces/workspaces.routes");
/** Every API route. The role matrix test and the OpenAPI document are generated from this list. */
function allRoutes(deps) {
    return [
        ...(0, workspaces_routes_1.workspaceRoutes)(deps),
        ...(0, api_keys_routes_1.apiKeyRoutes)(deps),
        ...(0, articles_routes_1.articleRoutes)(deps),
        ...(0, claims_routes_1.claimRoutes)(deps),
        ...(0, sources_routes_1.sourceRoutes)(deps),
        ...(0, evidence_routes_1.evidenceRoutes)(deps),
        ...(0, workflow_routes_1.workflowRoutes)(deps),
        ...(0, rating_scales_routes_1.ratingScaleRoutes)(deps),
        ...(0, audit_routes_1.auditRoutes)(deps),
    ];
}
//# sourceMappingURL=routes.js.map