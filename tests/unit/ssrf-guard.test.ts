import type { LookupFunction } from 'node:net';
import { checkSubscriptionUrl, checkUrlShape, guardedLookup, refusedRange } from '../../src/modules/webhooks/ssrf-guard';

describe('refusedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.255.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['239.255.255.250', 'multicast'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['ff05::2', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:7f00:1::1', '6to4'],
    ['not-an-address', 'not an IP address'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:93.184.216.34'])('lets the public address %s through', (address) => {
    expect(refusedRange(address)).toBeUndefined();
  });
});

describe('checkUrlShape', () => {
  it('refuses other schemes and loopback names without resolving them', () => {
    expect(checkUrlShape(new URL('gopher://example.org/'))?.message).toMatch(/scheme gopher/);
    expect(checkUrlShape(new URL('http://LOCALHOST./'))?.message).toMatch(/loopback name/);
    expect(checkUrlShape(new URL('http://0x7f000001/'))?.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(checkUrlShape(new URL('https://example.org/'))).toBeUndefined();
  });
});

const answering =
  (...addresses: string[]): LookupFunction =>
  (_hostname, options, callback) => {
    const all = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    if (options.all) callback(null, all);
    else callback(null, all[0]!.address, all[0]!.family);
  };

function lookup(fn: LookupFunction, all: boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    fn('hooks.example.test', { all }, (error, address) => (error ? reject(error) : resolve(address)));
  });
}

describe('guardedLookup', () => {
  it('passes public answers on, in both of the shapes node asks for', async () => {
    const guarded = guardedLookup(answering('93.184.216.34', '2606:4700::1111'));
    expect(await lookup(guarded, true)).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:4700::1111', family: 6 },
    ]);
    expect(await lookup(guarded, false)).toBe('93.184.216.34');
  });

  it('refuses when any answer is not public', async () => {
    const guarded = guardedLookup(answering('93.184.216.34', '::ffff:169.254.169.254'));
    await expect(lookup(guarded, true)).rejects.toMatchObject({ code: 'ERR_WEBHOOK_SSRF', message: expect.stringMatching(/linkLocal/) });
    await expect(lookup(guarded, false)).rejects.toMatchObject({ code: 'ERR_WEBHOOK_SSRF' });
  });
});

describe('checkSubscriptionUrl', () => {
  it('refuses a name any of whose addresses is private, and accepts one that does not resolve', async () => {
    expect((await checkSubscriptionUrl(new URL('https://x.example.test/'), answering('8.8.8.8', '10.0.0.1')))?.message).toMatch(/x\.example\.test \(10\.0\.0\.1\) is a private address/);
    const failing: LookupFunction = (_h, _o, callback) => callback(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }), '');
    expect(await checkSubscriptionUrl(new URL('https://x.example.test/'), failing)).toBeUndefined();
  });
});
