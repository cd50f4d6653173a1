import fc from 'fast-check';
import { eventIntact } from '../../src/modules/audit/chain-check';
import type { StoredEvent } from '../../src/modules/audit/audit.repository';
import { auditJsonParam, canonicalJson, ChainVerifier, hashAuditEvent, splicedContentText, type AuditEventContent } from '../../src/write-path/audit-chain';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text whatever the key order, and keeps Arabic as is', () => {
    expect(canonicalJson({ title: 'صفقة', n: 5e9 })).toBe(canonicalJson({ n: 5000000000, title: 'صفقة' }));
    expect(canonicalJson({ title: 'صفقة' })).toBe('{"title":"صفقة"}');
  });
});

/** The first, plainest definition, which the faster loop must match byte for byte. */
function referenceCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => referenceCanonical(item === undefined ? null : item)).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${referenceCanonical((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

describe('canonicalJson against its reference definition', () => {
  it('writes the same text for any JSON-like value (stored hashes must not change)', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true })),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node')), fc.dictionary(fc.string({ unit: 'binary' }), tie('node'))),
    })).node;
    fc.assert(fc.property(value, (v) => canonicalJson(v) === referenceCanonical(v)), { numRuns: 2000 });
  });
});

describe('hashAuditEvent', () => {
  const event: AuditEventContent = {
    workspaceId: 'w',
    seq: 1,
    at: '2026-11-29T10:00:00.000Z',
    actor: { keyId: 'k', name: 'n', role: 'checker' },
    action: 'article.create',
    entityType: 'article',
    entityId: 'a',
    before: null,
    after: { title: 'صفقة' },
    requestId: 'r',
    prevHash: '',
  };

  it('changes when any field or the previous hash changes', () => {
    const base = hashAuditEvent(event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEvent({ ...event, prevHash: 'x' })).not.toBe(base);
    expect(hashAuditEvent({ ...event, after: { title: 'صفقه' } })).not.toBe(base);
    expect(hashAuditEvent({ ...event, actor: { ...event.actor, role: 'admin' } })).not.toBe(base);
    expect(hashAuditEvent({ ...event })).toBe(base);
  });
});

const jsonValue = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true })),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node')), fc.dictionary(fc.string({ unit: 'binary' }), tie('node'))),
})).node.map((v) => (v === undefined ? null : v));

const content: fc.Arbitrary<AuditEventContent> = fc.record({
  workspaceId: fc.string({ unit: 'binary' }),
  seq: fc.integer({ min: 1, max: 2 ** 31 }),
  at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  actor: fc.record({ keyId: fc.option(fc.string({ unit: 'binary' })), name: fc.string({ unit: 'binary' }), role: fc.string({ unit: 'binary' }) }),
  action: fc.string({ unit: 'binary' }),
  entityType: fc.string({ unit: 'binary' }),
  entityId: fc.string({ unit: 'binary' }),
  before: jsonValue,
  after: jsonValue,
  requestId: fc.string({ unit: 'binary' }),
  prevHash: fc.string({ unit: 'binary' }),
});

/** An event as the chain check reads it back, with `before`/`after` stored as `texts`. */
function stored(c: AuditEventContent, texts: { before: string | null; after: string | null }, wellFormed = true): StoredEvent {
  return {
    seq: c.seq, at: c.at, actorKeyId: c.actor.keyId, actorName: c.actor.name, actorRole: c.actor.role, action: c.action, entityType: c.entityType,
    entityId: c.entityId, beforeText: texts.before, afterText: texts.after, wellFormed, requestId: c.requestId, prevHash: c.prevHash, hash: hashAuditEvent(c),
  };
}

/** JSON text of the same value with keys in reverse order and spaces, as PostgreSQL's jsonb or an older row might hold it. */
function reordered(value: unknown): string {
  if (value === null || typeof value !== 'object' || value instanceof Date) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[ ${value.map((item) => reordered(item === undefined ? null : item)).join(', ')} ]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort().reverse();
  return `{ ${keys.map((key) => `${JSON.stringify(key)}: ${reordered(record[key])}`).join(', ')} }`;
}

describe('splicedContentText (the chain check without parsing)', () => {
  it('is canonicalJson of the content when before/after are stored as the write path stores them', () => {
    fc.assert(
      fc.property(content, (c) => {
        const { before, after, ...scalars } = c;
        return splicedContentText(scalars, auditJsonParam(before), auditJsonParam(after)) === canonicalJson(c);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts canonical, reordered and null texts of the content, and refuses any other value or malformed text', () => {
    fc.assert(
      fc.property(content, jsonValue, (c, other) => {
        const canonical = stored(c, { before: auditJsonParam(c.before), after: auditJsonParam(c.after) });
        const old = stored(c, { before: c.before === null ? null : reordered(c.before), after: c.after === null ? null : reordered(c.after) });
        const forged = stored(c, { before: auditJsonParam(c.before), after: auditJsonParam(other) });
        const forgedIsSame = canonicalJson(other) === canonicalJson(c.after);
        return eventIntact(c.workspaceId, canonical) && eventIntact(c.workspaceId, old) && eventIntact(c.workspaceId, forged) === forgedIsSame;
      }),
      { numRuns: 1000 },
    );
    const c: AuditEventContent = {
      workspaceId: 'w', seq: 3, at: '2026-11-29T10:00:00.000Z', actor: { keyId: null, name: 'n', role: 'checker' }, action: 'claim.create',
      entityType: 'claim', entityId: 'c', before: null, after: { text: 'وزارة الطاقة', n: 1 }, requestId: 'r', prevHash: 'p',
    };
    const after = auditJsonParam(c.after);
    expect(eventIntact('w', stored(c, { before: null, after }))).toBe(true);
    expect(eventIntact('other', stored(c, { before: null, after }))).toBe(false);
    expect(eventIntact('w', stored(c, { before: null, after: `${after ?? ''} ` }))).toBe(true);
    expect(eventIntact('w', stored(c, { before: null, after: '{"n":1,"text":"وزارة الطاقة"' }, false))).toBe(false);
    expect(eventIntact('w', stored(c, { before: 'null', after }))).toBe(true);
    expect(eventIntact('w', stored(c, { before: '{}', after }))).toBe(false);
  });
});

describe('ChainVerifier.trySpan (a run the database checked)', () => {
  const run = (firstSeq: number, lastSeq: number, firstPrevHash: string, lastHash: string) => ({ count: lastSeq - firstSeq + 1, firstSeq, lastSeq, firstPrevHash, lastHash });

  it('counts runs that follow and link to the head, and refuses others without changing anything', () => {
    const chain = new ChainVerifier({ seq: 1, prevHash: '' });
    expect(chain.trySpan(run(1, 10, '', 'h10'))).toBe(true);
    expect(chain.trySpan(run(12, 20, 'h10', 'h20'))).toBe(false); // a seq missing between the runs
    expect(chain.trySpan(run(11, 20, 'other', 'h20'))).toBe(false); // does not link to seq 10
    expect(chain.trySpan({ ...run(11, 20, 'h10', 'h20'), count: 9 })).toBe(false); // a hole inside
    expect({ count: chain.count, lastSeq: chain.lastSeq, headHash: chain.headHash, firstBadSeq: chain.firstBadSeq }).toEqual({ count: 10, lastSeq: 10, headHash: 'h10', firstBadSeq: null });
    expect(chain.trySpan(run(11, 20, 'h10', 'h20'))).toBe(true);
    expect({ count: chain.count, nextSeq: chain.nextSeq, headHash: chain.headHash }).toEqual({ count: 20, nextSeq: 21, headHash: 'h20' });
  });
});
