import type { Database } from '../db/database';
import * as idempotency from './idempotency.repository';

/** Idempotency keys are kept 24 h (DESIGN §5); older ones are dropped. */
export function purgeExpiredIdempotencyKeys(db: Database): Promise<number> {
  return db.write((tx) => idempotency.removeExpired(tx, new Date()));
}
