import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendWrite } from '../../http/respond';
import { text } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import { can } from '../auth/roles';
import * as service from './workspaces.service';

export const workspaceCreate = z.strictObject({ name: text(200) });

export function workspaceRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/workspaces',
      summary: 'Create a workspace and its first admin key (admin of the first workspace only)',
      roles: can.admin,
      body: workspaceCreate,
      handler: async (input, res) => {
        sendWrite(res, await service.createWorkspace(db, writeContext(input), input.body));
      },
    }),
  ];
}
