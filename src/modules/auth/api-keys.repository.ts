import type { DbClient, Tx } from '../../db/database';
import { asDate, asDateOrNull, asInt, type Sql } from '../../db/sql';
import type { Role } from '../../core/roles';

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

/** Every request's key check: plain SQL (`db/sql.ts`). */
export async function findBySecretHash(sql: Sql, secretHash: string): Promise<ApiKeyRow | null> {
  const [row] = await sql.all<Record<string, unknown>>(
    'SELECT "id", "workspaceId", "name", "role", "prefix", "createdAt", "lastUsedAt", "revokedAt", "version" FROM "ApiKey" WHERE "secretHash" = ?',
    [secretHash],
  );
  if (!row) return null;
  return {
    id: row.id as string,
    workspaceId: row.workspaceId as string,
    name: row.name as string,
    role: row.role as Role,
    prefix: row.prefix as string,
    createdAt: asDate(row.createdAt),
    lastUsedAt: asDateOrNull(row.lastUsedAt),
    revokedAt: asDateOrNull(row.revokedAt),
    version: asInt(row.version),
  };
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
