import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted by code unit at every depth, no whitespace, `undefined`
 * members dropped. The same value always gives the same string, whichever database stored it
 * (PostgreSQL's jsonb does not keep key order).
 * @example canonicalJson({ b: 1, a: [true, null] }) === '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What an audit event's hash covers: everything it says, and the hash of the event before it. */
export interface AuditEventContent {
  workspaceId: string;
  seq: number;
  at: string;
  actor: { keyId: string | null; name: string; role: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string;
  prevHash: string;
}

export function hashAuditEvent(content: AuditEventContent): string {
  return sha256Hex(canonicalJson(content));
}
