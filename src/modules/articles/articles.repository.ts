import type { DbClient, Tx } from '../../db/database';
import { chunks, placeholders, unindexed, type Sql } from '../../db/sql';

export interface ArticleRow {
  id: string;
  workspaceId: string;
  url: string;
  title: string;
  publisher: string | null;
  language: string;
  publishedAt: Date | null;
  body: string;
  bodySha256: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export type ArticleSummaryRow = Omit<ArticleRow, 'body'>;

export interface ArticleData {
  url: string;
  title: string;
  publisher: string | null;
  language: string;
  publishedAt: Date | null;
  body: string;
  bodySha256: string;
}

const summaryColumns = {
  id: true,
  workspaceId: true,
  url: true,
  title: true,
  publisher: true,
  language: true,
  publishedAt: true,
  bodySha256: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} as const;

export async function insert(tx: Tx, workspaceId: string, data: ArticleData): Promise<ArticleRow> {
  return tx.article.create({ data: { ...data, workspaceId } });
}

/** An article of this workspace that is not deleted. */
export async function findActive(db: DbClient | Tx, workspaceId: string, id: string): Promise<ArticleRow | null> {
  return db.article.findFirst({ where: { id, workspaceId, deletedAt: null } });
}

/** Long id lists go in slices, each one statement. */
const IDS_PER_QUERY = 500;

export async function findBodies(sql: Sql, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  for (const slice of chunks(ids, IDS_PER_QUERY)) {
    const rows = await sql.all<{ id: string; body: string }>(
      `SELECT "id", "body" FROM "Article" WHERE "id" IN (${placeholders(slice.length)}) AND ${unindexed(sql, '"workspaceId"')} = ? AND "deletedAt" IS NULL`,
      [...slice, workspaceId],
    );
    for (const row of rows) bodies.set(row.id, row.body);
  }
  return bodies;
}

export async function findByUrl(db: DbClient | Tx, workspaceId: string, url: string): Promise<ArticleSummaryRow | null> {
  return db.article.findUnique({ where: { workspaceId_url: { workspaceId, url } }, select: summaryColumns });
}

/**
 * Applies `data` only if the row still has `version`; null when another write got there first.
 * The condition is what makes concurrent PATCHes safe on PostgreSQL.
 */
export async function updateIfVersion(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  data: Partial<ArticleData> & { deletedAt?: Date },
): Promise<ArticleRow | null> {
  const [row] = await tx.article.updateManyAndReturn({
    where: { id, workspaceId, version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  return row ?? null;
}

export async function listPage(
  db: DbClient,
  workspaceId: string,
  filter: { language?: string },
  take: number,
  beforeId?: string,
): Promise<ArticleSummaryRow[]> {
  return db.article.findMany({
    where: {
      workspaceId,
      deletedAt: null,
      ...(filter.language ? { language: filter.language } : {}),
      ...(beforeId ? { id: { lt: beforeId } } : {}),
    },
    orderBy: { id: 'desc' },
    take,
    select: summaryColumns,
  });
}

/**
 * The url of a claim's article (`claim` names the claim row, e.g. `c`) as a column of a claim
 * query; null when the claim quotes none or its article was deleted.
 */
export function urlColumn(claim: string): string {
  return `(SELECT a."url" FROM "Article" a WHERE a."id" = ${claim}."articleId" AND a."deletedAt" IS NULL)`;
}
