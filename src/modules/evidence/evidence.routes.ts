import type { AppDeps } from '../../app-deps';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { writeContext } from '../../write-path/write-context';
import { can } from '../../core/roles';
import { claimParams, evidenceCreate, evidenceListQuery, evidencePage, evidenceParams, evidenceView } from './evidence.schemas';
import * as service from './evidence.service';

export function evidenceRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id/evidence',
      summary: "A claim's evidence, with each source",
      tag: 'evidence',
      roles: can.read,
      params: claimParams,
      query: evidenceListQuery,
      response: { status: 200, description: "A page of the claim's evidence", schema: evidencePage },
      handler: async ({ actor, params, query }, res) => {
        res.json(await service.listEvidence(db, actor, params.id, query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims/:id/evidence',
      summary: 'Link a source to a claim as evidence (supports, refutes or context)',
      tag: 'evidence',
      roles: can.write,
      params: claimParams,
      body: evidenceCreate,
      response: { status: 201, description: 'The evidence link', schema: evidenceView },
      errors: { 409: 'The source is already linked to the claim with this stance', 422: 'No source with that id in this workspace' },
      handler: async (input, res) => {
        sendWrite(res, await service.addEvidence(db, writeContext(input), input.params.id, input.body));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id/evidence/:evidenceId',
      summary: 'One evidence link, with its source',
      tag: 'evidence',
      roles: can.read,
      params: evidenceParams,
      response: { status: 200, description: 'The evidence link', schema: evidenceView },
      handler: async ({ actor, params, req }, res) => {
        const link = await service.getEvidence(db, actor, params.id, params.evidenceId);
        sendResource(req, res, link, link.version);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/claims/:id/evidence/:evidenceId',
      summary: 'Remove an evidence link',
      tag: 'evidence',
      roles: can.write,
      params: evidenceParams,
      ifMatch: true,
      response: { status: 204, description: 'Removed' },
      handler: async (input, res) => {
        sendWrite(res, await service.removeEvidence(db, writeContext(input), input.params.id, input.params.evidenceId));
      },
    }),
  ];
}
