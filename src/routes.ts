import type { AppDeps } from './app-deps';
import type { RouteSpec } from './http/route';
import { articleRoutes } from './modules/articles/articles.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { apiKeyRoutes } from './modules/auth/api-keys.routes';
import { workspaceRoutes } from './modules/workspaces/workspaces.routes';

/** Every API route. The role matrix test and the OpenAPI document are generated from this list. */
export function allRoutes(deps: AppDeps): RouteSpec[] {
  return [...workspaceRoutes(deps), ...apiKeyRoutes(deps), ...articleRoutes(deps), ...auditRoutes(deps)];
}
