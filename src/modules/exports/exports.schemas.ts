import { z } from 'zod';
import { timestamp } from '../../http/schemas';
import { claimListQuery, claimWithEvidenceView } from '../claims/claims.schemas';

export const CLAIM_EXPORT_FORMATS = ['csv', 'ndjson', 'json', 'claimreview'] as const;
export type ClaimExportFormat = (typeof CLAIM_EXPORT_FORMATS)[number];
export const AUDIT_EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** The list filters of `GET /v1/claims` (DESIGN §5), without its paging and sort: an export is every match. */
export const claimExportQuery = claimListQuery
  .pick({ q: true, status: true, verdict: true, articleId: true, claimant: true, tag: true, language: true, updatedSince: true, createdAfter: true, createdBefore: true })
  .extend({
    format: z.enum(CLAIM_EXPORT_FORMATS).default('ndjson').describe('csv (UTF-8 with BOM, CRLF), ndjson (one claim per line), json (one array), claimreview (JSON-LD of published verdicts)'),
  })
  .strict();
export type ClaimExportQuery = z.infer<typeof claimExportQuery>;

export const auditExportQuery = z
  .strictObject({
    format: z.enum(AUDIT_EXPORT_FORMATS).default('ndjson').describe('ndjson (what `claimtrack verify-audit` checks) or csv'),
    from: timestamp.optional().describe('inclusive: the first event at or after this time'),
    to: timestamp.optional().describe('exclusive'),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { path: ['to'], message: 'must be after from' });
export type AuditExportQuery = z.infer<typeof auditExportQuery>;


/** The `csv` column order of a claims export (DESIGN §7). */
export const CLAIM_CSV_COLUMNS = ['id', 'status', 'verdict', 'text', 'language', 'claimant', 'claimDate', 'articleUrl', 'quote', 'quantities', 'tags', 'version', 'createdAt', 'updatedAt'] as const;
export const AUDIT_CSV_COLUMNS = ['workspaceId', 'seq', 'at', 'actorKeyId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'prevHash', 'hash'] as const;

export { claimWithEvidenceView };
