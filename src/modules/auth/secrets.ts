import { createHash, randomBytes } from 'node:crypto';

/** A new API key secret: 32 random bytes, base64url, with a recognisable prefix. */
export function newSecret(): string {
  return `ct_${randomBytes(32).toString('base64url')}`;
}

/** Secrets carry 256 bits of entropy, so a fast hash is enough; no salt or stretching needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretPrefix(secret: string): string {
  return secret.slice(0, 10);
}
