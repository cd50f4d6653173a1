import type { Tx } from '../../db/database';

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
  createdAt: Date;
}

export async function insert(tx: Tx, workspaceId: string, data: EvidenceData): Promise<EvidenceRow> {
  return tx.evidence.create({ data: { ...data, workspaceId } });
}
