import { asDate, asInt, chunks, placeholders, type Sql } from '../../db/sql';

/**
 * The audit report's figures, each one set-based statement over the audit trail (and the claims
 * table for current state and claim text), so that the server never holds the trail in memory
 * (docs/decisions/0009-audit-report.md). Written once in PostgreSQL's dialect; the few
 * differences (JSON members, day and hour arithmetic) come from the helpers below.
 *
 * A period is [from, to): `at >= from AND at < to`, which the (workspaceId, at, seq) index answers.
 */

export interface Period {
  from: Date;
  to: Date;
}

export interface ActorRow {
  keyId: string | null;
  name: string;
  role: string;
}

/** A text member of a JSON column (`->>` / `json_extract`); JSON null is SQL NULL on both. */
function member(sql: Sql, column: string, key: string): string {
  return sql.dialect === 'postgres' ? `(${column}->>'${key}')` : `json_extract(${column}, '$.${key}')`;
}

/** A boolean member as 1, 0 or NULL on both databases (json_extract answers 1/0 on SQLite). */
function booleanMember(sql: Sql, column: string, key: string): string {
  return sql.dialect === 'postgres' ? `(CASE (${column}->>'${key}') WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)` : `json_extract(${column}, '$.${key}')`;
}

/** Hours from `start` to `end` (DateTime columns; SQLite keeps them as RFC 3339 text). */
function hoursBetween(sql: Sql, start: string, end: string): string {
  return sql.dialect === 'postgres' ? `(EXTRACT(EPOCH FROM (${end} - ${start})) / 3600.0)` : `((julianday(${end}) - julianday(${start})) * 24.0)`;
}

/** The UTC day of a DateTime column as `YYYY-MM-DD`. */
function dayOf(sql: Sql, column: string): string {
  return sql.dialect === 'postgres' ? `to_char(${column}, 'YYYY-MM-DD')` : `substr(${column}, 1, 10)`;
}

const IN_PERIOD = 'e."workspaceId" = ? AND e."at" >= ?::timestamp AND e."at" < ?::timestamp';
const ACTOR = 'e."actorKeyId" AS "keyId", e."actorName" AS "name", e."actorRole" AS "role"';

function actorOf(row: Record<string, unknown>): ActorRow {
  return { keyId: (row.keyId as string | null) ?? null, name: row.name as string, role: row.role as string };
}

export async function findWorkspace(sql: Sql, workspaceId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await sql.all<{ id: string; name: string }>('SELECT "id", "name" FROM "Workspace" WHERE "id" = ?', [workspaceId]);
  return row;
}

export interface ClaimCount {
  status: string;
  verdict: string | null;
  count: number;
}

/** Live claims by status and verdict, as stored now. */
export async function claimCountsNow(sql: Sql, workspaceId: string): Promise<ClaimCount[]> {
  const rows = await sql.all<Record<string, unknown>>(
    'SELECT "status", "verdict", COUNT(*) AS "count" FROM "Claim" WHERE "workspaceId" = ? AND "deletedAt" IS NULL GROUP BY "status", "verdict"',
    [workspaceId],
  );
  return rows.map((row) => ({ status: row.status as string, verdict: (row.verdict as string | null) ?? null, count: asInt(row.count) }));
}

/**
 * Claims by status and verdict as the trail says they were just before `to`: each claim's last
 * claim event before `to` (its `after` is the claim as that change left it; null once deleted).
 */
