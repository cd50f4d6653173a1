import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { httpUrl, id, idParams, text, timestamp, version } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import { can, ROLES } from '../../core/roles';
import * as service from './workspaces.service';

export const workspaceCreate = z.strictObject({ name: text(200) });

/** Lowercase letters, digits and inner hyphens; never the shape of an id, so `?workspace=` is unambiguous. */
export const workspaceSlug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'a slug is 1–64 lowercase letters, digits or inner hyphens')
  .refine((slug) => !id.safeParse(slug).success, 'a slug may not look like a workspace id');

/** An http(s) URL with `{claimId}` where the claim's id goes, e.g. https://example.org/checks/{claimId}. */
export const claimReviewUrlTemplate = z
  .string()
  .max(2000)
  .refine((template) => template.includes('{claimId}'), 'must contain {claimId}')
  .refine((template) => httpUrl.safeParse(template.replaceAll('{claimId}', '0190a0a0-0000-7000-8000-000000000000')).success, 'must be an http(s) URL once {claimId} is filled in');

export const workspaceUpdate = z
  .strictObject({
    name: text(200).optional(),
    fourEyes: z.boolean().optional(),
    slug: workspaceSlug.nullable().optional().describe('The public feed accepts it for the id: /v1/public/claimreview?workspace=<slug>; null removes it'),
    homepageUrl: httpUrl.nullable().optional().describe("The desk's home page: ClaimReview author.url"),
    claimReviewUrlTemplate: claimReviewUrlTemplate.nullable().optional().describe('ClaimReview url of a published verdict; null: its public URL on this server'),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });

export const workspaceView = z
  .strictObject({
    id,
    name: z.string(),
    fourEyes: z.boolean().describe('The key that proposed a review may not publish it'),
    slug: z.string().nullable().describe('Names the workspace in the public feed, like its id'),
    homepageUrl: z.string().nullable().describe("The desk's home page: ClaimReview author.url"),
    claimReviewUrlTemplate: z.string().nullable().describe('Where a published verdict is read, with {claimId}; null: its public ClaimReview URL on this server'),
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
      summary: 'Rename the workspace, turn four eyes off or on, set its public slug and ClaimReview settings',
      roles: can.admin,
      params: idParams,
      body: workspaceUpdate,
      ifMatch: true,
      response: { status: 200, description: 'The workspace as changed', schema: workspaceView },
      errors: { 409: 'Another workspace has this slug' },
      handler: async (input, res) => {
        sendWrite(res, await service.updateWorkspace(db, writeContext(input), input.params.id, input.body));
      },
    }),
  ];
}
