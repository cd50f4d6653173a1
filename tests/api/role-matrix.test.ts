import request from 'supertest';
import pino from 'pino';
import { allRoutes } from '../../src/routes';
import { ROLES, can, type Role } from '../../src/core/roles';
import type { RouteSpec } from '../../src/http/route';
import { bearer, useTestApp } from '../helpers/test-app';

/**
 * Who may call what, as DESIGN §5 and §8 say. Every served route must appear here, so a new
 * route cannot ship without a decision on its roles.
 */
const policy: Record<string, keyof typeof can | 'public'> = {
  'POST /v1/workspaces': 'admin',
  'GET /v1/workspaces/:id': 'read',
  'PATCH /v1/workspaces/:id': 'admin',
  'GET /v1/api-keys/:id': 'admin',
  'GET /v1/claims/:id/evidence/:evidenceId': 'read',
  'GET /v1/claims/:id/reviews/:reviewId': 'read',
  'GET /v1/rating-scales/:version': 'read',
  'GET /v1/api-keys': 'admin',
  'POST /v1/api-keys': 'admin',
  'DELETE /v1/api-keys/:id': 'admin',
  'GET /v1/articles': 'read',
  'POST /v1/articles': 'write',
  'GET /v1/articles/:id': 'read',
  'GET /v1/articles/:id/candidates': 'read',
  'GET /v1/claims/similar': 'read',
  'PATCH /v1/articles/:id': 'write',
  'DELETE /v1/articles/:id': 'edit',
  'GET /v1/claims': 'read',
  'POST /v1/claims': 'write',
  'POST /v1/claims/batch': 'write',
  'GET /v1/claims/:id': 'read',
  'PATCH /v1/claims/:id': 'write',
  'DELETE /v1/claims/:id': 'edit',
  'GET /v1/sources': 'read',
  'POST /v1/sources': 'write',
  'GET /v1/sources/:id': 'read',
  'PATCH /v1/sources/:id': 'write',
  'DELETE /v1/sources/:id': 'edit',
  'GET /v1/claims/:id/evidence': 'read',
  'POST /v1/claims/:id/evidence': 'write',
  'DELETE /v1/claims/:id/evidence/:evidenceId': 'write',
  'GET /v1/claims/:id/reviews': 'read',
  'POST /v1/claims/:id/reviews': 'write',
  'POST /v1/claims/:id/reviews/:reviewId/publish': 'edit',
  'POST /v1/claims/:id/reviews/:reviewId/reject': 'edit',
  'POST /v1/claims/:id/reopen': 'edit',
  'POST /v1/claims/bulk-transition': 'write',
  'GET /v1/rating-scales': 'read',
  'POST /v1/rating-scales': 'admin',
  'GET /v1/audit/events': 'audit',
  'GET /v1/audit/verify': 'audit',
  'GET /v1/webhooks': 'edit',
  'POST /v1/webhooks': 'edit',
  'GET /v1/webhooks/:id': 'edit',
  'DELETE /v1/webhooks/:id': 'edit',
  'POST /v1/webhooks/:id/rotate-secret': 'edit',
  'GET /v1/webhooks/:id/deliveries': 'edit',
  'POST /v1/webhooks/:id/deliveries/:deliveryId/retry': 'edit',
  'GET /v1/changes': 'read',
  'GET /v1/reports/audit': 'audit',
  'GET /v1/exports/claims': 'read',
  'GET /v1/exports/audit': 'audit',
  'GET /v1/public/claimreview': 'public',
  'GET /v1/public/claimreview/:claimId': 'public',
};

const missingId = '0190a0a0-0000-7000-8000-000000000000';
const { t } = useTestApp({ workspace: false });
const keys = {} as Record<Role, string>;

beforeAll(async () => {
  // Keys of the first workspace: the only one whose admin may create workspaces.
  for (const role of ROLES) {
    const res = await request(t.app).post('/v1/api-keys').set(bearer(t.firstAdminKey)).send({ name: role, role }).expect(201);
    keys[role] = res.body.secret;
  }
});

const routes: RouteSpec[] = allRoutes({ db: null as never, config: null as never, logger: pino({ level: 'silent' }) });
const label = (route: RouteSpec) => `${route.method.toUpperCase()} ${route.path}`;

/** A request that passes the role check and then stops at validation or lookup: it changes nothing. */
function call(route: RouteSpec, key?: string) {
  const path = route.path.replace(/:[a-zA-Z]+/g, missingId);
  let req = request(t.app)[route.method](path);
  if (key) req = req.set(bearer(key));
  return route.method === 'post' || route.method === 'patch' ? req.send({}) : req;
}

describe('the route table', () => {
  it('gives every route the roles DESIGN names', () => {
    expect(routes.map(label).sort()).toEqual(Object.keys(policy).sort());
    for (const route of routes) {
      const allowed = policy[label(route)]!;
      expect([label(route), route.roles]).toEqual([label(route), allowed === 'public' ? 'public' : can[allowed]]);
    }
  });
});

describe('role matrix: every route × every role', () => {
  const cases = routes.flatMap((route) => ROLES.map((role) => [label(route), role, route] as const));
  it.each(cases)('%s as %s → allowed by the table, or 403', async (_name, role, route) => {
    const res = await call(route, keys[role]);
    const allowed = route.roles === 'public' || route.roles.includes(role);
    if (allowed) expect(res.status).not.toBe(403);
    else {
      expect(res.status).toBe(403);
      expect(res.body.type).toBe('urn:claimtrack:problem:forbidden');
    }
    expect(res.status).toBeLessThan(500);
  });

  it.each(routes.filter((route) => route.roles !== 'public').map((route) => [label(route), route] as const))('%s without a key → 401', async (_name, route) => {
    expect((await call(route)).status).toBe(401);
  });

  it.each(routes.filter((route) => route.roles === 'public').map((route) => [label(route), route] as const))('%s (public) answers without a key', async (_name, route) => {
    const res = await call(route);
    expect(res.status).not.toBe(401);
    expect(res.status).toBeLessThan(500);
  });
});
