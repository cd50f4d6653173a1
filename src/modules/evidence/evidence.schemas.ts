import { z } from 'zod';
import { pageQuery } from '../../http/pagination';
import { id } from '../../http/schemas';

export const STANCES = ['supports', 'refutes', 'context'] as const;

export const evidenceCreate = z.strictObject({
  sourceId: id,
  stance: z.enum(STANCES),
  /** The words of the source that bear on the claim. */
  excerpt: z.string().trim().min(1).max(10_000).nullable().optional(),
  note: z.string().trim().min(1).max(5000).nullable().optional(),
});
export type EvidenceCreate = z.infer<typeof evidenceCreate>;

export const claimParams = z.strictObject({ id });
export const evidenceParams = z.strictObject({ id, evidenceId: id });
export const evidenceListQuery = pageQuery.strict();
