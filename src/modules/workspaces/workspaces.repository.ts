import type { DbClient, Tx } from '../../db/database';

export interface WorkspaceRow {
  id: string;
  name: string;
  fourEyes: boolean;
  slug: string | null;
  homepageUrl: string | null;
  claimReviewUrlTemplate: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const columns = { id: true, name: true, fourEyes: true, slug: true, homepageUrl: true, claimReviewUrlTemplate: true, version: true, createdAt: true, updatedAt: true } as const;

/** The first workspace is the oldest: ids are UUIDv7, so the smallest id. */
export async function findFirst(db: DbClient | Tx): Promise<WorkspaceRow | null> {
  return db.workspace.findFirst({ orderBy: { id: 'asc' }, select: columns });
}

export async function insert(tx: Tx, data: { name: string }): Promise<WorkspaceRow> {
  return tx.workspace.create({ data, select: columns });
}

export async function findById(db: DbClient | Tx, id: string): Promise<WorkspaceRow | null> {
  return db.workspace.findUnique({ where: { id }, select: columns });
}

export async function findBySlug(db: DbClient | Tx, slug: string): Promise<WorkspaceRow | null> {
  return db.workspace.findUnique({ where: { slug }, select: columns });
}

export type WorkspaceChange = Partial<Pick<WorkspaceRow, 'name' | 'fourEyes' | 'slug' | 'homepageUrl' | 'claimReviewUrlTemplate'>>;

/** Applies `data` only if the workspace still has `version`; null when another write got there first. */
export async function updateIfVersion(tx: Tx, id: string, version: number, data: WorkspaceChange): Promise<WorkspaceRow | null> {
  const [row] = await tx.workspace.updateManyAndReturn({
    where: { id, version },
    data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
    select: columns,
  });
  return row ?? null;
}
