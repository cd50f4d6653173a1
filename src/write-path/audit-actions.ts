/**
 * Every action the audit trail records (DESIGN §6), in one list: `UnitOfWork.audit` takes only
 * these, so a feature that adds an action adds it here, and the webhook subscriptions and the
 * changes feed know of it the same day.
 */
export const AUDIT_ACTIONS = [
  'article.create',
  'article.update',
  'article.delete',
  'claim.create',
  'claim.update',
  'claim.delete',
  // The claim workflow (modules/claims/claim-status.ts), one action per move.
  'claim.start_review',
  'claim.propose',
  'claim.publish',
  'claim.reject',
  'claim.reopen',
  'source.create',
  'source.update',
  'source.delete',
  'evidence.create',
  'evidence.delete',
  'review.propose',
  'review.publish',
  'review.reject',
  'review.reopen',
  'review.supersede',
  'scale.publish',
  'workspace.create',
  'workspace.update',
  'api_key.create',
  'api_key.revoke',
  'webhook.create',
  'webhook.delete',
  'webhook.rotate_secret',
  'webhook.retry_delivery',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The entity types of a desk's content: what the changes feed lists (DESIGN §11) and webhooks
 * deliver (§10). Keys, webhooks, the workspace and its rating scales are administration: they
 * stay in the audit trail only, so a subscription can never leak a key's or a webhook's events.
 */
export const CONTENT_ENTITY_TYPES = ['article', 'claim', 'source', 'evidence', 'review'] as const;

const contentPrefixes = CONTENT_ENTITY_TYPES.map((type) => `${type}.`);

/** The actions a webhook may subscribe to: those on content entities. */
export const DELIVERABLE_ACTIONS = AUDIT_ACTIONS.filter((action) => contentPrefixes.some((prefix) => action.startsWith(prefix)));

const deliverable = new Set<string>(DELIVERABLE_ACTIONS);

export function isDeliverable(action: string): boolean {
  return deliverable.has(action);
}

/** A subscription's `events` (`["*"]` or actions) and whether it wants `action`. */
export function subscribesTo(events: readonly string[], action: string): boolean {
  return isDeliverable(action) && (events.includes('*') || events.includes(action));
}
