import type { DbClient, Tx } from '../../db/database';
import type { Role } from './roles';

export interface ApiKeyRow {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  version: number;
}

const columns = {
  id: true,
  workspaceId: true,
  name: true,
  role: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  version: true,
} as const;

export async function findBySecretHash(db: DbClient, secretHash: string): Promise<ApiKeyRow | null> {
  return (await db.apiKey.findUnique({ where: { secretHash }, select: columns })) as ApiKeyRow | null;
}

export async function findInWorkspace(db: DbClient | Tx, workspaceId: string, id: string): Promise<ApiKeyRow | null> {
  return (await db.apiKey.findFirst({ where: { id, workspaceId }, select: columns })) as ApiKeyRow | null;
}

export async function listPage(db: DbClient, workspaceId: string, limit: number, afterId?: string): Promise<ApiKeyRow[]> {
  return (await db.apiKey.findMany({
    where: { workspaceId, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: 'asc' },
    take: limit,
    select: columns,
  })) as ApiKeyRow[];
}

export async function countInWorkspace(db: DbClient | Tx, workspaceId: string): Promise<number> {
  return db.apiKey.count({ where: { workspaceId } });
}

export async function insert(
  tx: Tx,
  data: { workspaceId: string; name: string; role: Role; secretHash: string; prefix: string },
): Promise<ApiKeyRow> {
  return (await tx.apiKey.create({ data, select: columns })) as ApiKeyRow;
}

export async function revoke(tx: Tx, id: string, at: Date): Promise<ApiKeyRow> {
  return (await tx.apiKey.update({
    where: { id },
    data: { revokedAt: at, version: { increment: 1 } },
    select: columns,
  })) as ApiKeyRow;
}

export async function touch(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.apiKey.update({ where: { id }, data: { lastUsedAt: at } });
}
