import { Prisma } from '../generated/sqlite/client';

/**
 * A value for a nullable JSON column: `DbNull` (SQL NULL) for null or undefined. Both generated
 * clients share the runtime's sentinel, so this serves either database.
 */
export function toJsonColumn(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

/** A plain-JSON copy: dates become RFC 3339 strings, undefined members disappear. */
export function plainJson<T>(value: T): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
