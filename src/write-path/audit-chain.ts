import { hash } from 'node:crypto';

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

export function sha256Hex(text: string | Uint8Array): string {
  // One-shot crypto.hash: no Hash object per call (the chain check hashes every event).
  return hash('sha256', text, 'hex');
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

/** An event's fields other than `before`/`after`, as the hash covers them. */
export type AuditEventScalars = Omit<AuditEventContent, 'before' | 'after'>;

/**
 * `canonicalJson(content)` built from the stored JSON texts of `before` and `after` (SQL NULL:
 * `null`) without parsing them: the same string whenever each text is `canonicalJson` of its value,
 * which is how the write path stores them (`auditJsonParam`). The members are spelt in
 * canonicalJson's order (action, actor, after, at, before, entityId, entityType, prevHash,
 * requestId, seq, workspaceId), the scalars through JSON.stringify as canonicalJson does.
 *
 * Trust a match only when both texts are well-formed JSON: then a string equal to the original
 * splits into the same members in one way only (each member's value is self-delimiting), so a
 * matching hash means the stored content is the hashed content.
 */
export function splicedContentText(event: AuditEventScalars, beforeText: string | null, afterText: string | null): string {
  const { actor } = event;
  return (
    `{"action":${JSON.stringify(event.action)},"actor":{"keyId":${actor.keyId === null ? 'null' : JSON.stringify(actor.keyId)},` +
    `"name":${JSON.stringify(actor.name)},"role":${JSON.stringify(actor.role)}},"after":${afterText ?? 'null'},"at":${JSON.stringify(event.at)},` +
    `"before":${beforeText ?? 'null'},"entityId":${JSON.stringify(event.entityId)},"entityType":${JSON.stringify(event.entityType)},` +
    `"prevHash":${JSON.stringify(event.prevHash)},"requestId":${JSON.stringify(event.requestId)},"seq":${JSON.stringify(event.seq)},` +
    `"workspaceId":${JSON.stringify(event.workspaceId)}}`
  );
}

/**
 * A JSON column's parameter for the audit trail: canonical text (SQL NULL for null/undefined), so
 * that the chain check can hash the stored text as it is (`splicedContentText`). Parsing it gives
 * the same value as JSON.stringify's text would.
 */
export function auditJsonParam(value: unknown): string | null {
  return value === null || value === undefined ? null : canonicalJson(value);
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
 * and an empty prevHash for a whole trail; a seq alone when the caller checks the first link);
 * without it, the first event's own seq and prevHash anchor it, so a slice of the trail (an export
 * `from=` a date) verifies on its own. `claimtrack verify-audit` checks exported events with
 * `add`; the server's chain check (modules/audit/chain-check.ts) checks stored rows with `link`.
 */
export class ChainVerifier {
  count = 0;
  firstSeq: number | undefined;
  lastSeq: number | undefined;
  headHash = '';
  /** The first seq missing, altered or out of chain; null while all is well. */
  firstBadSeq: number | null = null;
  problem: string | null = null;

  constructor(private readonly start?: { seq: number; prevHash?: string }) {}

  /** Checks the next event; false once the chain is broken (the first break is kept). */
  add(event: ChainedAuditEvent): boolean {
    return this.link(event, () => hashAuditEvent(auditContentOf(event)) === event.hash);
  }

  /**
   * Checks the next event by its seq and links, and by `intact` (whether its content hashes to
   * its hash, asked only once seq and link hold); false once the chain is broken.
   */
  link(event: { seq: number; prevHash: string; hash: string }, intact: () => boolean): boolean {
    if (this.firstBadSeq !== null) return false;
    const { expectedSeq, expectedPrev } = this.expected(event.seq, event.prevHash);
    if (event.seq !== expectedSeq) return this.broken(Math.min(event.seq, expectedSeq), `seq ${event.seq} where ${expectedSeq} was expected (an event is missing or out of order)`);
    if (event.prevHash !== expectedPrev) return this.broken(event.seq, `its prevHash does not link to the previous event's hash`);
    if (!intact()) return this.broken(event.seq, 'its content does not hash to its hash (it was altered)');
    this.count += 1;
    this.firstSeq ??= event.seq;
    this.lastSeq = event.seq;
    this.headHash = event.hash;
    return true;
  }

  /**
   * Counts a run of consecutive events already checked among themselves (by the database, see
   * modules/audit/chain-check.ts) when its first one has the next seq and links to the head;
   * otherwise false, and nothing changes: the caller checks that run event by event.
   */
  trySpan(run: { count: number; firstSeq: number; lastSeq: number; firstPrevHash: string; lastHash: string }): boolean {
    if (this.firstBadSeq !== null) return false;
    const { expectedSeq, expectedPrev } = this.expected(run.firstSeq, run.firstPrevHash);
    if (run.firstSeq !== expectedSeq || run.firstPrevHash !== expectedPrev || run.count !== run.lastSeq - run.firstSeq + 1) return false;
    this.count += run.count;
    this.firstSeq ??= run.firstSeq;
    this.lastSeq = run.lastSeq;
    this.headHash = run.lastHash;
    return true;
  }

  /** What the next event must have; the first one, without a `start`, anchors the chain itself. */
  private expected(seq: number, prevHash: string): { expectedSeq: number; expectedPrev: string } {
    if (this.lastSeq !== undefined) return { expectedSeq: this.lastSeq + 1, expectedPrev: this.headHash };
    return { expectedSeq: this.start?.seq ?? seq, expectedPrev: this.start?.prevHash ?? prevHash };
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
