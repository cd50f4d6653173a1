import type { AppDeps } from './app-deps';
import type { RouteSpec } from './http/route';
import { articleRoutes } from './modules/articles/articles.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { apiKeyRoutes } from './modules/auth/api-keys.routes';
import { changesRoutes } from './modules/changes/changes.routes';
import { claimRoutes } from './modules/claims/claims.routes';
import { claimReviewRoutes } from './modules/claimreview/claimreview.routes';
import { exportRoutes } from './modules/exports/exports.routes';
import { evidenceRoutes } from './modules/evidence/evidence.routes';
import { sourceRoutes } from './modules/sources/sources.routes';
import { reportRoutes } from './modules/reports/reports.routes';
import { ratingScaleRoutes } from './modules/rating-scales/rating-scales.routes';
import { workflowRoutes } from './modules/reviews/workflow.routes';
import { webhookRoutes } from './modules/webhooks/webhooks.routes';
import { workspaceRoutes } from './modules/workspaces/workspaces.routes';

/** Every API route. The role matrix test and the OpenAPI document are generated from this list. */
export function allRoutes(deps: AppDeps): RouteSpec[] {
  return [
    ...workspaceRoutes(deps),
    ...apiKeyRoutes(deps),
    ...articleRoutes(deps),
    ...claimRoutes(deps),
    ...sourceRoutes(deps),
    ...evidenceRoutes(deps),
    ...workflowRoutes(deps),
    ...ratingScaleRoutes(deps),
    ...auditRoutes(deps),
    ...webhookRoutes(deps),
    ...changesRoutes(deps),
    ...reportRoutes(deps),
    ...exportRoutes(deps),
    ...claimReviewRoutes(deps),
  ];
}
