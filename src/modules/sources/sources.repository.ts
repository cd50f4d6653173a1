import type { Tx } from '../../db/database';

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
