import type { DbClient } from '../../db/database';
import { asDate, asInt, asJson, isoTextSql, type Sql } from '../../db/sql';
import { sha256Hex } from '../../write-path/audit-chain';
import type { AuditEventRow } from '../../write-path/audit-log';

export type { AuditEventRow };

export interface AuditFilter {
  entityId?: string;
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

export async function listPage(
  db: DbClient,
  workspaceId: string,
  filter: AuditFilter,
  limit: number,
  afterSeq?: number,
): Promise<AuditEventRow[]> {
  return (await db.auditEvent.findMany({
    where: {
      workspaceId,
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actor ? { actorKeyId: filter.actor } : {}),
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
      ...(afterSeq !== undefined ? { seq: { gt: afterSeq } } : {}),
    },
    orderBy: { seq: 'asc' },
    take: limit,
  })) as AuditEventRow[];
}

export async function chainHead(db: DbClient, workspaceId: string): Promise<{ auditSeq: number; auditHeadHash: string }> {
  return db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { auditSeq: true, auditHeadHash: true } });
}

/**
 * One stored event as the chain check reads it: the scalars, `before`/`after` as their stored
 * JSON text (not parsed), whether both texts are well-formed JSON, and the stored hash.
 */
export interface StoredEvent {
  seq: number;
  at: string;
  actorKeyId: string | null;
  actorName: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  beforeText: string | null;
  afterText: string | null;
  wellFormed: boolean;
  requestId: string;
  prevHash: string;
  hash: string;
}

/**
 * The chain check's read, per dialect. SQLite keeps a JSON column as the text written, and
 * json_valid says whether it is well-formed. PostgreSQL's `json` keeps the text written too and
 * refuses malformed JSON; an old `jsonb` column answers its own normalised text, whose hash
 * misses and falls back to parsing (audit.service).
 */
function storedBatchSql(sql: Sql): string {
  const json = sql.dialect === 'sqlite'
    ? '"before", "after", (coalesce(json_valid("before"), 1) AND coalesce(json_valid("after"), 1)) AS "wellFormed"'
    : '"before"::text, "after"::text, 1 AS "wellFormed"';
  return `SELECT "seq", "at", "actorKeyId", "actorName", "actorRole", "action", "entityType", "entityId", ${json}, "requestId", "prevHash", "hash"
    FROM "AuditEvent" WHERE "workspaceId" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?`;
}

/** SQLite's text form of a DateTime (`2026-11-29T13:41:21.718+00:00`) as toISOString's, without a Date when it can. */
function isoOf(value: unknown): string {
  if (typeof value === 'string' && value.length === 29 && value.endsWith('+00:00')) return `${value.slice(0, 23)}Z`;
  return asDate(value).toISOString();
}

/**
 * The next `size` events after `afterSeq`, in seq order, as rows of arrays in plain SQL (decision
 * 0005): the chain check reads the whole trail, and mapping rows to objects cost more than hashing.
 */
export async function storedBatchFrom(sql: Sql, workspaceId: string, afterSeq: number, size: number): Promise<StoredEvent[]> {
  const rows = await sql.arrays(storedBatchSql(sql), [workspaceId, afterSeq, size]);
  return rows.map((row) => ({
    seq: asInt(row[0]),
    at: isoOf(row[1]),
    actorKeyId: (row[2] as string | null) ?? null,
    actorName: row[3] as string,
    actorRole: row[4] as string,
    action: row[5] as string,
    entityType: row[6] as string,
    entityId: row[7] as string,
    beforeText: (row[8] as string | null) ?? null,
    afterText: (row[9] as string | null) ?? null,
    wellFormed: asInt(row[10]) === 1,
    requestId: row[11] as string,
    prevHash: row[12] as string,
    hash: row[13] as string,
  }));
}

/**
 * One stored event as the chain check's fast path reads it: its seq and links, and whether the
 * database's own splice of its stored content (`digestBatchFrom`) hashes to its hash. `intact`
 * false means "not shown here", not "altered": the caller checks such an event in full.
 */
export interface EventDigest {
  seq: number;
  prevHash: string;
  hash: string;
  intact: boolean;
}

/**
 * `splicedContentText` spelt in each dialect's SQL, for one row of "AuditEvent": the same members
 * in the same order, strings quoted as JSON (json_quote / to_json escape as JSON.stringify does),
 * `at` as toISOString spells it, `before`/`after` as their stored text. Where the database spells
 * a row differently (a date stored in another form, a value JSON.stringify would escape
 * otherwise), the row's hash misses and the caller checks it in full, so a difference costs time
 * only. A match is as good as the full check's: the splice of well-formed texts is one-to-one.
 */
