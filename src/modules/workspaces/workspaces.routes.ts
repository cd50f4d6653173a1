import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { id, idParams, text, timestamp, version } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import { can, ROLES } from '../../core/roles';
import * as service from './workspaces.service';

export const workspaceCreate = z.strictObject({ name: text(200) });

export const workspaceUpdate = z
  .strictObject({ name: text(200).optional(), fourEyes: z.boolean().optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });

export const workspaceView = z
  .strictObject({
    id,
    name: z.string(),
    fourEyes: z.boolean().describe('The key that proposed a review may not publish it'),
    version,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Workspace' });

/** A new workspace and its first admin key, whose secret is shown this once. */
export const workspaceCreatedView = z
  .strictObject({
    workspace: workspaceView,
    apiKey: z.strictObject({ id, name: z.string(), role: z.enum(ROLES), secret: z.string() }),
  })
  .meta({ id: 'WorkspaceCreated' });

export function workspaceRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/workspaces',
      summary: 'Create a workspace and its first admin key (admin of the first workspace only)',
      roles: can.admin,
      body: workspaceCreate,
      response: { status: 201, description: 'The workspace and its admin key with its secret (shown this once)', schema: workspaceCreatedView },
      handler: async (input, res) => {
        sendWrite(res, await service.createWorkspace(db, writeContext(input), input.body));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/workspaces/:id',
      summary: "The key's own workspace (any other id is 404)",
      roles: can.read,
      params: idParams,
      response: { status: 200, description: 'The workspace', schema: workspaceView },
      handler: async ({ actor, params, req }, res) => {
        const workspace = await service.getWorkspace(db, actor, params.id);
        sendResource(req, res, workspace, workspace.version);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/workspaces/:id',
      summary: 'Rename the workspace, or turn four eyes off or on',
      roles: can.admin,
      params: idParams,
      body: workspaceUpdate,
      ifMatch: true,
      response: { status: 200, description: 'The workspace as changed', schema: workspaceView },
      handler: async (input, res) => {
        sendWrite(res, await service.updateWorkspace(db, writeContext(input), input.params.id, input.body));
      },
    }),
  ];
}
