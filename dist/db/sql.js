"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sqliteDate = sqliteDate;
exports.asDate = asDate;
exports.asDateOrNull = asDateOrNull;
exports.asJson = asJson;
exports.asInt = asInt;
exports.jsonParam = jsonParam;
exports.jsonArray = jsonArray;
exports.chunks = chunks;
exports.placeholders = placeholders;
exports.sqliteSql = sqliteSql;
exports.postgresSql = postgresSql;
exports.prismaTxSql = prismaTxSql;
const pg_1 = require("pg");
/** SQLite keeps Prisma's text form of a DateTime (`2026-11-29T13:41:21.718+00:00`), which sorts as time does. */
function sqliteDate(date) {
    return `${date.toISOString().slice(0, -1)}+00:00`;
}
/** A DateTime as either driver returns it; a text without a zone (PostgreSQL's JSON) is UTC. */
function asDate(value) {
    if (value instanceof Date)
        return value;
    const text = value;
    return new Date(/(?:Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
}
function asDateOrNull(value) {
    return value === null || value === undefined ? null : asDate(value);
}
function asJson(value) {
    return value === null || value === undefined ? null : typeof value === 'string' ? JSON.parse(value) : value;
}
function asInt(value) {
    return typeof value === 'number' ? value : Number(value);
}
/** A JSON column's parameter: SQL NULL for null/undefined, else its text (cast to jsonb on PostgreSQL). */
function jsonParam(value) {
    return value === null || value === undefined ? null : JSON.stringify(value);
}
/**
 * A scalar subquery giving the rows of `select` as a JSON array of objects (`[]` for none), in
 * `orderBy` (columns of `select`). Every column of `select` needs a name (`AS`). In the JSON,
 * DateTimes are text: read them with `asDate`.
 */
function jsonArray(sql, columns, select, orderBy) {
    if (sql.dialect === 'postgres')
        return `(SELECT coalesce(json_agg(x ORDER BY ${orderBy}), '[]') FROM (${select}) x)`;
    const fields = columns.map((column) => `'${column}', x."${column}"`).join(', ');
    return `(SELECT json_group_array(json_object(${fields})) FROM (${select} ORDER BY ${orderBy}) x)`;
}
/** `items` in consecutive slices of at most `size`: long lists go in several statements. */
function* chunks(items, size) {
    for (let i = 0; i < items.length; i += size)
        yield items.slice(i, i + size);
}
/** `?, ?, ?` for `n` values. */
function placeholders(n) {
    return Array.from({ length: n }, () => '?').join(', ');
}
/** Statements kept prepared per connection. */
const MAX_PREPARED = 500;
// ---------------------------------------------------------------------------------------------
// SQLite
function sqliteParam(value) {
    if (value instanceof Date)
        return sqliteDate(value);
    if (typeof value === 'boolean')
        return value ? 1 : 0;
    return value;
}
/**
 * Statements on one better-sqlite3 connection, each prepared once. The writer's connection is
 * Prisma's (inside `Database.write`, the same transaction); the reader's is one of its own.
 */
function sqliteSql(connection, options = {}) {
    const statements = new Map();
    const prepare = (text) => {
        // The writer's statements belong to a write's transaction. If that has ended (a transaction
        // timeout rolled it back), running them would commit each on its own: refuse instead.
        if (options.inTransactionOnly && !connection.inTransaction)
            throw new Error('No write transaction is open on this connection (it may have timed out).');
        let statement = statements.get(text);
        if (!statement) {
            // Id lists make many texts of one statement: start over rather than grow without end.
            if (statements.size >= MAX_PREPARED)
                statements.clear();
            statement = connection.prepare(text.replace(/::[a-z]+(\(\d+\))?/g, ''));
            // Prisma's connection answers integers as BigInt; these columns are all within 2^53.
            if (statement.reader)
                statement.safeIntegers(false);
            statements.set(text, statement);
        }
        return statement;
    };
    return {
        dialect: 'sqlite',
        all: (text, params = []) => {
            try {
                return Promise.resolve(prepare(text).all(...params.map(sqliteParam)));
            }
            catch (error) {
                return Promise.reject(error);
            }
        },
        run: (text, params = []) => {
            try {
                return Promise.resolve(prepare(text).run(...params.map(sqliteParam)).changes);
            }
            catch (error) {
                return Promise.reject(error);
            }
        },
    };
}
// ---------------------------------------------------------------------------------------------
// PostgreSQL
const numbered = new Map();
/** `?` → `$1, $2, …` (the statements here have no `?` operators or literals). */
function pgText(text) {
    let converted = numbered.get(text);
    if (converted === undefined) {
        let n = 0;
        converted = text.replace(/\?/g, () => `$${(n += 1)}`);
        if (numbered.size >= MAX_PREPARED)
            numbered.clear();
        numbered.set(text, converted);
    }
    return converted;
}
const names = new Map();
/**
 * Named statements are prepared once per connection by pg, and stay prepared: only the first
 * MAX_PREPARED texts get a name (id lists make many texts of one statement), the rest run unnamed.
 */
function statementName(text) {
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
    getTypeParser: (oid, format) => {
        if (oid === UTC_TIMESTAMP)
            return (value) => new Date(`${value.replace(' ', 'T')}Z`);
        if (oid === INT8)
            return (value) => Number(value);
        return pg_1.types.getTypeParser(oid, format);
    },
};
/**
 * Prisma's DateTime columns are `timestamp(3)` without a zone, holding UTC. pg would send a Date
 * in the host's zone, and PostgreSQL drops the offset: so a Date goes as UTC text.
 */
function pgParam(value) {
    return value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
}
/** Statements on the pool (reads) or on one client of it (a transaction). */
function postgresSql(queryable) {
    const query = async (text, params) => queryable.query({ name: statementName(text), text: pgText(text), values: params.map(pgParam), types });
    return {
        dialect: 'postgres',
        all: async (text, params = []) => (await query(text, params)).rows,
        run: async (text, params = []) => (await query(text, params)).rowCount ?? 0,
    };
}
/** Statements inside a Prisma interactive transaction on PostgreSQL, whose connection Prisma holds. */
function prismaTxSql(tx) {
    return {
        dialect: 'postgres',
        all: (text, params = []) => tx.$queryRawUnsafe(pgText(text), ...params),
        run: (text, params = []) => tx.$executeRawUnsafe(pgText(text), ...params),
    };
}
//# sourceMappingURL=sql.js.map