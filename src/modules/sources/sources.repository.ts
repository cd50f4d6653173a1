import type { DbClient, Tx } from '../../db/database';

export interface SourceData {
  url: string;
  title: string;
  publisher: string | null;
  kind: string;
  publishedAt: Date | null;
  accessedAt: Date | null;
  archiveUrl: string | null;
}

export interface SourceRow extends SourceData {
  id: string;
  workspaceId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export async function insert(tx: Tx, workspaceId: string, data: SourceData): Promise<SourceRow> {
  return tx.source.create({ data: { ...data, workspaceId } });
}

export async function findActive(db: DbClient | Tx, workspaceId: string, id: string): Promise<SourceRow | null> {
  return db.source.findFirst({ where: { id, workspaceId, deletedAt: null } });
}

export async function findByUrl(db: DbClient | Tx, workspaceId: string, url: string): Promise<SourceRow | null> {
  return db.source.findUnique({ where: { workspaceId_url: { workspaceId, url } } });
}

export async function updateIfVersion(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  data: Partial<SourceData> & { deletedAt?: Date },
): Promise<SourceRow | null> {
  const [row] = await tx.source.updateManyAndReturn({
    where: { id, workspaceId, version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  return row ?? null;
}

export async function listPage(db: DbClient, workspaceId: string, filter: { kind?: string }, take: number, beforeId?: string): Promise<SourceRow[]> {
  return db.source.findMany({
    where: { workspaceId, deletedAt: null, ...(filter.kind ? { kind: filter.kind } : {}), ...(beforeId ? { id: { lt: beforeId } } : {}) },
    orderBy: { id: 'desc' },
    take,
  });
}
