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
  // Loops and string concatenation rather than map/filter/join: the audit report verifies the
  // whole chain, so this runs once per event of the trail (bench/results/*-report.md).
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      out += `${i > 0 ? ',' : ''}${item === undefined ? 'null' : canonicalJson(item)}`;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
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
