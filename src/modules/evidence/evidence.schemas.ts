import { z } from 'zod';
import { pageQuery } from '../../http/pagination';
import { id, pageOf, timestampOut, version } from '../../http/schemas';
import { SOURCE_KINDS } from '../sources/sources.schemas';

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

/** An evidence link as the API answers it, with the essentials of its source. */
export const evidenceView = z
  .strictObject({
    id,
    claimId: id,
    sourceId: id,
    stance: z.enum(STANCES),
    excerpt: z.string().nullable(),
    note: z.string().nullable(),
    createdById: id.nullable().describe('The API key that linked it; null when claimtrack did'),
    version,
    createdAt: timestampOut,
    source: z.strictObject({
      id,
      url: z.string(),
      title: z.string(),
      publisher: z.string().nullable(),
      kind: z.enum(SOURCE_KINDS),
      archiveUrl: z.string().nullable(),
    }),
  })
  .meta({ id: 'Evidence' });

export const evidencePage = pageOf(evidenceView);