export async function claimCountsAt(sql: Sql, workspaceId: string, to: Date): Promise<ClaimCount[]> {
  const status = member(sql, 'e."after"', 'status');
  const verdict = member(sql, 'e."after"', 'verdict');
  const rows = await sql.all<Record<string, unknown>>(
    `WITH "last" AS (
       SELECT l."entityId", MAX(l."seq") AS "seq" FROM "AuditEvent" l
       WHERE l."workspaceId" = ? AND l."entityType" = 'claim' AND l."at" < ?::timestamp
       GROUP BY l."entityId"
     )
     SELECT ${status} AS "status", ${verdict} AS "verdict", COUNT(*) AS "count"
     FROM "last" JOIN "AuditEvent" e ON e."workspaceId" = ? AND e."seq" = "last"."seq"
     WHERE e."after" IS NOT NULL
     GROUP BY ${status}, ${verdict}`,
    [workspaceId, to, workspaceId],
  );
  return rows.map((row) => ({ status: row.status as string, verdict: (row.verdict as string | null) ?? null, count: asInt(row.count) }));
}

export interface Percentiles {
  count: number;
  /** The values at the ranks the interpolation needs (0-based rank → hours). */
  ranks: Map<number, number>;
}

/**
 * Hours from creation to first publication for claims first published in the period, reduced in
 * SQL to their count and the (at most four) values at the ranks around the median and the 90th
 * percentile: `(n - 1) * p`, rounded down and up.
 */
/** Claims first published in the period, with the hours from their creation (`h`). */
function firstPublications(sql: Sql): string {
  return `"first" AS (
       SELECT e."entityId" AS "claimId", e."at" AS "at" FROM "AuditEvent" e
       WHERE ${IN_PERIOD} AND e."action" = 'claim.publish'
         AND NOT EXISTS (SELECT 1 FROM "AuditEvent" q WHERE q."workspaceId" = e."workspaceId" AND q."entityId" = e."entityId" AND q."action" = 'claim.publish' AND q."seq" < e."seq")
     ),
     "hours" AS (SELECT ${hoursBetween(sql, 'c."createdAt"', 'f."at"')} AS "h" FROM "first" f JOIN "Claim" c ON c."id" = f."claimId")`;
}

/**
 * Hours from creation to first publication for claims first published in the period, reduced in
 * SQL to their count and the (at most four) values at the ranks around the median and the 90th
 * percentile: `(n - 1) * p`, rounded down and up.
 */
export async function timeToVerdictRanks(sql: Sql, workspaceId: string, period: Period): Promise<Percentiles> {
  const rows = await sql.all<Record<string, unknown>>(
    `WITH ${firstPublications(sql)},
     "ranked" AS (SELECT "h", ROW_NUMBER() OVER (ORDER BY "h") - 1 AS "i", COUNT(*) OVER () AS "n" FROM "hours")
     SELECT "i", "n", "h" FROM "ranked"
     WHERE "i" IN (("n" - 1) * 5 / 10, (("n" - 1) * 5 + 9) / 10, ("n" - 1) * 9 / 10, (("n" - 1) * 9 + 9) / 10)`,
    [workspaceId, period.from, period.to],
  );
  return {
    count: rows.length === 0 ? 0 : asInt(rows[0]?.n),
    ranks: new Map(rows.map((row) => [asInt(row.i), Math.max(0, Number(row.h))])),
  };
}

/** The same claims counted per bucket of `limits` (hours, ascending): bucket i holds h ≤ limits[i], the last one the rest. */
export async function timeToVerdictBuckets(sql: Sql, workspaceId: string, period: Period, limits: readonly number[]): Promise<Map<number, number>> {
  const bucket = `CASE ${limits.map((limit, i) => `WHEN "h" <= ${Number(limit)} THEN ${i}`).join(' ')} ELSE ${limits.length} END`;
  const rows = await sql.all<Record<string, unknown>>(
    `WITH ${firstPublications(sql)} SELECT ${bucket} AS "bucket", COUNT(*) AS "count" FROM "hours" GROUP BY ${bucket}`,
    [workspaceId, period.from, period.to],
  );
  return new Map(rows.map((row) => [asInt(row.bucket), asInt(row.count)]));
}

export interface PublicationRow {
  seq: number;
  at: Date;
  reviewId: string;
  claimId: string;
  rating: string;
  by: ActorRow;
}

