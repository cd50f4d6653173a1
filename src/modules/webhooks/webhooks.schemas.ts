import { z } from 'zod';
import { pageQuery } from '../../http/pagination';
import { id, pageOf, text, timestampOut, version } from '../../http/schemas';
import { DELIVERABLE_ACTIONS } from '../../write-path/audit-actions';

const EVENT_NAMES = ['*', ...DELIVERABLE_ACTIONS] as [string, ...string[]];

export const webhookCreate = z.strictObject({
  url: z
    .url()
    .max(2048)
    .describe('Where deliveries are POSTed: http or https, to a host that resolves to public addresses only.'),
  events: z
    .array(z.enum(EVENT_NAMES))
    .min(1)
    .max(EVENT_NAMES.length)
    .refine((events) => !events.includes('*') || events.length === 1, { message: '"*" (every event) stands alone' })
    .transform((events) => [...new Set(events)])
    .describe('Audit actions to receive (claim.create, review.publish, …), or ["*"] for all of them.'),
  description: text(500).nullable().optional(),
});
export type WebhookCreate = z.infer<typeof webhookCreate>;

/** A subscription as the API answers it: never its secret. */
export const webhookView = z
  .strictObject({
    id,
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    previousSecretExpiresAt: timestampOut.nullable().describe('During a secret rotation: until when deliveries also carry the signature of the previous secret'),
    version,
    createdAt: timestampOut,
    updatedAt: timestampOut,
  })
  .meta({ id: 'Webhook' });

/** A new subscription, or one whose secret was just rotated: the only answers that show the secret. */
export const webhookWithSecretView = webhookView
  .extend({ secret: z.string().regex(/^whsec_[A-Za-z0-9+/]+=*$/).describe('The signing secret (whsec_ + base64); shown this once') })
  .meta({ id: 'WebhookWithSecret' });

export const webhookPage = pageOf(webhookView);
export const webhookListQuery = pageQuery.strict();

export const DELIVERY_STATES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const deliveryAttempt = z.strictObject({
  at: timestampOut,
  status: z.number().int().nullable().describe("The receiver's HTTP status; null when none came (timeout, connection error, refused address)"),
  error: z.string().nullable().describe('What went wrong; null for a 2xx'),
  durationMs: z.number().int().min(0),
});

export const deliveryView = z
  .strictObject({
    id: id.describe('Also the webhook-id header of every attempt: receivers dedupe on it'),
    webhookId: id,
    event: z.strictObject({
      id: id.describe('The audit event'),
      type: z.string().describe('Its action, e.g. claim.update'),
      seq: z.number().int().min(1),
      entityType: z.string(),
      entityId: id,
      at: timestampOut,
    }),
    state: z.enum(DELIVERY_STATES),
    attempts: z.array(deliveryAttempt).describe('Oldest first'),
    nextAttemptAt: timestampOut.nullable().describe('When a pending delivery is due; null once it succeeded or failed'),
    createdAt: timestampOut,
  })
  .meta({ id: 'WebhookDelivery' });

export const deliveryPage = pageOf(deliveryView);
export const deliveryListQuery = pageQuery.extend({ state: z.enum(DELIVERY_STATES).optional() }).strict();
export const deliveryParams = z.strictObject({ id, deliveryId: id });
