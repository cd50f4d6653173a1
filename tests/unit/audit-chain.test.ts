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
