import type { DbClient, Tx } from '../../db/database';
import type { RatingScaleDefinition } from './rating-scales.schemas';

export interface RatingScaleRow {
  id: string;
  workspaceId: string;
  version: number;
  definition: RatingScaleDefinition;
  createdById: string | null;
  createdAt: Date;
}

export async function latest(db: DbClient | Tx, workspaceId: string): Promise<RatingScaleRow | null> {
  return (await db.ratingScale.findFirst({ where: { workspaceId }, orderBy: { version: 'desc' } })) as RatingScaleRow | null;
}

export async function byVersion(db: DbClient | Tx, workspaceId: string, version: number): Promise<RatingScaleRow | null> {
  return (await db.ratingScale.findUnique({ where: { workspaceId_version: { workspaceId, version } } })) as RatingScaleRow | null;
}

export async function all(db: DbClient, workspaceId: string): Promise<RatingScaleRow[]> {
  return (await db.ratingScale.findMany({ where: { workspaceId }, orderBy: { version: 'desc' } })) as RatingScaleRow[];
}

export async function insert(tx: Tx, data: { workspaceId: string; version: number; definition: RatingScaleDefinition; createdById: string | null }): Promise<RatingScaleRow> {
  return (await tx.ratingScale.create({ data })) as RatingScaleRow;
}
