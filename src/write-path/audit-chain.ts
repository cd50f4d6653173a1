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

/** An event with its hash: a row of the trail, an API answer, a line of an export. */
export interface ChainedAuditEvent extends AuditEventContent {
  hash: string;
}

/**
 * Exactly the members the hash covers, from anything that carries them (a stored row's
 * content, a line of an NDJSON export): other members (`id`) are not hashed.
 */
export function auditContentOf(event: AuditEventContent): AuditEventContent {
  return {
    workspaceId: event.workspaceId,
    seq: event.seq,
    at: event.at,
    actor: { keyId: event.actor.keyId, name: event.actor.name, role: event.actor.role },
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId,
    prevHash: event.prevHash,
  };
}

/**
 * Recomputes a chain event by event, in seq order: each must have the next seq, link to the
 * previous event's hash and hash to what it says. `start` is where the chain must begin (seq 1
 * and an empty prevHash for a whole trail); without it, the first event's own seq and prevHash
 * anchor it, so a slice of the trail (an export `from=` a date) verifies on its own. The server's
 * `GET /v1/audit/verify` and `claimtrack verify-audit` both check with this class.
 */
export class ChainVerifier {
  count = 0;
  firstSeq: number | undefined;
  lastSeq: number | undefined;
  headHash = '';
  /** The first seq missing, altered or out of chain; null while all is well. */
  firstBadSeq: number | null = null;
  problem: string | null = null;

  constructor(private readonly start?: { seq: number; prevHash: string }) {}

  /** Checks the next event; false once the chain is broken (the first break is kept). */
  add(event: ChainedAuditEvent): boolean {
    if (this.firstBadSeq !== null) return false;
    const expectedSeq = this.lastSeq === undefined ? (this.start?.seq ?? event.seq) : this.lastSeq + 1;
    const expectedPrev = this.lastSeq === undefined ? (this.start?.prevHash ?? event.prevHash) : this.headHash;
    if (event.seq !== expectedSeq) return this.broken(Math.min(event.seq, expectedSeq), `seq ${event.seq} where ${expectedSeq} was expected (an event is missing or out of order)`);
    if (event.prevHash !== expectedPrev) return this.broken(event.seq, `its prevHash does not link to the previous event's hash`);
    if (hashAuditEvent(auditContentOf(event)) !== event.hash) return this.broken(event.seq, 'its content does not hash to its hash (it was altered)');
    this.count += 1;
    this.firstSeq ??= event.seq;
    this.lastSeq = event.seq;
    this.headHash = event.hash;
    return true;
  }

  /** Marks the chain broken at `seq` (also for input that is not an event at all). */
  broken(seq: number, problem: string): false {
    if (this.firstBadSeq === null) {
      this.firstBadSeq = seq;
      this.problem = problem;
    }
    return false;
  }

  /** The seq the next event must have. */
  get nextSeq(): number | undefined {
    return this.lastSeq === undefined ? this.start?.seq : this.lastSeq + 1;
  }
}
