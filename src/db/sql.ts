import type BetterSqlite3 from 'better-sqlite3';
import { types as pgTypes, type Pool, type PoolClient } from 'pg';

/**
 * Plain SQL for the hot paths (docs/decisions/0005-plain-sql-on-hot-paths.md): a claim read, a key
 * check, a list page, a batch insert. Prisma stays the API for everything else.
 *
 * Statements are written once, in PostgreSQL's dialect with `?` placeholders; on SQLite the
 * `::type` casts are dropped, on PostgreSQL the placeholders become `$n`. Rows come back as the
 * driver gives them: use `asDate`, `asJson` and `asInt` to read them the same on both.
 */
export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Rows as arrays of column values in the statement's order (no object per row): for long scans. */
  arrays(text: string, params?: readonly unknown[]): Promise<unknown[][]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
}

/** SQLite keeps Prisma's text form of a DateTime (`2026-11-29T13:41:21.718+00:00`), which sorts as time does. */
export function sqliteDate(date: Date): string {
  return `${date.toISOString().slice(0, -1)}+00:00`;
}

/** A DateTime as either driver returns it; a text without a zone (PostgreSQL's JSON) is UTC. */
export function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = value as string;
  return new Date(/(?:Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
}

export function asDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : asDate(value);
}

/** SQLite's text form of a UTC DateTime with milliseconds, which is ISO text but for the zone. */
const SQLITE_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;

/**
 * A DateTime as either driver returns it, as the ISO text JSON gives a Date
 * (`2026-11-29T13:41:21.718Z`), without making a Date where SQLite's text already is that.
 * For exports, which write millions of them.
 */
export function asIsoText(value: unknown): string {
  return typeof value === 'string' && SQLITE_UTC.test(value) ? `${value.slice(0, 23)}Z` : asDate(value).toISOString();
}

export function asIsoTextOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : asIsoText(value);
}

/** A JSON column as JSON text: SQLite's text as it is, PostgreSQL's parsed jsonb stringified. */
export function asJsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);
}

export function asJson<T>(value: unknown): T | null {
  return value === null || value === undefined ? null : typeof value === 'string' ? (JSON.parse(value) as T) : (value as T);
}