const SPLICE_FORMAT =
  '{"action":%s,"actor":{"keyId":%s,"name":%s,"role":%s},"after":%s,"at":%s,"before":%s,"entityId":%s,' +
  '"entityType":%s,"prevHash":%s,"requestId":%s,"seq":%s,"workspaceId":%s}';

function splicedContentSql(sql: Sql): string {
  const quote = sql.dialect === 'sqlite' ? (column: string) => `json_quote("${column}")` : (column: string) => `to_json("${column}")::text`;
  const at = sql.dialect === 'sqlite'
    ? `'"' || substr("at", 1, 23) || 'Z"'`
    : `to_json(${isoTextSql(sql, '"at"')})::text`;
  const text = (column: string) => (sql.dialect === 'sqlite' ? `coalesce("${column}", 'null')` : `coalesce("${column}"::text, 'null')`);
  // SQLite's format() takes %s for the integer too; its stored "at" is Prisma's text form
  // (`2026-11-29T13:41:21.718+00:00`), which isoOf reads the same way.
  return `format('${SPLICE_FORMAT}', ${quote('action')}, coalesce(${quote('actorKeyId')}, 'null'), ${quote('actorName')}, ${quote('actorRole')}, ${text('after')}, ${at}, ${text('before')}, ${quote('entityId')}, ${quote('entityType')}, ${quote('prevHash')}, ${quote('requestId')}, "seq", ${quote('workspaceId')})`;
}

// One aggregate per field (a concatenation per row cost more than the splice).
const DIGEST_SQLITE = (sql: Sql) => `SELECT group_concat("seq", ' '), group_concat(octet_length("content"), ' '), group_concat("wellFormed", ''),
    group_concat("prevHash", ' '), group_concat("hash", ' '), CAST(group_concat("content", '') AS BLOB)
  FROM (SELECT "seq", "prevHash", "hash", ${splicedContentSql(sql)} AS "content",
          (coalesce(json_valid("before"), 1) AND coalesce(json_valid("after"), 1)) AS "wellFormed"
        FROM "AuditEvent" WHERE "workspaceId" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?)`;

/** What PostgreSQL says of a run of events it checked among themselves (`spanDigest`). */
export interface SpanDigest {
  count: number;
  firstSeq: number;
  lastSeq: number;
  firstPrevHash: string;
  lastHash: string;
  /** The first seq that does not follow, link to or hash as the event before it says; null if none. */
  suspect: number | null;
}

const SPAN_POSTGRES = (sql: Sql) => `SELECT count(*) AS "count", min("seq") AS "firstSeq", max("seq") AS "lastSeq",
    max("prevHash") FILTER (WHERE "linkSeq" IS NULL) AS "firstPrevHash", max("hash") FILTER (WHERE "nextSeq" IS NULL) AS "lastHash",
    min("seq") FILTER (WHERE NOT "intact" OR "linkSeq" <> "seq" - 1 OR "linkHash" <> "prevHash") AS "suspect"
  FROM (SELECT "seq", "prevHash", "hash", lag("seq") OVER w AS "linkSeq", lag("hash") OVER w AS "linkHash", lead("seq") OVER w AS "nextSeq",
          encode(sha256(convert_to(${splicedContentSql(sql)}, 'UTF8')), 'hex') = "hash" AS "intact"
        FROM "AuditEvent" WHERE "workspaceId" = ? AND "seq" > ? AND "seq" <= ? WINDOW w AS (ORDER BY "seq")) e`;

/**
 * PostgreSQL only: the events with seq in (`afterSeq`, `lastSeq`] checked by the server among
 * themselves — each hashed as SQLite's `digestBatchFrom` is, each following and linking to the one
 * before — answered as one row; null when there are none. A batch of events then costs the
 * client nothing: one row per batch instead of one per event (at 1M events, 11.3 -> 9.8 µs an
 * event on one thread; the rest is the server's own work).
 */
