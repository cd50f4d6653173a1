import type { DbClient, Tx } from '../../db/database';

export interface WebhookData {
  url: string;
  description: string | null;
  events: string[];
  secret: string;
}

export interface WebhookRow extends WebhookData {
  id: string;
  workspaceId: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

function toRow(row: Omit<WebhookRow, 'events'> & { events: unknown }): WebhookRow {
  return { ...row, events: row.events as string[] };
}

export async function insert(tx: Tx, workspaceId: string, data: WebhookData): Promise<WebhookRow> {
  return toRow(await tx.webhook.create({ data: { ...data, workspaceId } }));
}

export async function findActive(db: DbClient | Tx, workspaceId: string, id: string): Promise<WebhookRow | null> {
  const row = await db.webhook.findFirst({ where: { id, workspaceId, deletedAt: null } });
  return row && toRow(row);
}

/** Newest first. */
export async function listPage(db: DbClient, workspaceId: string, take: number, beforeId?: string): Promise<WebhookRow[]> {
  const rows = await db.webhook.findMany({
    where: { workspaceId, deletedAt: null, ...(beforeId ? { id: { lt: beforeId } } : {}) },
    orderBy: { id: 'desc' },
    take,
  });
  return rows.map(toRow);
}

export async function updateIfVersion(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  data: Partial<Pick<WebhookRow, 'secret' | 'previousSecret' | 'previousSecretExpiresAt' | 'deletedAt'>>,
): Promise<WebhookRow | null> {
  const [row] = await tx.webhook.updateManyAndReturn({
    where: { id, workspaceId, version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  return row ? toRow(row) : null;
}
