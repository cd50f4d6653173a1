import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { pageQuery } from '../../http/pagination';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { id, idParams, pageOf, text, timestamp, version } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import * as service from './api-keys.service';
import { can, ROLES } from '../../core/roles';

export const apiKeyCreate = z.strictObject({ name: text(100), role: z.enum(ROLES) });

/** An API key as the API answers it: never its secret or the secret's hash. */
export const apiKeyView = z
  .strictObject({
    id,
    name: z.string(),
    role: z.enum(ROLES),
    prefix: z.string().describe('The first characters of the secret, to tell keys apart'),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable().describe('Updated at most once a minute'),
    revokedAt: timestamp.nullable(),
    version,
  })
  .meta({ id: 'ApiKey' });

/** A new key with its secret: the only response that ever shows it. */
export const apiKeyWithSecretView = apiKeyView
  .extend({ secret: z.string().describe('Send as `Authorization: Bearer <secret>`; shown once') })
  .meta({ id: 'ApiKeyWithSecret' });

export const apiKeyPage = pageOf(apiKeyView);

export function apiKeyRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/api-keys',
      summary: "List the workspace's API keys (never their secrets)",
      roles: can.admin,
      query: pageQuery.strict(),
      response: { status: 200, description: 'A page of API keys, revoked ones included', schema: apiKeyPage },
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
      response: { status: 201, description: 'The key with its secret (shown this once)', schema: apiKeyWithSecretView },
      handler: async (input, res) => {
        sendWrite(res, await service.createKey(db, writeContext(input), input.body));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/api-keys/:id',
      summary: 'One API key (never its secret)',
      roles: can.admin,
      params: idParams,
      response: { status: 200, description: 'The API key', schema: apiKeyView },
      handler: async ({ actor, params, req }, res) => {
        const key = await service.getKey(db, actor, params.id);
        sendResource(req, res, key, key.version);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/api-keys/:id',
      summary: 'Revoke an API key (idempotent; no If-Match needed)',
      roles: can.admin,
      params: idParams,
      response: { status: 204, description: 'Revoked (also when it already was)' },
      handler: async (input, res) => {
        sendWrite(res, await service.revokeKey(db, writeContext(input), input.params.id));
      },
    }),
  ];
}
