import type { AppDeps } from '../../app-deps';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { idParams } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import { can } from '../../core/roles';
import { sourceCreate, sourceListQuery, sourcePage, sourceUpdate, sourceView } from './sources.schemas';
import * as service from './sources.service';

export function sourceRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/sources',
      summary: 'List sources, newest first',
      roles: can.read,
      query: sourceListQuery,
      response: { status: 200, description: 'A page of sources', schema: sourcePage },
      handler: async ({ actor, query }, res) => {
        res.json(await service.listSources(db, actor, query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/sources',
      summary: 'Create a source (url unique per workspace)',
      roles: can.write,
      body: sourceCreate,
      response: { status: 201, description: 'The source as stored', schema: sourceView },
      errors: { 409: 'A source (also a deleted one) already has this url' },
      handler: async (input, res) => {
        sendWrite(res, await service.createSource(db, writeContext(input), input.body));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/sources/:id',
      summary: 'Get a source',
      roles: can.read,
      params: idParams,
      response: { status: 200, description: 'The source', schema: sourceView },
      handler: async ({ actor, params, req }, res) => {
        const source = await service.getSource(db, actor, params.id);
        sendResource(req, res, source, source.version);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/sources/:id',
      summary: 'Change a source',
      roles: can.write,
      params: idParams,
      body: sourceUpdate,
      ifMatch: true,
      response: { status: 200, description: 'The source as changed', schema: sourceView },
      errors: { 409: 'Another source (also a deleted one) has this url' },
      handler: async (input, res) => {
        sendWrite(res, await service.updateSource(db, writeContext(input), input.params.id, input.body));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/sources/:id',
      summary: 'Delete a source no evidence cites (soft delete)',
      roles: can.edit,
      params: idParams,
      ifMatch: true,
      response: { status: 204, description: 'Deleted' },
      errors: { 409: 'Evidence still cites the source' },
      handler: async (input, res) => {
        sendWrite(res, await service.deleteSource(db, writeContext(input), input.params.id));
      },
    }),
  ];
}