export async function spanDigest(sql: Sql, workspaceId: string, afterSeq: number, lastSeq: number): Promise<SpanDigest | null> {
  const [row] = await sql.all<Record<keyof SpanDigest, unknown>>(SPAN_POSTGRES(sql), [workspaceId, afterSeq, lastSeq]);
  if (row === undefined || asInt(row.count) === 0) return null;
  return {
    count: asInt(row.count),
    firstSeq: asInt(row.firstSeq),
    lastSeq: asInt(row.lastSeq),
    firstPrevHash: row.firstPrevHash as string,
    lastHash: row.lastHash as string,
    suspect: row.suspect === null ? null : asInt(row.suspect),
  };
}

/**
 * SQLite only: the next `size` events after `afterSeq` as digests, without moving their content
 * into JavaScript strings (that, not hashing, was most of the chain check's time:
 * docs/decisions/0009-audit-report.md). SQLite has no SHA-256, so it answers a batch in one row:
 * the events' seqs, lengths and hashes as lists, their spliced contents as one blob, and each
 * slice is hashed here. (PostgreSQL hashes and links whole batches itself: `spanDigest`.)
 */
export async function digestBatchFrom(sql: Sql, workspaceId: string, afterSeq: number, size: number): Promise<EventDigest[]> {
  const [row] = await sql.arrays(DIGEST_SQLITE(sql), [workspaceId, afterSeq, size]);
  if (row === undefined || row[0] === null) return [];
  const seqs = (row[0] as string).split(' ');
  const lengths = (row[1] as string).split(' ');
  const wellFormed = row[2] as string;
  let prevHashes = (row[3] as string).split(' ');
  let hashes = (row[4] as string).split(' ');
  // Only a tampered row has a space in a hash: then the batch's hashes are not read here, and
  // every event of it is checked in full (confirmSuspects).
  const unreadable = prevHashes.length !== seqs.length || hashes.length !== seqs.length;
  if (unreadable) prevHashes = hashes = [];
  const contents = row[5] as Buffer;
  const digests: EventDigest[] = [];
  let offset = 0;
  for (let i = 0; i < seqs.length; i += 1) {
    const length = Number(lengths[i]);
    const hash = hashes[i] ?? '';
    digests.push({
      seq: Number(seqs[i]),
      prevHash: prevHashes[i] ?? '',
      hash,
      intact: !unreadable && wellFormed[i] === '1' && sha256Hex(contents.subarray(offset, offset + length)) === hash,
    });
    offset += length;
  }
  return digests;
}

const EVENT_COLUMNS = ['id', 'workspaceId', 'seq', 'at', 'actorKeyId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'prevHash', 'hash'];
const SELECT_EVENTS = `SELECT ${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "AuditEvent"`;

function toRow(raw: Record<string, unknown>): AuditEventRow {
  return {
    ...(raw as unknown as AuditEventRow),
    seq: asInt(raw.seq),
    at: asDate(raw.at),
    actorKeyId: (raw.actorKeyId as string | null) ?? null,
    before: asJson(raw.before),
    after: asJson(raw.after),
  };
}

/**
 * The seqs of the events between `from` (inclusive) and `to` (exclusive), as one unbroken run
 * (first, last); null when there are none. An export takes the run by seq, not by time, so its
 * file is a piece of the chain without holes even if two events' clocks disagreed.
 */
export async function seqRange(sql: Sql, workspaceId: string, from?: Date, to?: Date): Promise<{ first: number; last: number } | null> {
  const [row] = await sql.all<{ first: unknown; last: unknown }>(
    `SELECT (SELECT min("seq") FROM "AuditEvent" WHERE "workspaceId" = ?${from ? ' AND "at" >= ?' : ''}) AS "first",
            (SELECT max("seq") FROM "AuditEvent" WHERE "workspaceId" = ?${to ? ' AND "at" < ?' : ''}) AS "last"`,
    [workspaceId, ...(from ? [from] : []), workspaceId, ...(to ? [to] : [])],
  );
  if (row?.first === null || row?.first === undefined || row.last === null || row.last === undefined) return null;
  const range = { first: asInt(row.first), last: asInt(row.last) };
  return range.first <= range.last ? range : null;
}

/** Events with seq in (`afterSeq`, `lastSeq`], in seq order, at most `take` (plain SQL: exports read many). */
export async function eventsPage(sql: Sql, workspaceId: string, afterSeq: number, lastSeq: number, take: number): Promise<AuditEventRow[]> {
  const rows = await sql.all(`${SELECT_EVENTS} WHERE "workspaceId" = ? AND "seq" > ? AND "seq" <= ? ORDER BY "seq" LIMIT ?`, [workspaceId, afterSeq, lastSeq, take]);
  return rows.map(toRow);
}
