import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendWrite } from '../../http/respond';
import { id, text, timestamp, version } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import { can, ROLES } from '../auth/roles';
import * as service from './workspaces.service';

export const workspaceCreate = z.strictObject({ name: text(200) });

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
  ];
}