export function asInt(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A JSON column's parameter: SQL NULL for null/undefined, else its text (cast to jsonb on PostgreSQL). */
export function jsonParam(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/**
 * A DateTime column as SQL for the text JSON gives its Date (`2026-11-29T13:41:21.718Z`; NULL
 * stays NULL), for JSON the database builds. SQLite's stored form needs only its zone replaced;
 * any other text goes through strftime, which costs more.
 */
export function isoTextSql(sql: Sql, column: string): string {
  if (sql.dialect === 'postgres') return `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return `CASE WHEN length(${column}) = 29 AND substr(${column}, 11, 1) = 'T' AND substr(${column}, 24) = '+00:00' THEN substr(${column}, 1, 23) || 'Z' ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ${column}) END`;
}

/**
 * A JSON object built by the database, as SQL: `fields` maps each member's name to an SQL
 * expression (text, number or NULL; a member that holds JSON text wraps it in `jsonValueSql`).
 */
export function jsonObjectSql(sql: Sql, fields: Record<string, string>): string {
  const members = Object.entries(fields).map(([name, value]) => `'${name}', ${value}`).join(', ');
  return sql.dialect === 'postgres' ? `json_build_object(${members})` : `json_object(${members})`;
}

/** An SQL expression holding JSON (a jsonb column, a JSON-text column or subquery) as a member of `jsonObjectSql`. */
export function jsonValueSql(sql: Sql, value: string): string {
  return sql.dialect === 'postgres' ? value : `json(${value})`;
}

/**
 * A scalar subquery giving the rows of `select` as a JSON array of objects (`[]` for none), in
 * `orderBy` (columns of `select`). Every column of `select` needs a name (`AS`). In the JSON,
 * DateTimes are text: read them with `asDate`.
 */
export function jsonArray(sql: Sql, columns: readonly string[], select: string, orderBy: string): string {
  if (sql.dialect === 'postgres') return `(SELECT coalesce(json_agg(x ORDER BY ${orderBy}), '[]') FROM (${select}) x)`;
  const fields = columns.map((column) => `'${column}', x."${column}"`).join(', ');
  return `(SELECT json_group_array(json_object(${fields})) FROM (${select} ORDER BY ${orderBy}) x)`;
}

/** `items` in consecutive slices of at most `size`: long lists go in several statements. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * `column` in a condition that must not choose the index: an id list is looked up by id, and
 * SQLite without statistics (no ANALYZE) would rather walk the workspace's index and test every
 * claim against the list (100k claims: 29 ms for 500 ids instead of 4). `+` stops that on SQLite;
 * PostgreSQL has statistics and no unary plus for text.
 */
export function unindexed(sql: Sql, column: string): string {
  return sql.dialect === 'sqlite' ? `+${column}` : column;
}

/** `?, ?, ?` for `n` values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Statements kept prepared per connection. */
const MAX_PREPARED = 500;

// ---------------------------------------------------------------------------------------------
// SQLite

function sqliteParam(value: unknown): unknown {
  if (value instanceof Date) return sqliteDate(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * Statements on one better-sqlite3 connection, each prepared once. The writer's connection is
 * Prisma's (inside `Database.write`, the same transaction); the reader's is one of its own.
 */
export function sqliteSql(connection: BetterSqlite3.Database, options: { inTransactionOnly?: boolean } = {}): Sql {
  const statements = new Map<string, BetterSqlite3.Statement>();
  // Statements in raw mode (rows as arrays) are kept apart: raw() is a statement's state.
  const rawStatements = new Map<string, BetterSqlite3.Statement>();
  const prepareRaw = (text: string) => {
    let statement = rawStatements.get(text);
    if (!statement) {
      if (rawStatements.size >= MAX_PREPARED) rawStatements.clear();
      statement = prepare(text, rawStatements);
      statement.raw(true);
    }
    return statement;
  };
  const prepare = (text: string, cache = statements) => {
    // The writer's statements belong to a write's transaction. If that has ended (a transaction
    // timeout rolled it back), running them would commit each on its own: refuse instead.
    if (options.inTransactionOnly && !connection.inTransaction) throw new Error('No write transaction is open on this connection (it may have timed out).');
    let statement = cache.get(text);
    if (!statement) {
      // Id lists make many texts of one statement: start over rather than grow without end.
      if (cache.size >= MAX_PREPARED) cache.clear();
      statement = connection.prepare(text.replace(/::[a-z]+(\(\d+\))?/g, ''));
      // Prisma's connection answers integers as BigInt; these columns are all within 2^53.
      if (statement.reader) statement.safeIntegers(false);
      cache.set(text, statement);
    }
    return statement;
  };
  return {
    dialect: 'sqlite',
    all: <T>(text: string, params: readonly unknown[] = []) => {
      try {
        return Promise.resolve(prepare(text).all(...params.map(sqliteParam)) as T[]);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    arrays: (text, params = []) => {
      try {
        return Promise.resolve(prepareRaw(text).all(...params.map(sqliteParam)) as unknown[][]);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    run: (text, params = []) => {
      try {
        return Promise.resolve(prepare(text).run(...params.map(sqliteParam)).changes);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

const numbered = new Map<string, string>();

/** `?` → `$1, $2, …` (the statements here have no `?` operators or literals). */
function pgText(text: string): string {
  let converted = numbered.get(text);
  if (converted === undefined) {
    let n = 0;
    converted = text.replace(/\?/g, () => `$${(n += 1)}`);
    if (numbered.size >= MAX_PREPARED) numbered.clear();
    numbered.set(text, converted);
  }
  return converted;
}

const names = new Map<string, string>();

/**
 * Named statements are prepared once per connection by pg, and stay prepared: only the first
 * MAX_PREPARED texts get a name (id lists make many texts of one statement), the rest run unnamed.
 */
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = `ct_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

// Prisma's columns are `timestamp(3)` without a zone, holding UTC; counts are int8.
const UTC_TIMESTAMP = 1114;
const INT8 = 20;
const types = {
  getTypeParser: (oid: number, format?: string) => {
    if (oid === UTC_TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    if (oid === INT8) return (value: string) => Number(value);
    return (pgTypes.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
};

/**
 * Prisma's DateTime columns are `timestamp(3)` without a zone, holding UTC. pg would send a Date
 * in the host's zone, and PostgreSQL drops the offset: so a Date goes as UTC text.
 */
function pgParam(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
}

/** Statements on the pool (reads) or on one client of it (a transaction). */
export function postgresSql(queryable: Pool | PoolClient): Sql {
  const query = async <T>(text: string, params: readonly unknown[]) =>
    queryable.query<T & Record<string, unknown>>({ name: statementName(text), text: pgText(text), values: params.map(pgParam), types });
  return {
    dialect: 'postgres',
    all: async <T>(text: string, params: readonly unknown[] = []) => (await query<T>(text, params)).rows as T[],
    arrays: async (text, params = []) =>
      (await queryable.query<unknown[]>({ name: statementName(text), text: pgText(text), values: params.map(pgParam), types, rowMode: 'array' })).rows,
    run: async (text, params = []) => (await query(text, params)).rowCount ?? 0,
  };
}

/** Statements inside a Prisma interactive transaction on PostgreSQL, whose connection Prisma holds. */
export function prismaTxSql(tx: {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}): Sql {
  return {
    dialect: 'postgres',
    all: <T>(text: string, params: readonly unknown[] = []) => tx.$queryRawUnsafe<T[]>(pgText(text), ...params),
    arrays: async (text, params = []) => (await tx.$queryRawUnsafe<Record<string, unknown>[]>(pgText(text), ...params)).map((row) => Object.values(row)),
    run: (text, params = []) => tx.$executeRawUnsafe(pgText(text), ...params),
  };
}
