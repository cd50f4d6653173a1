import type { DbClient, Tx } from '../../db/database';
import { asDate, asDateOrNull, asInt, asJson, isoTextSql, jsonArray, jsonObjectSql, placeholders, type Sql } from '../../db/sql';

export interface ReviewRow {
  id: string;
  workspaceId: string;
  claimId: string;
  rating: string;
  summary: string;
  scaleVersion: number;
  state: string;
  proposedById: string;
  decidedById: string | null;
  decisionNote: string | null;
  correctionNote: string | null;
  reopenedAt: Date | null;
  reopenedById: string | null;
  reopenNote: string | null;
  version: number;
  createdAt: Date;
  decidedAt: Date | null;
}

export async function insert(
  tx: Tx,
  data: { workspaceId: string; claimId: string; rating: string; summary: string; scaleVersion: number; proposedById: string },
): Promise<ReviewRow> {
  return tx.review.create({ data: { ...data, state: 'proposed' } });
}

export async function find(db: DbClient | Tx, workspaceId: string, claimId: string, id: string): Promise<ReviewRow | null> {
  return db.review.findFirst({ where: { id, claimId, workspaceId } });
}

export async function findInState(tx: Tx, claimId: string, state: string): Promise<ReviewRow | null> {
  return tx.review.findFirst({ where: { claimId, state }, orderBy: { id: 'desc' } });
}

const REVIEW_COLUMNS = ['id', 'workspaceId', 'claimId', 'rating', 'summary', 'scaleVersion', 'state', 'proposedById', 'decidedById', 'decisionNote', 'correctionNote', 'reopenedAt', 'reopenedById', 'reopenNote', 'version', 'createdAt', 'decidedAt'];

function selectReviews(where: string): string {
  return `SELECT ${REVIEW_COLUMNS.map((c) => `r."${c}" AS "${c}"`).join(', ')} FROM "Review" r WHERE ${where}`;
}

function toRow(row: Record<string, unknown>): ReviewRow {
  return {
    ...(row as unknown as ReviewRow),
    scaleVersion: asInt(row.scaleVersion),
    version: asInt(row.version),
    createdAt: asDate(row.createdAt),
    decidedAt: asDateOrNull(row.decidedAt),
    reopenedAt: asDateOrNull(row.reopenedAt),
  };
}

/** A claim's reviews, oldest first. */
export async function listForClaim(sql: Sql, workspaceId: string, claimId: string): Promise<ReviewRow[]> {
  const rows = await sql.all<Record<string, unknown>>(`${selectReviews('r."workspaceId" = ? AND r."claimId" = ?')} ORDER BY r."id"`, [workspaceId, claimId]);
  return rows.map(toRow);
}

/**
 * The verdict history of each of `claimIds` (published and superseded reviews, newest first), as
 * the JSON text of its `presentReview` array built by the database (claim id → text; a claim
 * without one is absent), in one statement: an export's page reads it this way rather than as a
 * subquery per claim.
 */
export async function historyJsonForClaims(sql: Sql, workspaceId: string, claimIds: readonly string[]): Promise<Map<string, string>> {
  if (claimIds.length === 0) return new Map();
  const view = jsonObjectSql(sql, {
    id: 'r."id"',
    claimId: 'r."claimId"',
    rating: 'r."rating"',
    summary: 'r."summary"',
    scaleVersion: 'r."scaleVersion"',
    state: 'r."state"',
    proposedBy: 'r."proposedById"',
    decidedBy: 'r."decidedById"',
    decisionNote: 'r."decisionNote"',
    correctionNote: 'r."correctionNote"',
    reopenedAt: isoTextSql(sql, 'r."reopenedAt"'),
    reopenedBy: 'r."reopenedById"',
    reopenNote: 'r."reopenNote"',
    version: 'r."version"',
    createdAt: isoTextSql(sql, 'r."createdAt"'),
    decidedAt: isoTextSql(sql, 'r."decidedAt"'),
  });
  const aggregate = sql.dialect === 'postgres' ? `json_agg(${view} ORDER BY r."id" DESC)::text` : `json_group_array(${view} ORDER BY r."id" DESC)`;
  const rows = await sql.arrays(
    `SELECT r."claimId", ${aggregate} FROM "Review" r WHERE r."workspaceId" = ? AND r."claimId" IN (${placeholders(claimIds.length)}) AND r."state" IN ('published', 'superseded') GROUP BY r."claimId"`,
    [workspaceId, ...claimIds],
  );
  return new Map(rows as [string, string][]);
}

/**
 * A claim's verdict history (published and superseded reviews, newest first) as a column of a
 * claim query (a JSON array; `claim` names the claim row), so a claim read is one statement.
 */
export function historyColumn(sql: Sql, claim: string): string {
  return jsonArray(sql, REVIEW_COLUMNS, selectReviews(`r."workspaceId" = ${claim}."workspaceId" AND r."claimId" = ${claim}."id" AND r."state" IN ('published', 'superseded')`), '"id" DESC');
}

export function fromColumn(value: unknown): ReviewRow[] {
  return (asJson<Record<string, unknown>[]>(value) ?? []).map(toRow);
}

/** Moves a review out of `from`; null when another write moved it first. */
export async function moveIfState(
  tx: Tx,
  id: string,
  from: string,
  data: { state: string; decidedById?: string | null; decidedAt?: Date; decisionNote?: string | null; correctionNote?: string | null },
): Promise<ReviewRow | null> {
  const [row] = await tx.review.updateManyAndReturn({ where: { id, state: from }, data: { ...data, version: { increment: 1 } } });
  return row ?? null;
}

/** The published review of each of `claimIds` (a claim has at most one). */
export async function findPublished(tx: Tx, claimIds: string[]): Promise<ReviewRow[]> {
  return tx.review.findMany({ where: { claimId: { in: claimIds }, state: 'published' }, orderBy: { id: 'asc' } });
}

/** Records that published reviews were reopened for a correction; they stay published. */
export async function markReopened(tx: Tx, ids: string[], data: { reopenedAt: Date; reopenedById: string | null; reopenNote: string }): Promise<ReviewRow[]> {
  const rows = await tx.review.updateManyAndReturn({ where: { id: { in: ids }, state: 'published' }, data: { ...data, version: { increment: 1 } } });
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Where a page of published reviews ends: the last one's decision time and id. */
export interface DecisionPosition {
  at: Date;
  id: string;
}

/**
 * The workspace's published reviews of live claims, latest decision first (a correction moves
 * its claim to the front): the keys of a page of the public feed, answered by the
 * (workspaceId, state, decidedAt, id) index.
 */
export async function publishedPage(sql: Sql, workspaceId: string, take: number, after?: DecisionPosition): Promise<{ id: string; claimId: string; decidedAt: Date }[]> {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT r."id" AS "id", r."claimId" AS "claimId", r."decidedAt" AS "decidedAt" FROM "Review" r JOIN "Claim" c ON c."id" = r."claimId"
     WHERE r."workspaceId" = ? AND r."state" = 'published' AND c."deletedAt" IS NULL${after ? ' AND (r."decidedAt", r."id") < (?, ?)' : ''}
     ORDER BY r."decidedAt" DESC, r."id" DESC LIMIT ?`,
    [workspaceId, ...(after ? [after.at, after.id] : []), take],
  );
  return rows.map((row) => ({ id: row.id as string, claimId: row.claimId as string, decidedAt: asDate(row.decidedAt) }));
}
