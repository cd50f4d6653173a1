import type { DbClient, Tx } from '../../db/database';
import { uuidv7 } from '../../db/ids';
import { toJsonColumn } from '../../db/json';
import type { Prisma } from '../../generated/sqlite/client';

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

const columns = {
  id: true,
  workspaceId: true,
  articleId: true,
  text: true,
  language: true,
  claimant: true,
  claimDate: true,
  quote: true,
  quantities: true,
  status: true,
  verdict: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  tags: { select: { tag: true }, orderBy: { tag: 'asc' } },
} as const;

type SelectedClaim = Omit<ClaimRow, 'tags' | 'quote' | 'quantities'> & { quote: unknown; quantities: unknown; tags: { tag: string }[] };

function toRow(claim: SelectedClaim): ClaimRow {
  return {
    ...claim,
    quote: (claim.quote ?? null) as Quote | null,
    quantities: (claim.quantities ?? []) as Quantity[],
    tags: claim.tags.map((t) => t.tag),
  };
}

export async function insert(tx: Tx, workspaceId: string, data: ClaimData): Promise<ClaimRow> {
  return (await insertMany(tx, workspaceId, [data]))[0] as ClaimRow;
}

const columnsWithoutTags = (({ tags: _tags, ...rest }) => rest)(columns);

/**
 * Inserts many claims in a few statements (a batch of 1,000 must not take 1,000 round trips).
 * Ids are made here, so each row is matched to its input whatever order the database answers in.
 */
export async function insertMany(tx: Tx, workspaceId: string, data: ClaimData[]): Promise<ClaimRow[]> {
  const withIds = data.map((claim) => ({ ...claim, id: uuidv7(), tags: [...new Set(claim.tags)].sort() }));
  const rows = await tx.claim.createManyAndReturn({
    data: withIds.map(({ tags: _tags, quote, quantities, ...rest }) => ({ ...rest, workspaceId, quote: toJsonColumn(quote), quantities: toJsonColumn(quantities) })),
    select: columnsWithoutTags,
  });
  await tx.claimTag.createMany({ data: withIds.flatMap((claim) => claim.tags.map((tag) => ({ claimId: claim.id, tag, workspaceId }))) });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return withIds.map((claim) => toRow({ ...(byId.get(claim.id) as Omit<SelectedClaim, 'tags'>), tags: claim.tags.map((tag) => ({ tag })) }));
}

/** A live claim of this workspace. */
export async function findActive(db: DbClient | Tx, workspaceId: string, id: string): Promise<ClaimRow | null> {
  const claim = await db.claim.findFirst({ where: { id, workspaceId, deletedAt: null }, select: columns });
  return claim ? toRow(claim) : null;
}

/** Prisma caps bind parameters per query (about 1,000 on SQLite): long id lists go in slices. */
const IDS_PER_QUERY = 500;

export async function findManyActive(db: DbClient | Tx, workspaceId: string, ids: string[]): Promise<ClaimRow[]> {
  const rows: ClaimRow[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const slice = ids.slice(i, i + IDS_PER_QUERY);
    const claims = await db.claim.findMany({ where: { id: { in: slice }, workspaceId, deletedAt: null }, select: columns });
    rows.push(...claims.map(toRow));
  }
  return rows;
}

export type ClaimChange = Partial<ClaimData> & { status?: string; verdict?: string | null; deletedAt?: Date };

/** Applies `change` only if the claim still has `version`; null when another write got there first. */
export async function updateIfVersion(tx: Tx, workspaceId: string, id: string, version: number, change: ClaimChange): Promise<ClaimRow | null> {
  const { tags, quote, quantities, ...rest } = change;
  const { count } = await tx.claim.updateMany({
    where: { id, workspaceId, version, deletedAt: null },
    data: {
      ...rest,
      ...(quote !== undefined ? { quote: toJsonColumn(quote) } : {}),
      ...(quantities !== undefined ? { quantities: toJsonColumn(quantities) } : {}),
      version: { increment: 1 },
    },
  });
  if (count === 0) return null;
  if (tags !== undefined) {
    await tx.claimTag.deleteMany({ where: { claimId: id } });
    await tx.claimTag.createMany({ data: [...new Set(tags)].map((tag) => ({ claimId: id, tag, workspaceId })) });
  }
  const claim = await tx.claim.findUniqueOrThrow({ where: { id }, select: columns });
  return toRow(claim);
}

/** The claims anchored to an article, oldest first (the order they were taken from it). */
export async function listForArticle(db: DbClient | Tx, workspaceId: string, articleId: string): Promise<ClaimRow[]> {
  const claims = await db.claim.findMany({ where: { workspaceId, articleId, deletedAt: null }, orderBy: { id: 'asc' }, select: columns });
  return claims.map(toRow);
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
}

export type SortField = 'updatedAt' | 'createdAt';

/** Where a page ends: the last row's sort value and id (keyset pagination). */
export interface ClaimPosition {
  at: Date;
  id: string;
}

function filterWhere(workspaceId: string, filter: ClaimFilter): Prisma.ClaimWhereInput {
  return {
    workspaceId,
    deletedAt: null,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.verdict ? { verdict: filter.verdict } : {}),
    ...(filter.articleId ? { articleId: filter.articleId } : {}),
    ...(filter.claimant ? { claimant: filter.claimant } : {}),
    ...(filter.language ? { language: filter.language } : {}),
    ...(filter.tag ? { tags: { some: { tag: filter.tag } } } : {}),
    ...(filter.updatedSince ? { updatedAt: { gte: filter.updatedSince } } : {}),
    ...(filter.createdAfter || filter.createdBefore
      ? { createdAt: { ...(filter.createdAfter ? { gt: filter.createdAfter } : {}), ...(filter.createdBefore ? { lt: filter.createdBefore } : {}) } }
      : {}),
  };
}

/** Newest first by `sort`, then id; a page costs the same wherever it starts. */
export async function listPage(
  db: DbClient,
  workspaceId: string,
  filter: ClaimFilter,
  sort: SortField,
  take: number,
  after?: ClaimPosition,
  onlyIds?: string[],
): Promise<ClaimRow[]> {
  const where: Prisma.ClaimWhereInput = {
    AND: [
      filterWhere(workspaceId, filter),
      ...(onlyIds ? [{ id: { in: onlyIds } }] : []),
      ...(after ? [{ OR: [{ [sort]: { lt: after.at } }, { [sort]: after.at, id: { lt: after.id } }] }] : []),
    ],
  };
  const claims = await db.claim.findMany({ where, orderBy: [{ [sort]: 'desc' }, { id: 'desc' }], take, select: columns });
  return claims.map(toRow);
}
