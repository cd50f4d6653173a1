import type { DbClient, Tx } from '../../db/database';
import { toJsonColumn } from '../../db/json';

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
}

export interface ClaimData {
  articleId: string | null;
  text: string;
  language: string;
  claimant: string | null;
  claimDate: Date | null;
  quote: Quote | null;
  quantities: Quantity[];
  tags: string[];
}

export interface ClaimRow extends ClaimData {
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
  const { tags, quote, quantities, ...rest } = data;
  const claim = await tx.claim.create({
    data: {
      ...rest,
      workspaceId,
      quote: toJsonColumn(quote),
      quantities: toJsonColumn(quantities),
      tags: { create: [...new Set(tags)].map((tag) => ({ tag, workspaceId })) },
    },
    select: columns,
  });
  return toRow(claim);
}

/** The claims anchored to an article, oldest first (the order they were taken from it). */
export async function listForArticle(db: DbClient | Tx, workspaceId: string, articleId: string): Promise<ClaimRow[]> {
  const claims = await db.claim.findMany({
    where: { workspaceId, articleId, deletedAt: null },
    orderBy: { id: 'asc' },
    select: columns,
  });
  return claims.map(toRow);
}

export async function countForArticle(db: DbClient | Tx, workspaceId: string, articleId: string): Promise<number> {
  return db.claim.count({ where: { workspaceId, articleId, deletedAt: null } });
}

export async function countInWorkspace(db: DbClient | Tx, workspaceId: string): Promise<number> {
  return db.claim.count({ where: { workspaceId } });
}
