import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The SSRF guard of outgoing webhooks (OWASP SSRF prevention; DESIGN §10): only http and https,
 * and only public unicast addresses. A subscription's host is checked when it is made (422), and
 * every connection a delivery opens is checked again on the addresses DNS answers then, so a
 * name that resolves elsewhere later (DNS rebinding) is refused at connect time.
 */

/** `dns.lookup`'s shape: what the guard resolves with, and what tests replace. */
export type Resolver = LookupFunction;

export class SsrfRefusal extends Error {
  readonly code = 'ERR_WEBHOOK_SSRF';
}

/** Why `address` may not be reached, or undefined when it is a public unicast address. */
export function refusedRange(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process(): an IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 it maps.
    parsed = ipaddr.process(address);
  } catch {
    return 'not an IP address';
  }
  const range = parsed.range();
  // Everything but plain unicast: loopback, private, uniqueLocal (fc00::/7), linkLocal (with
  // 169.254.169.254), carrierGradeNat, unspecified, multicast, broadcast, reserved, and the IPv6
  // ranges that embed or translate IPv4 (6to4, teredo, NAT64), which could lead anywhere.
  return range === 'unicast' ? undefined : range;
}

/** A URL's host as an IP address, when it is one (`[::1]` → `::1`); WHATWG parsing has normalised `0x7f.1` already. */
function ipLiteral(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : undefined;
}

/** RFC 6761: these names are loopback wherever they are resolved. */
function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

function refusal(hostname: string, address: string, range: string): SsrfRefusal {
  const target = address === hostname ? address : `${hostname} (${address})`;
  return new SsrfRefusal(`${target} is a ${range} address, which webhooks may not reach`);
}

/** The scheme and, for an IP literal or localhost, the address of a URL: checks that need no DNS. */
export function checkUrlShape(url: URL): SsrfRefusal | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return new SsrfRefusal(`the scheme ${url.protocol.replace(/:$/, '')} is not allowed: use http or https`);
  if (isLocalhostName(url.hostname)) return new SsrfRefusal(`${url.hostname} is a loopback name, which webhooks may not reach`);
  const literal = ipLiteral(url.hostname);
  if (literal) {
    const range = refusedRange(literal);
    if (range) return refusal(literal, literal, range);
  }
  return undefined;
}

function lookupAll(resolver: Resolver, hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    resolver(hostname, { all: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(Array.isArray(addresses) ? addresses : [{ address: addresses as unknown as string, family: 4 }]);
    });
  });
}

const RESOLVE_TIMEOUT_MS = 3_000;

/**
 * At subscription: the URL's shape, then every address its host resolves to. A name that does
 * not resolve (or not in time) is accepted: deliveries check again, at every connection, and
 * log the failure, so the subscription-time check only gives early feedback.
 */
export async function checkSubscriptionUrl(url: URL, resolver: Resolver = dnsLookup): Promise<SsrfRefusal | undefined> {
  const shape = checkUrlShape(url);
  if (shape || ipLiteral(url.hostname)) return shape;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), RESOLVE_TIMEOUT_MS);
  });
  try {
    const addresses = await Promise.race([lookupAll(resolver, url.hostname), timeout]);
    for (const { address } of addresses ?? []) {
      const range = refusedRange(address);
      if (range) return refusal(url.hostname, address, range);
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A `lookup` for `http.request` that refuses the connection when any address the name resolves
 * to is not public. Node calls it with `all: true` when it tries several addresses (happy
 * eyeballs), and without when it wants one.
 */
export function guardedLookup(resolver: Resolver = dnsLookup): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    resolver(hostname, { ...options, all: true } as LookupAllOptions, (error, resolved) => {
      if (error) return callback(error, '');
      const addresses = (Array.isArray(resolved) ? resolved : [{ address: resolved as unknown as string, family: 4 }]) as LookupAddress[];
      for (const { address } of addresses) {
        const range = refusedRange(address);
        if (range) return callback(refusal(hostname, address, range), '');
      }
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}