function publicationOf(row: Record<string, unknown>): PublicationRow {
  return { seq: asInt(row.seq), at: asDate(row.at), reviewId: row.reviewId as string, claimId: row.claimId as string, rating: row.rating as string, by: actorOf(row) };
}

const PUBLICATION_COLUMNS = (sql: Sql) =>
  `e."seq" AS "seq", e."at" AS "at", e."entityId" AS "reviewId", ${member(sql, 'e."after"', 'claimId')} AS "claimId", ${member(sql, 'e."after"', 'rating')} AS "rating", ${ACTOR}`;

/**
 * The claim an evidence event belongs to, spelt exactly as the partial expression index
 * "AuditEvent_evidence_claim_idx" (prisma/sql/<provider>/AuditEvent.sql) spells it, so that the
 * planner uses that index.
 */
function evidenceClaim(sql: Sql, alias: string): string {
  return sql.dialect === 'postgres'
    ? `(CASE WHEN ${alias}."action" = 'evidence.delete' THEN (${alias}."before"->>'claimId') ELSE (${alias}."after"->>'claimId') END)`
    : `(CASE WHEN ${alias}."action" = 'evidence.delete' THEN json_extract(${alias}."before", '$.claimId') ELSE json_extract(${alias}."after", '$.claimId') END)`;
}

/**
 * Publications in the period of a rating other than `unverifiable` while the claim had no
 * evidence. Links are deleted outright, so only the trail knows what a claim had at that moment:
 * per publication, the claim's evidence events before it, +1 a create and −1 a delete, summed
 * over one range of the evidence-by-claim index (the trail is not scanned).
 */
export async function publishedWithoutEvidence(sql: Sql, workspaceId: string, period: Period): Promise<PublicationRow[]> {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT * FROM (
       SELECT ${PUBLICATION_COLUMNS(sql)},
         (SELECT COALESCE(SUM(CASE v."action" WHEN 'evidence.create' THEN 1 ELSE -1 END), 0) FROM "AuditEvent" v
          WHERE v."workspaceId" = e."workspaceId" AND v."action" IN ('evidence.create', 'evidence.delete')
            AND ${evidenceClaim(sql, 'v')} = ${member(sql, 'e."after"', 'claimId')} AND v."seq" < e."seq") AS "links"
       FROM "AuditEvent" e
       WHERE ${IN_PERIOD} AND e."action" = 'review.publish'
     ) x
     WHERE x."rating" <> 'unverifiable' AND x."links" <= 0
     ORDER BY x."seq"`,
    [workspaceId, period.from, period.to],
  );
  return rows.map(publicationOf);
}

/**
 * Reviews published in the period by the key that proposed them while four eyes was on: the
 * workspace's last create or update event before the publication says whether it was (on unless
 * a change turned it off).
 */
export async function fourEyesViolations(sql: Sql, workspaceId: string, period: Period): Promise<PublicationRow[]> {
  const fourEyesThen = `(SELECT ${booleanMember(sql, 'w."after"', 'fourEyes')} FROM "AuditEvent" w
      WHERE w."workspaceId" = e."workspaceId" AND w."entityId" = e."workspaceId" AND w."action" IN ('workspace.create', 'workspace.update') AND w."seq" < e."seq"
      ORDER BY w."seq" DESC LIMIT 1)`;
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT ${PUBLICATION_COLUMNS(sql)} FROM "AuditEvent" e
     WHERE ${IN_PERIOD} AND e."action" = 'review.publish'
       AND e."actorKeyId" = ${member(sql, 'e."after"', 'proposedBy')}
       AND COALESCE(${fourEyesThen}, 1) = 1
     ORDER BY e."seq"`,
    [workspaceId, period.from, period.to],
  );
  return rows.map(publicationOf);
}

export interface CorrectionRow extends PublicationRow {
  from: string | null;
  note: string | null;
}

/**
 * Publications in the period that replaced a published verdict. The verdict replaced is the
 * claim's before that publication: its claim.publish event, written in the same transaction just
 * before (`before.verdict`).
 */
