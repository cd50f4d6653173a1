import type { Database, Tx } from '../../db/database';
import { AppError } from '../../core/errors';
import { runWrite, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import type { Actor } from '../../core/roles';
import * as scales from './rating-scales.repository';
import { DEFAULT_SCALE, type RatingScaleDefinition } from './rating-scales.schemas';

export interface RatingScaleView extends RatingScaleDefinition {
  version: number;
  createdAt: Date | null;
  createdBy: string | null;
}

const defaultView: RatingScaleView = { version: 1, ...DEFAULT_SCALE, createdAt: null, createdBy: null };

function present(row: scales.RatingScaleRow): RatingScaleView {
  return { version: row.version, ...row.definition, createdAt: row.createdAt, createdBy: row.createdById };
}

/** The scale a new review is made under: the latest published version, or the default. */
export async function currentScale(db: Tx | Database['reader'], workspaceId: string): Promise<RatingScaleView> {
  const row = await scales.latest(db, workspaceId);
  return row ? present(row) : defaultView;
}

/** A version of the workspace's scale, so an old review keeps the meaning it was made under. */
export async function scaleVersion(db: Tx | Database['reader'], workspaceId: string, version: number): Promise<RatingScaleView | null> {
  if (version === 1) return defaultView;
  const row = await scales.byVersion(db, workspaceId, version);
  return row ? present(row) : null;
}

export async function getScale(db: Database, actor: Actor, version: number): Promise<RatingScaleView> {
  const scale = await scaleVersion(db.reader, actor.workspaceId, version);
  if (!scale) throw AppError.notFound('rating scale version', String(version));
  return scale;
}

/** Every version, newest first (the default last). */
export async function listScales(db: Database, actor: Actor): Promise<{ data: RatingScaleView[]; nextCursor: null }> {
  return { data: [...(await scales.all(db.reader, actor.workspaceId)).map(present), defaultView], nextCursor: null };
}

/** Publishes the next version; earlier versions and the reviews made under them stay as they were. */
export async function publishScale(db: Database, context: WriteContext, definition: RatingScaleDefinition): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const version = ((await scales.latest(uow.tx, workspaceId))?.version ?? 1) + 1;
    const row = await scales.insert(uow.tx, { workspaceId, version, definition, createdById: uow.actor.keyId });
    const view = present(row);
    await uow.audit({ action: 'scale.publish', entityType: 'rating_scale', entityId: row.id, before: null, after: view });
    return { status: 201, body: view, version: row.version, location: `/v1/rating-scales/${row.version}` };
  });
}

/** The ClaimReview numbers of a rating under a scale (schema.org reviewRating). */
export function ratingOf(scale: RatingScaleView, key: string) {
  return scale.ratings.find((r) => r.key === key) ?? null;
}
