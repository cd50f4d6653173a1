import type { Tx } from '../db/database';
import { toJsonColumn } from '../db/json';

export interface IdempotencyRow {
  id: string;
  requestHash: string;
  state: string;
  status: number | null;
  response: unknown;
  createdAt: Date;
  expiresAt: Date;
}

export async function find(tx: Tx, apiKeyId: string, key: string): Promise<IdempotencyRow | null> {
  return (await tx.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } })) as IdempotencyRow | null;
}

export async function insertRunning(
  tx: Tx,
  data: { apiKeyId: string; key: string; requestHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.idempotencyRecord.create({ data: { ...data, state: 'running' } });
}

export async function restart(tx: Tx, id: string, requestHash: string, createdAt: Date, expiresAt: Date): Promise<void> {
  await tx.idempotencyRecord.update({
    where: { id },
    data: { state: 'running', requestHash, status: null, response: toJsonColumn(null), createdAt, expiresAt },
  });
}

export async function complete(tx: Tx, apiKeyId: string, key: string, status: number, response: unknown): Promise<void> {
  await tx.idempotencyRecord.update({
    where: { apiKeyId_key: { apiKeyId, key } },
    data: { state: 'completed', status, response: toJsonColumn(response) },
  });
}

export async function removeRunning(tx: Tx, apiKeyId: string, key: string): Promise<void> {
  await tx.idempotencyRecord.deleteMany({ where: { apiKeyId, key, state: 'running' } });
}

export async function remove(tx: Tx, id: string): Promise<void> {
  await tx.idempotencyRecord.delete({ where: { id } });
}

export async function removeExpired(tx: Tx, now: Date): Promise<number> {
  const { count } = await tx.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
