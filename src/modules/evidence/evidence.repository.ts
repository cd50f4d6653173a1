import type { DbClient, Tx } from '../../db/database';

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

export async function listForClaim(db: DbClient | Tx, workspaceId: string, claimId: string, take?: number, afterId?: string): Promise<EvidenceRow[]> {
  return db.evidence.findMany({
    where: { workspaceId, claimId, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: 'asc' },
    take,
    select: columns,
  });
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