export async function corrections(sql: Sql, workspaceId: string, period: Period): Promise<CorrectionRow[]> {
  const claimId = member(sql, 'e."after"', 'claimId');
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT * FROM (
       SELECT ${PUBLICATION_COLUMNS(sql)}, ${member(sql, 'e."after"', 'correctionNote')} AS "note",
         (SELECT ${member(sql, 'c."before"', 'verdict')} FROM "AuditEvent" c
          WHERE c."workspaceId" = e."workspaceId" AND c."entityId" = ${claimId} AND c."action" = 'claim.publish' AND c."seq" < e."seq"
          ORDER BY c."seq" DESC LIMIT 1) AS "from"
       FROM "AuditEvent" e
       WHERE ${IN_PERIOD} AND e."action" = 'review.publish'
     ) x
     WHERE x."from" IS NOT NULL OR x."note" IS NOT NULL
     ORDER BY x."seq"`,
    [workspaceId, period.from, period.to],
  );
  return rows.map((row) => ({ ...publicationOf(row), from: (row.from as string | null) ?? null, note: (row.note as string | null) ?? null }));
}

export interface ReopeningRow {
  seq: number;
  at: Date;
  reviewId: string;
  claimId: string;
  note: string | null;
  by: ActorRow;
}

export async function reopenings(sql: Sql, workspaceId: string, period: Period): Promise<ReopeningRow[]> {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT e."seq" AS "seq", e."at" AS "at", e."entityId" AS "reviewId", ${member(sql, 'e."after"', 'claimId')} AS "claimId",
       ${member(sql, 'e."after"', 'reopenNote')} AS "note", ${ACTOR}
     FROM "AuditEvent" e WHERE ${IN_PERIOD} AND e."action" = 'review.reopen' ORDER BY e."seq"`,
    [workspaceId, period.from, period.to],
  );
  return rows.map((row) => ({ seq: asInt(row.seq), at: asDate(row.at), reviewId: row.reviewId as string, claimId: row.claimId as string, note: (row.note as string | null) ?? null, by: actorOf(row) }));
}

export interface KeyActionCount extends ActorRow {
  action: string;
  count: number;
}

export async function activityByKeyAndAction(sql: Sql, workspaceId: string, period: Period): Promise<KeyActionCount[]> {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT ${ACTOR}, e."action" AS "action", COUNT(*) AS "count" FROM "AuditEvent" e WHERE ${IN_PERIOD}
     GROUP BY e."actorKeyId", e."actorName", e."actorRole", e."action"`,
    [workspaceId, period.from, period.to],
  );
  return rows.map((row) => ({ ...actorOf(row), action: row.action as string, count: asInt(row.count) }));
}

export async function activityByDay(sql: Sql, workspaceId: string, period: Period): Promise<{ day: string; events: number }[]> {
  const day = dayOf(sql, 'e."at"');
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT ${day} AS "day", COUNT(*) AS "events" FROM "AuditEvent" e WHERE ${IN_PERIOD} GROUP BY ${day} ORDER BY ${day}`,
    [workspaceId, period.from, period.to],
  );
  return rows.map((row) => ({ day: row.day as string, events: asInt(row.events) }));
}

/** The text and language of claims the report names, deleted ones included. */
export async function claimTexts(sql: Sql, workspaceId: string, ids: readonly string[]): Promise<Map<string, { text: string; language: string }>> {
  const found = new Map<string, { text: string; language: string }>();
  for (const slice of chunks([...new Set(ids)], 500)) {
    const rows = await sql.all<{ id: string; text: string; language: string }>(
      `SELECT "id", "text", "language" FROM "Claim" WHERE "workspaceId" = ? AND "id" IN (${placeholders(slice.length)})`,
      [workspaceId, ...slice],
    );
    for (const row of rows) found.set(row.id, { text: row.text, language: row.language });
  }
  return found;
}
