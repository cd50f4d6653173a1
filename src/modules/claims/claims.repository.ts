import type { DbClient, Tx } from '../../db/database';
import { uuidv7 } from '../../db/ids';
import { asDate, asDateOrNull, asInt, asJson, chunks, isoTextSql, jsonObjectSql, jsonParam, jsonValueSql, placeholders, unindexed, type Sql } from '../../db/sql';

export interface Quote {
  exact: string;
  prefix?: string;
  suffix?: string;
  start: number;
  end: number;
}

export interface Quantity {
  text: string;
  value: number;
  unit: string;
  kind: string;
  low?: number;
  high?: number;
  date?: string;
}

export interface ClaimData {
  articleId: string | null;
  text: string;
  /** `text`, claimant and quote folded for search (DESIGN §5). */
  searchText: string;
  language: string;
  claimant: string | null;
  claimDate: Date | null;
  quote: Quote | null;
  quantities: Quantity[];
  tags: string[];
}

export interface ClaimRow extends Omit<ClaimData, 'searchText'> {
  id: string;
  workspaceId: string;
  status: string;
  verdict: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = ['id', 'workspaceId', 'articleId', 'text', 'language', 'claimant', 'claimDate', 'quote', 'quantities', 'status', 'verdict', 'version', 'createdAt', 'updatedAt'];

/** SQLite: the claim's tags as a JSON array, sorted. */
const SQLITE_TAGS = `(SELECT json_group_array("tag") FROM (SELECT "tag" FROM "ClaimTag" t WHERE t."claimId" = c."id" ORDER BY "tag"))`;
/** The claim's columns and its tags (a JSON array, sorted), from `"Claim" c`. */
const TAGS_COLUMN = {
  sqlite: `${SQLITE_TAGS} AS "tags"`,
  postgres: `(SELECT coalesce(json_agg("tag" ORDER BY "tag"), '[]') FROM "ClaimTag" t WHERE t."claimId" = c."id") AS "tags"`,
};
const PLAIN_COLUMNS = COLUMNS.map((column) => `c."${column}"`).join(', ');
/** Built once: every claim read and list page starts with these. */
const CLAIM_COLUMNS = { sqlite: `${PLAIN_COLUMNS}, ${TAGS_COLUMN.sqlite}`, postgres: `${PLAIN_COLUMNS}, ${TAGS_COLUMN.postgres}` };

function selectClaims(sql: Sql): string {
  return `SELECT ${claimColumns(sql)} FROM "Claim" c`;
}

function claimColumns(sql: Sql): string {
  return CLAIM_COLUMNS[sql.dialect];
}

function toRow(raw: Record<string, unknown>): ClaimRow {
  return {
    id: raw.id as string,
    workspaceId: raw.workspaceId as string,
    articleId: (raw.articleId as string | null) ?? null,
    text: raw.text as string,
    language: raw.language as string,
    claimant: (raw.claimant as string | null) ?? null,
    claimDate: asDateOrNull(raw.claimDate),
    quote: asJson<Quote>(raw.quote),
    quantities: asJson<Quantity[]>(raw.quantities) ?? [],
    tags: asJson<string[]>(raw.tags) ?? [],
    status: raw.status as string,
    verdict: (raw.verdict as string | null) ?? null,
    version: asInt(raw.version),
    createdAt: asDate(raw.createdAt),
    updatedAt: asDate(raw.updatedAt),
  };
}

export async function insert(sql: Sql, workspaceId: string, data: ClaimData): Promise<ClaimRow> {
  return (await insertMany(sql, workspaceId, [data]))[0] as ClaimRow;
}

const INSERT_COLUMNS = ['id', 'workspaceId', 'articleId', 'text', 'searchText', 'language', 'claimant', 'claimDate', 'quote', 'quantities', 'status', 'version', 'createdAt', 'updatedAt'];
const INSERT_VALUES = `(${placeholders(8)}, ?::jsonb, ?::jsonb, ${placeholders(4)})`;
/** Rows per INSERT: 14 parameters each, far below either database's limit. */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts many claims in a few statements (a batch of 1,000 must not take 1,000 round trips).
 * The rows are answered from what was written: ids and times are made here.
 */
export async function insertMany(sql: Sql, workspaceId: string, data: ClaimData[]): Promise<ClaimRow[]> {
  const now = new Date();
  const rows: ClaimRow[] = data.map((claim) => ({
    id: uuidv7(),
    workspaceId,
    articleId: claim.articleId,
    text: claim.text,
    language: claim.language,
    claimant: claim.claimant,
    claimDate: claim.claimDate,
    quote: claim.quote,
    quantities: claim.quantities,
    tags: [...new Set(claim.tags)].sort(),
    status: 'unverified',
    verdict: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const values = rows.map((row, k) => [
    row.id, workspaceId, row.articleId, row.text, (data[k] as ClaimData).searchText, row.language, row.claimant, row.claimDate,
    jsonParam(row.quote), jsonParam(row.quantities), row.status, row.version, now, now,
  ]);
  for (const slice of chunks(values, ROWS_PER_STATEMENT)) {
    await sql.run(`INSERT INTO "Claim" (${INSERT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${slice.map(() => INSERT_VALUES).join(', ')}`, slice.flat());
  }
  await insertTags(sql, workspaceId, rows.flatMap((row) => row.tags.map((tag) => [row.id, tag])));
  return rows;
}

const TAGS_PER_STATEMENT = 1_000;

async function insertTags(sql: Sql, workspaceId: string, pairs: string[][]): Promise<void> {
  for (const slice of chunks(pairs, TAGS_PER_STATEMENT)) {
    await sql.run(`INSERT INTO "ClaimTag" ("claimId", "tag", "workspaceId") VALUES ${slice.map(() => '(?, ?, ?)').join(', ')}`, slice.flatMap(([id, tag]) => [id, tag, workspaceId]));
  }
}

/** A live claim of this workspace. */
export async function findActive(sql: Sql, workspaceId: string, id: string): Promise<ClaimRow | null> {
  return (await findActiveWith(sql, workspaceId, id, {}))?.row ?? null;
}

/**
 * A live claim of this workspace and, in the same statement, `extra` columns (name → an SQL
 * expression over the claim row `c`), as the driver returns them.
 */
export async function findActiveWith<K extends string>(
  sql: Sql,
  workspaceId: string,
  id: string,
  extra: Record<K, string>,
): Promise<{ row: ClaimRow; extra: Record<K, unknown> } | null> {
  const names = Object.keys(extra) as K[];
  const columns = names.map((name) => `, ${extra[name]} AS "${name}"`).join('');
  const [raw] = await sql.all(`SELECT ${claimColumns(sql)}${columns} FROM "Claim" c WHERE c."id" = ? AND c."workspaceId" = ? AND c."deletedAt" IS NULL`, [id, workspaceId]);
  if (!raw) return null;
  return { row: toRow(raw), extra: Object.fromEntries(names.map((name) => [name, raw[name]])) as Record<K, unknown> };
}

/** Long id lists go in slices, each one statement. */
const IDS_PER_QUERY = 500;

/**
 * Live claims of this workspace among `ids`, locked until the transaction ends (PostgreSQL; on
 * SQLite the single writer already excludes every other write). Locks are taken in id order, so
 * two bulk moves of overlapping claims wait for each other instead of deadlocking.
 */
export async function findManyActiveForUpdate(sql: Sql, workspaceId: string, ids: string[]): Promise<ClaimRow[]> {
  return findMany(sql, workspaceId, ids, sql.dialect === 'postgres' ? ' ORDER BY c."id" FOR UPDATE OF c' : '');
}

/** Live claims of this workspace among `ids`, in no particular order. */
export async function findManyActive(sql: Sql, workspaceId: string, ids: string[]): Promise<ClaimRow[]> {
  return findMany(sql, workspaceId, ids, '');
}

async function findMany(sql: Sql, workspaceId: string, ids: string[], suffix: string): Promise<ClaimRow[]> {
  const sorted = [...new Set(ids)].sort();
  const rows: ClaimRow[] = [];
  for (const slice of chunks(sorted, IDS_PER_QUERY)) {
    const found = await sql.all(`${selectClaims(sql)} WHERE c."id" IN (${placeholders(slice.length)}) AND ${unindexed(sql, 'c."workspaceId"')} = ? AND c."deletedAt" IS NULL${suffix}`, [...slice, workspaceId]);
    rows.push(...found.map(toRow));
  }
  return rows;
}

/** What similar-claim ranking compares, without the rest of the row: folded terms and quantities. */
export async function findSearchTexts(sql: Sql, workspaceId: string, ids: string[]): Promise<{ id: string; searchText: string; quantities: Quantity[] }[]> {
  const rows: { id: string; searchText: string; quantities: Quantity[] }[] = [];
  for (const slice of chunks(ids, IDS_PER_QUERY)) {
    const found = await sql.all<Record<string, unknown>>(
      `SELECT c."id", c."searchText", c."quantities" FROM "Claim" c WHERE c."id" IN (${placeholders(slice.length)}) AND ${unindexed(sql, 'c."workspaceId"')} = ? AND c."deletedAt" IS NULL`,
      [...slice, workspaceId],
    );
    rows.push(...found.map((raw) => ({ id: raw.id as string, searchText: raw.searchText as string, quantities: asJson<Quantity[]>(raw.quantities) ?? [] })));
  }
  return rows;
}

export type ClaimChange = Partial<ClaimData> & { status?: string; verdict?: string | null; deletedAt?: Date };

const JSON_COLUMNS = new Set(['quote', 'quantities']);

/** Applies `change` only if the claim still has `version`; null when another write got there first. */
export async function updateIfVersion(sql: Sql, workspaceId: string, id: string, version: number, change: ClaimChange): Promise<ClaimRow | null> {
  const { tags, ...columns } = change;
  const set: string[] = [];
  const params: unknown[] = [];
  for (const [column, value] of Object.entries(columns)) {
    if (value === undefined) continue;
    set.push(JSON_COLUMNS.has(column) ? `"${column}" = ?::jsonb` : `"${column}" = ?`);
    params.push(JSON_COLUMNS.has(column) ? jsonParam(value) : value);
  }
  const changed = await sql.run(
    `UPDATE "Claim" SET ${[...set, '"version" = "version" + 1', '"updatedAt" = ?'].join(', ')} WHERE "id" = ? AND "workspaceId" = ? AND "version" = ? AND "deletedAt" IS NULL`,
    [...params, new Date(), id, workspaceId, version],
  );
  if (changed === 0) return null;
  if (tags !== undefined) {
    await sql.run('DELETE FROM "ClaimTag" WHERE "claimId" = ?', [id]);
    await insertTags(sql, workspaceId, [...new Set(tags)].map((tag) => [id, tag]));
  }
  const [row] = await sql.all(`${selectClaims(sql)} WHERE c."id" = ?`, [id]);
  return toRow(row as Record<string, unknown>);
}

/** Sets the status of claims the caller has locked (`findManyActiveForUpdate`); answers them as they now are. */
export async function setStatusMany(sql: Sql, current: ClaimRow[], status: string): Promise<ClaimRow[]> {
  const now = new Date();
  for (const slice of chunks(current, IDS_PER_QUERY)) {
    const changed = await sql.run(`UPDATE "Claim" SET "status" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" IN (${placeholders(slice.length)})`, [status, now, ...slice.map((row) => row.id)]);
    if (changed !== slice.length) throw new Error(`expected to move ${slice.length} locked claims, moved ${changed}`);
  }
  return current.map((row) => ({ ...row, status, version: row.version + 1, updatedAt: now }));
}

/** The claims anchored to an article, oldest first (the order they were taken from it). */
export async function listForArticle(sql: Sql, workspaceId: string, articleId: string): Promise<ClaimRow[]> {
  const rows = await sql.all(`${selectClaims(sql)} WHERE c."workspaceId" = ? AND c."articleId" = ? AND c."deletedAt" IS NULL ORDER BY c."id"`, [workspaceId, articleId]);
  return rows.map(toRow);
}

export async function countForArticle(db: DbClient | Tx, workspaceId: string, articleId: string): Promise<number> {
  return db.claim.count({ where: { workspaceId, articleId, deletedAt: null } });
}

export async function countInWorkspace(db: DbClient | Tx, workspaceId: string): Promise<number> {
  return db.claim.count({ where: { workspaceId } });
}

export interface ClaimFilter {
  status?: string;
  verdict?: string;
  articleId?: string;
  claimant?: string;
  tag?: string;
  language?: string;
  updatedSince?: Date;
  createdAfter?: Date;
  createdBefore?: Date;
  /** Only claims with a published verdict. */
  withVerdict?: boolean;
}

export type SortField = 'updatedAt' | 'createdAt';

/** Where a page ends: the last row's sort value and id (keyset pagination). */
export interface ClaimPosition {
  at: Date;
  id: string;
}

/** The WHERE conditions (over `c`) of a list or export page, and their parameters. */
function filterConditions(sql: Sql, workspaceId: string, filter: ClaimFilter, onlyIds?: string[]): { where: string[]; params: unknown[] } {
  // With an id list (a search tier), SQLite must look the ids up by key and sort them: left to
  // itself it walks the workspace's (workspaceId, updatedAt) index until enough ids turn up,
  // which is most of the workspace for a rare match. `+` keeps that index out.
  const byIds = onlyIds !== undefined && sql.dialect === 'sqlite';
  const where = [byIds ? '+c."workspaceId" = ?' : 'c."workspaceId" = ?', 'c."deletedAt" IS NULL'];
  const params: unknown[] = [workspaceId];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`c."${column}" = ?`);
    params.push(value);
  };
  equal('status', filter.status);
  equal('verdict', filter.verdict);
  equal('articleId', filter.articleId);
  equal('claimant', filter.claimant);
  equal('language', filter.language);
  const condition = (text: string, value: unknown) => {
    where.push(text);
    params.push(value);
  };
  if (filter.tag !== undefined) condition('EXISTS (SELECT 1 FROM "ClaimTag" t WHERE t."claimId" = c."id" AND t."tag" = ?)', filter.tag);
  if (filter.updatedSince) condition('c."updatedAt" >= ?', filter.updatedSince);
  if (filter.createdAfter) condition('c."createdAt" > ?', filter.createdAfter);
  if (filter.createdBefore) condition('c."createdAt" < ?', filter.createdBefore);
  // A claim has a verdict once a review of it is published, and keeps it while reopened.
  if (filter.withVerdict) where.push('c."verdict" IS NOT NULL');
  if (onlyIds) {
    where.push(`c."id" IN (${placeholders(onlyIds.length)})`);
    params.push(...onlyIds);
  }
  return { where, params };
}

/** A claim's row as the driver gives it, with its id and createdAt (its keyset position). */
export type RawClaim = Record<string, unknown> & { id: string; createdAt: unknown };

/**
 * A page of an export, oldest first by (createdAt, id) after `after`, as the driver gives it: the
 * claim's columns (`CLAIM_COLUMNS`) and `extra` columns (name → an SQL expression over `c`) in
 * the same statement. That key never changes, so a claim updated while the export runs keeps its
 * place: each live claim is read once (by updatedAt, an update would move it behind the cursor
 * and out of the file). The (workspace, createdAt, id) index answers it. Raw rows, so that an
 * export maps each straight to the text it writes (`withExtra` makes a `ClaimRow` of one).
 */
export async function exportRawPage(sql: Sql, workspaceId: string, filter: ClaimFilter, take: number, extra: Record<string, string>, after?: ClaimPosition, onlyIds?: string[]): Promise<RawClaim[]> {
  const columns = Object.entries(extra)
    .map(([name, column]) => `, ${column} AS "${name}"`)
    .join('');
  return selectExportPage(sql, `${claimColumns(sql)}${columns}`, workspaceId, filter, take, after, onlyIds);
}

function selectExportPage(sql: Sql, columns: string, workspaceId: string, filter: ClaimFilter, take: number, after?: ClaimPosition, onlyIds?: string[]): Promise<RawClaim[]> {
  const { where, params } = filterConditions(sql, workspaceId, filter, onlyIds);
  if (after) {
    where.push('(c."createdAt", c."id") > (?, ?)');
    params.push(after.at, after.id);
  }
  return sql.all(`SELECT ${columns} FROM "Claim" c WHERE ${where.join(' AND ')} ORDER BY c."createdAt", c."id" LIMIT ?`, [...params, take]);
}

/**
 * The claim as `presentClaim` answers it, as JSON text the database builds (from `"Claim" c`):
 * the same members in the same order, DateTimes as toISOString spells them. Tags as an array
 * subquery on PostgreSQL (cheaper there than json_agg).
 */
function viewJsonSql(sql: Sql): string {
  const tags = sql.dialect === 'postgres'
    ? `to_json(ARRAY(SELECT "tag" FROM "ClaimTag" t WHERE t."claimId" = c."id" ORDER BY "tag"))`
    : SQLITE_TAGS;
  const view = jsonObjectSql(sql, {
    id: 'c."id"',
    articleId: 'c."articleId"',
    text: 'c."text"',
    language: 'c."language"',
    claimant: 'c."claimant"',
    claimDate: isoTextSql(sql, 'c."claimDate"'),
    quote: jsonValueSql(sql, 'c."quote"'),
    quantities: jsonValueSql(sql, `coalesce(c."quantities", '[]')`),
    tags: jsonValueSql(sql, tags),
    status: 'c."status"',
    verdict: 'c."verdict"',
    version: 'c."version"',
    createdAt: isoTextSql(sql, 'c."createdAt"'),
    updatedAt: isoTextSql(sql, 'c."updatedAt"'),
  });
  return sql.dialect === 'postgres' ? `${view}::text` : view;
}

/** A row of `exportViewPage`: the claim's id and createdAt (its position) and its view as JSON text. */
export interface ClaimViewJson {
  id: string;
  createdAt: unknown;
  view: string;
}

/**
 * A page of an export as `exportRawPage` reads it, each claim as `presentClaim`'s JSON built by
 * the database (`viewJsonSql`): no driver values to convert, no object to stringify, for exports
 * that write millions of claims.
 */
export async function exportViewPage(sql: Sql, workspaceId: string, filter: ClaimFilter, take: number, after?: ClaimPosition, onlyIds?: string[]): Promise<ClaimViewJson[]> {
  return (await selectExportPage(sql, `c."id", c."createdAt", ${viewJsonSql(sql)} AS "view"`, workspaceId, filter, take, after, onlyIds)) as unknown as ClaimViewJson[];
}

/** The keyset position of a raw row of `exportRawPage`. */
export function positionOf(raw: { id: unknown; createdAt: unknown }): ClaimPosition {
  return { at: asDate(raw.createdAt), id: raw.id as string };
}

/** A raw row of `exportRawPage` as a `ClaimRow`, with its `extra` columns. */
export function withExtra<K extends string>(raw: Record<string, unknown>, names: readonly K[]): { row: ClaimRow; extra: Record<K, unknown> } {
  return { row: toRow(raw), extra: Object.fromEntries(names.map((name) => [name, raw[name]])) as Record<K, unknown> };
}

/** Live claims of this workspace among `ids` (any order), with `extra` columns as `exportRawPage` reads them. */
export async function findManyWith<K extends string>(sql: Sql, workspaceId: string, ids: string[], extra: Record<K, string>): Promise<{ row: ClaimRow; extra: Record<K, unknown> }[]> {
  if (ids.length === 0) return [];
  const names = Object.keys(extra) as K[];
  return (await exportRawPage(sql, workspaceId, {}, ids.length, extra, undefined, ids)).map((raw) => withExtra(raw, names));
}

/**
 * Newest first by `sort`, then id. The position is a row-value comparison, which the
 * (workspace, [status,] sort, id) indexes answer as a range: a page costs the same wherever it starts.
 */
export async function listPage(
  sql: Sql,
  workspaceId: string,
  filter: ClaimFilter,
  sort: SortField,
  take: number,
  after?: ClaimPosition,
  onlyIds?: string[],
): Promise<ClaimRow[]> {
  const { where, params } = filterConditions(sql, workspaceId, filter, onlyIds);
  if (after) {
    where.push(`(c."${sort}", c."id") < (?, ?)`);
    params.push(after.at, after.id);
  }
  const rows = await sql.all(`${selectClaims(sql)} WHERE ${where.join(' AND ')} ORDER BY c."${sort}" DESC, c."id" DESC LIMIT ?`, [...params, take]);
  return rows.map(toRow);
}

/** The workspace of a live claim, whichever it is (public routes name a claim by id alone). */
export async function workspaceOf(sql: Sql, id: string): Promise<string | null> {
  const [row] = await sql.all<{ workspaceId: string }>('SELECT "workspaceId" FROM "Claim" WHERE "id" = ? AND "deletedAt" IS NULL', [id]);
  return row?.workspaceId ?? null;
}
