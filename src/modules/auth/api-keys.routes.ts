import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { pageQuery } from '../../http/pagination';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendWrite } from '../../http/respond';
import { idParams, text } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import * as service from './api-keys.service';
import { can, ROLES } from './roles';

export const apiKeyCreate = z.strictObject({ name: text(100), role: z.enum(ROLES) });

export function apiKeyRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/api-keys',
      summary: "List the workspace's API keys (never their secrets)",
      roles: can.admin,
      query: pageQuery.strict(),
      handler: async ({ actor, query }, res) => {
        res.json(await service.listKeys(db, actor, query.limit, query.cursor));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/api-keys',
      summary: 'Create an API key; its secret is shown in this response only',
      roles: can.admin,
      body: apiKeyCreate,
      handler: async (input, res) => {
        sendWrite(res, await service.createKey(db, writeContext(input), input.body));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/api-keys/:id',
      summary: 'Revoke an API key (idempotent; no If-Match needed)',
      roles: can.admin,
      params: idParams,
      handler: async (input, res) => {
        sendWrite(res, await service.revokeKey(db, writeContext(input), input.params.id));
      },
    }),
  ];
}
