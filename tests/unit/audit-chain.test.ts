import fc from 'fast-check';
import { canonicalJson, hashAuditEvent, type AuditEventContent } from '../../src/write-path/audit-chain';

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
