import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { publicBaseUrl } from '../../config';
import { can } from '../../core/roles';
import { sendDownload } from '../../http/download';
import { defineRoute, type HeaderSpec, type RouteSpec } from '../../http/route';
import { claimReviewList } from '../claimreview/claimreview.schemas';
import { auditExportQuery, claimExportQuery, claimWithEvidenceView } from './exports.schemas';
import { auditEventUnion } from '../audit/audit.routes';

/** One line of an audit export: the event as `GET /v1/audit/events` gives it, with its workspace (the hash covers it). */
const auditExportLine = auditEventUnion({ workspaceId: z.string() }).meta({ id: 'AuditExportLine' });
import * as service from './exports.service';

const DOWNLOAD_HEADERS: Record<string, HeaderSpec> = {
  'Content-Disposition': { description: 'attachment; filename="<kind>-<workspace slug or id>-<UTC date>.<ext>"', required: true, pattern: '^attachment; filename="[A-Za-z0-9._-]+"$' },
};

const STREAMED =
  'Streamed from a keyset cursor, page by page, as fast as the client reads: the first bytes leave before the last row is read, and a client that disconnects stops the query. ' +
  'An error after the first bytes ends the transfer without its final chunk (a truncated file, never a complete-looking one).';

export function exportRoutes({ db, config, logger }: AppDeps): RouteSpec[] {
  const settings = () => ({ pageSize: config.EXPORT_PAGE_SIZE, publicBaseUrl: publicBaseUrl(config) });
  return [
    defineRoute({
      method: 'get',
      path: '/v1/exports/claims',
      summary: "Export the workspace's claims (CSV, NDJSON, JSON or ClaimReview JSON-LD), with the list filters",
      roles: can.read,
      query: claimExportQuery,
      response: {
        status: 200,
        description: `Every matching claim, oldest first. ${STREAMED} ndjson: one claim per line, as GET /v1/claims/:id answers it (the schema is that of a line); json: an array of the same; csv: RFC 4180, UTF-8 with BOM, CRLF, a header row; claimreview: schema.org ClaimReview of each published verdict.`,
        content: {
          'application/x-ndjson': claimWithEvidenceView,
          'application/json': z.array(claimWithEvidenceView),
          'text/csv': z.string().describe('Columns: id, status, verdict, text, language, claimant, claimDate, articleUrl, quote, quantities, tags, version, createdAt, updatedAt'),
          'application/ld+json': claimReviewList,
        },
        headers: DOWNLOAD_HEADERS,
      },
      handler: async ({ actor, query, req }, res) => {
        await sendDownload(req, res, logger, await service.exportClaims(db, actor, query, settings()));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/exports/audit',
      summary: 'Export the audit trail (NDJSON or CSV) in seq order, with the hash chain',
      roles: can.audit,
      query: auditExportQuery,
      response: {
        status: 200,
        description: `The events between from and to as one unbroken run of the chain, each with prevHash, hash and everything the hash covers. ${STREAMED} Check an NDJSON file offline with \`npx claimtrack verify-audit <file>\`.`,
        content: {
          'application/x-ndjson': auditExportLine,
          'text/csv': z.string().describe('Columns: workspaceId, seq, at, actorKeyId, actorName, actorRole, action, entityType, entityId, before, after (JSON), requestId, prevHash, hash'),
        },
        headers: DOWNLOAD_HEADERS,
      },
      handler: async ({ actor, query, req }, res) => {
        await sendDownload(req, res, logger, await service.exportAudit(db, actor, query, settings()));
      },
    }),
  ];
}
