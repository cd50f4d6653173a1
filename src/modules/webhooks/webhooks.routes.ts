import type { AppDeps } from '../../app-deps';
import { can } from '../../core/roles';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { idParams } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import { deliveryListQuery, deliveryPage, deliveryParams, deliveryView, webhookCreate, webhookListQuery, webhookPage, webhookView, webhookWithSecretView } from './webhooks.schemas';
import * as service from './webhooks.service';

const SSRF_REFUSAL = 'The url is not http(s), or its host is or resolves to a loopback, private, link-local, carrier-grade NAT, unspecified, multicast or reserved address';

export function webhookRoutes({ db, config, resolver }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/webhooks',
      summary: "List the workspace's webhook subscriptions, newest first (never their secrets)",
      roles: can.edit,
      query: webhookListQuery,
      response: { status: 200, description: 'A page of subscriptions', schema: webhookPage },
      handler: async ({ actor, query }, res) => {
        res.json(await service.listWebhooks(db, actor, query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/webhooks',
      summary: 'Subscribe a URL to events; the signing secret is shown in this response only',
      roles: can.edit,
      body: webhookCreate,
      response: { status: 201, description: 'The subscription with its secret (shown this once)', schema: webhookWithSecretView },
      errors: { 422: SSRF_REFUSAL },
      handler: async (input, res) => {
        sendWrite(res, await service.createWebhook(db, writeContext(input), input.body, { allowPrivate: config.WEBHOOK_ALLOW_PRIVATE, resolver }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/webhooks/:id',
      summary: 'One webhook subscription (never its secret)',
      roles: can.edit,
      params: idParams,
      response: { status: 200, description: 'The subscription', schema: webhookView },
      handler: async ({ actor, params, req }, res) => {
        const webhook = await service.getWebhook(db, actor, params.id);
        sendResource(req, res, webhook, webhook.version);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/webhooks/:id',
      summary: 'Delete a subscription: it gets nothing more, pending deliveries included',
      roles: can.edit,
      params: idParams,
      ifMatch: true,
      response: { status: 204, description: 'Deleted' },
      handler: async (input, res) => {
        sendWrite(res, await service.deleteWebhook(db, writeContext(input), input.params.id));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/webhooks/:id/rotate-secret',
      summary: 'A new signing secret, shown this once; the previous one also signs for 24 h',
      roles: can.edit,
      params: idParams,
      ifMatch: 'optional',
      response: { status: 200, description: 'The subscription with its new secret (shown this once)', schema: webhookWithSecretView },
      handler: async (input, res) => {
        sendWrite(res, await service.rotateSecret(db, writeContext(input), input.params.id));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/webhooks/:id/deliveries',
      summary: "A subscription's deliveries, newest first, each with its attempts",
      roles: can.edit,
      params: idParams,
      query: deliveryListQuery,
      response: { status: 200, description: 'A page of deliveries', schema: deliveryPage },
      handler: async ({ actor, params, query }, res) => {
        res.json(await service.listDeliveries(db, actor, params.id, query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/webhooks/:id/deliveries/:deliveryId/retry',
      summary: 'Send a failed delivery again (one more attempt, now)',
      roles: can.edit,
      params: deliveryParams,
      response: { status: 200, description: 'The delivery, pending again', schema: deliveryView },
      errors: { 409: 'The delivery has not failed: it is pending or succeeded' },
      handler: async (input, res) => {
        sendWrite(res, await service.retryDelivery(db, writeContext(input), input.params.id, input.params.deliveryId, config.WEBHOOK_RETRY_DELAYS));
      },
    }),
  ];
}
