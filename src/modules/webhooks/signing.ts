import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** How long the secret before a rotation keeps signing, so receivers can switch without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** A new signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks' format). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface SigningSecrets {
  secret: string;
  /** The secret before the last rotation, while it still signs. */
  previous?: string;
}

/**
 * The Standard Webhooks headers of one attempt: `webhook-id` (the same on every retry),
 * `webhook-timestamp` (this attempt, Unix seconds) and `webhook-signature` (`v1,<base64>`, one
 * per secret, space-separated during a rotation), signed with the `standardwebhooks` package.
 * @example signedHeaders('0190…', new Date(), '{"type":"claim.create",…}', { secret: 'whsec_…' })
 */
export function signedHeaders(messageId: string, at: Date, body: string, secrets: SigningSecrets): Record<string, string> {
  const signatures = [secrets.secret, ...(secrets.previous ? [secrets.previous] : [])].map((secret) => new Webhook(secret).sign(messageId, at, body));
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
