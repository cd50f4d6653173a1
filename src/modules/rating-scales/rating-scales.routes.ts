import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { writeContext } from '../../write-path/write-context';
import { can } from '../../core/roles';
import { ratingScaleDefinition, ratingScaleList, ratingScaleView } from './rating-scales.schemas';
import * as service from './rating-scales.service';

export function ratingScaleRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/rating-scales',
      summary: "Every version of the workspace's rating scale, newest first",
      // Everyone reads the scale: checkers need its keys to propose a review.
      roles: can.read,
      query: z.strictObject({}),
      response: { status: 200, description: 'Every version, newest first; version 1 is the default scale', schema: ratingScaleList },
      handler: async ({ actor }, res) => {
        res.json(await service.listScales(db, actor));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/rating-scales/:version',
      summary: 'One version of the rating scale (1 is the default)',
      roles: can.read,
      params: z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000) }),
      response: { status: 200, description: 'The scale version', schema: ratingScaleView },
      handler: async ({ actor, params, req }, res) => {
        const scale = await service.getScale(db, actor, params.version);
        sendResource(req, res, scale, scale.version);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/rating-scales',
      summary: 'Publish a new version of the rating scale',
      roles: can.admin,
      body: ratingScaleDefinition,
      response: { status: 201, description: 'The new version', schema: ratingScaleView },
      handler: async (input, res) => {
        sendWrite(res, await service.publishScale(db, writeContext(input), input.body));
      },
    }),
  ];
}
