import type { DbClient, Tx } from '../../db/database';
import { asDate, asInt, asJson, isoTextSql, jsonArray, jsonObjectSql, placeholders, type Sql } from '../../db/sql';

export interface EvidenceData {
  claimId: string;
  sourceId: string;
  stance: string;
  excerpt: string | null;
  note: string | null;
  createdById: string | null;
}

export interface EvidenceRow extends EvidenceData {
  id: string;
  workspaceId: string;
  version: number;
  createdAt: Date;
  source: { id: string; url: string; title: string; publisher: string | null; kind: string; archiveUrl: string | null };
}

const columns = {
  id: true,
  workspaceId: true,
  claimId: true,
  sourceId: true,
  stance: true,
  excerpt: true,
  note: true,
  createdById: true,
  version: true,
  createdAt: true,
  source: { select: { id: true, url: true, title: true, publisher: true, kind: true, archiveUrl: true } },
} as const;

export async function insert(tx: Tx, workspaceId: string, data: EvidenceData): Promise<EvidenceRow> {
  return tx.evidence.create({ data: { ...data, workspaceId }, select: columns });
}

export async function find(db: DbClient | Tx, workspaceId: string, claimId: string, id: string): Promise<EvidenceRow | null> {
  return db.evidence.findFirst({ where: { id, claimId, workspaceId }, select: columns });
}

export async function findLink(tx: Tx, claimId: string, sourceId: string, stance: string): Promise<{ id: string } | null> {
  return tx.evidence.findFirst({ where: { claimId, sourceId, stance }, select: { id: true } });
}

/** The link's columns (`e`), then its source's (`s`). */
const EVIDENCE_COLUMNS = ['id', 'workspaceId', 'claimId', 'sourceId', 'stance', 'excerpt', 'note', 'createdById', 'version', 'createdAt'];
const SOURCE_COLUMNS = ['url', 'title', 'publisher', 'kind', 'archiveUrl'];
const ALL_COLUMNS = [...EVIDENCE_COLUMNS, ...SOURCE_COLUMNS];
const SELECTED = [...EVIDENCE_COLUMNS.map((c) => `e."${c}" AS "${c}"`), ...SOURCE_COLUMNS.map((c) => `s."${c}" AS "${c}"`)].join(', ');

/** Evidence rows with their source's columns, under `where` (over `e` and `s`). */
function selectEvidence(where: string): string {
  return `SELECT ${SELECTED} FROM "Evidence" e JOIN "Source" s ON s."id" = e."sourceId" WHERE ${where}`;
}

function toRow(row: Record<string, unknown>): EvidenceRow {
  return {
    id: row.id as string,
    workspaceId: row.workspaceId as string,
    claimId: row.claimId as string,
    sourceId: row.sourceId as string,
    stance: row.stance as string,
    excerpt: (row.excerpt as string | null) ?? null,
    note: (row.note as string | null) ?? null,
    createdById: (row.createdById as string | null) ?? null,
    version: asInt(row.version),
    createdAt: asDate(row.createdAt),
    source: {
      id: row.sourceId as string,
      url: row.url as string,
      title: row.title as string,
      publisher: (row.publisher as string | null) ?? null,
      kind: row.kind as string,
      archiveUrl: (row.archiveUrl as string | null) ?? null,
    },
  };
}

/** A claim's evidence with each source, oldest first. */
export async function listForClaim(sql: Sql, workspaceId: string, claimId: string, take?: number, afterId?: string): Promise<EvidenceRow[]> {
  const rows = await sql.all<Record<string, unknown>>(
    `${selectEvidence(`e."workspaceId" = ? AND e."claimId" = ?${afterId ? ' AND e."id" > ?' : ''}`)} ORDER BY e."id"${take ? ' LIMIT ?' : ''}`,
    [workspaceId, claimId, ...(afterId ? [afterId] : []), ...(take ? [take] : [])],
  );
  return rows.map(toRow);
}

/**
 * The evidence of each of `claimIds` (with its source), oldest first, as the JSON text of its
 * `presentEvidence` array built by the database (claim id → text; a claim without evidence is
 * absent), in one statement: an export's page reads its claims' evidence this way rather than as
 * a subquery per claim.
 */
export async function listJsonForClaims(sql: Sql, workspaceId: string, claimIds: readonly string[]): Promise<Map<string, string>> {
  if (claimIds.length === 0) return new Map();
  const view = jsonObjectSql(sql, {
    id: 'x."id"',
    claimId: 'x."claimId"',
    sourceId: 'x."sourceId"',
    stance: 'x."stance"',
    excerpt: 'x."excerpt"',
    note: 'x."note"',
    createdById: 'x."createdById"',
    version: 'x."version"',
    createdAt: isoTextSql(sql, 'x."createdAt"'),
    source: jsonObjectSql(sql, { id: 'x."sourceId"', url: 'x."url"', title: 'x."title"', publisher: 'x."publisher"', kind: 'x."kind"', archiveUrl: 'x."archiveUrl"' }),
  });
  const select = selectEvidence(`e."workspaceId" = ? AND e."claimId" IN (${placeholders(claimIds.length)})`);
  const rows = await sql.arrays(
    sql.dialect === 'postgres'
      ? `SELECT x."claimId", json_agg(${view} ORDER BY x."id")::text FROM (${select}) x GROUP BY x."claimId"`
      : `SELECT x."claimId", json_group_array(${view} ORDER BY x."id") FROM (${select}) x GROUP BY x."claimId"`,
    [workspaceId, ...claimIds],
  );
  return new Map(rows as [string, string][]);
}

/**
 * The same list as a column of a claim query (a JSON array; `claim` names the claim row, e.g.
 * `c`), so a claim read is one statement; `fromColumn` reads it back.
 */
export function evidenceColumn(sql: Sql, claim: string): string {
  return jsonArray(sql, ALL_COLUMNS, selectEvidence(`e."workspaceId" = ${claim}."workspaceId" AND e."claimId" = ${claim}."id"`), '"id"');
}

export function fromColumn(value: unknown): EvidenceRow[] {
  return (asJson<Record<string, unknown>[]>(value) ?? []).map(toRow);
}

export async function countForClaim(tx: Tx, claimId: string): Promise<number> {
  return tx.evidence.count({ where: { claimId } });
}

export async function countForSource(tx: Tx, sourceId: string): Promise<number> {
  return tx.evidence.count({ where: { sourceId } });
}

/** Removes the link if it still has `version`; false when another write got there first. */
export async function removeIfVersion(tx: Tx, id: string, version: number): Promise<boolean> {
  const { count } = await tx.evidence.deleteMany({ where: { id, version } });
  return count === 1;
}
