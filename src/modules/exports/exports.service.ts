import type { Database } from '../../db/database';
import type { Download, DownloadProgress } from '../../http/download';
import type { Actor } from '../../core/roles';
import { searchTerms } from '../../text/fold';
import * as articles from '../articles/articles.repository';
import { exportedEvents, type ExportedAuditEvent } from '../audit/audit.service';
import * as claims from '../claims/claims.repository';
import { searchTiers } from '../claims/claims.search';
import { claimDetailColumns, claimFilterOf, presentClaimDetail } from '../claims/claims.service';
import { ClaimReviewWriter, verdictColumns } from '../claimreview/claimreview.service';
import { getWorkspace } from '../workspaces/workspaces.service';
import { csv, encodePages, jsonArray, ndjson, type Encoder } from './exports.formats';
import { AUDIT_CSV_COLUMNS, CLAIM_CSV_COLUMNS, type AuditExportQuery, type ClaimExportQuery } from './exports.schemas';

/** What an export needs besides the request: page size and where readers reach the server. */
export interface ExportSettings {
  pageSize: number;
  publicBaseUrl: string;
}

type Extra<K extends string> = Record<K, string>;
type Found<K extends string> = { row: claims.ClaimRow; extra: Record<K, unknown> };

/**
 * The workspace's claims matching `query`'s filters, page after page, oldest first by
 * (createdAt, id) — a key no write changes, so every claim live throughout is read exactly once.
 * With `q`, the search's matches (the same tiers, and the same cap per tier, as `GET /v1/claims`)
 * in tier order. Each page is one statement, with `extra` columns. Always yields a first page.
 */
async function* claimPages<K extends string>(db: Database, actor: Actor, query: ClaimExportQuery, extra: Extra<K>, pageSize: number, filterExtra: claims.ClaimFilter = {}): AsyncGenerator<Found<K>[]> {
  const filter = { ...claimFilterOf(query), ...filterExtra };
  const tiers: Iterable<{ ids?: string[] }> | AsyncIterable<{ ids?: string[] }> = query.q === undefined ? [{}] : searchTiers(db.sql, actor.workspaceId, searchTerms(query.q));
  let yielded = false;
  for await (const { ids } of tiers) {
    if (ids?.length === 0) continue;
    for (let after: claims.ClaimPosition | undefined; ; ) {
      const page = await claims.exportPage(db.sql, actor.workspaceId, filter, pageSize, extra, after, ids);
      if (page.length > 0 || !yielded) yield page;
      yielded = true;
      const last = page.at(-1);
      if (page.length < pageSize || !last) break;
      after = { at: last.row.createdAt, id: last.row.id };
    }
  }
  if (!yielded) yield [];
}

/** `pages` with each page mapped by `map` (which may read more, e.g. rating scales). */
async function* mapPages<A, B>(pages: AsyncIterable<A[]>, map: (page: A[]) => B[] | Promise<B[]>): AsyncGenerator<B[]> {
  for await (const page of pages) yield await map(page);
}

type ClaimCsvRecord = Record<(typeof CLAIM_CSV_COLUMNS)[number], string | number | null>;

function claimCsvRecord({ row, extra }: Found<'articleUrl'>): ClaimCsvRecord {
  return {
    id: row.id,
    status: row.status,
    verdict: row.verdict,
    text: row.text,
    language: row.language,
    claimant: row.claimant,
    claimDate: row.claimDate?.toISOString() ?? null,
    articleUrl: (extra.articleUrl as string | null) ?? null,
    quote: row.quote ? JSON.stringify(row.quote) : null,
    quantities: JSON.stringify(row.quantities),
    tags: row.tags.join(', '),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const EXTENSIONS = { csv: 'csv', ndjson: 'ndjson', json: 'json', claimreview: 'jsonld' } as const;
const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8; header=present',
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
  claimreview: 'application/ld+json; charset=utf-8',
} as const;

/** `claims-<workspace slug or id>-<UTC date>.<ext>`. */
function fileName(kind: string, workspace: { id: string; slug: string | null }, extension: string): string {
  return `${kind}-${workspace.slug ?? workspace.id}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

/**
 * `GET /v1/exports/claims`: the workspace's claims in `query.format`, as a download produced
 * page by page (`sendDownload` streams it). ndjson and json: each claim as `GET /v1/claims/:id`
 * answers it (evidence and verdict history read as columns of the page's one statement).
 * claimreview: the ClaimReview of each claim with a published verdict.
 */
export async function exportClaims(db: Database, actor: Actor, query: ClaimExportQuery, settings: ExportSettings): Promise<Download> {
  const workspace = await getWorkspace(db, actor, actor.workspaceId);
  const progress: DownloadProgress = { rows: 0, pages: 0 };
  const { format } = query;
  let chunks: AsyncGenerator<string>;
  if (format === 'csv') {
    const pages = claimPages(db, actor, query, { articleUrl: articles.urlColumn('c') }, settings.pageSize);
    chunks = encodePages(mapPages(pages, (page) => page.map(claimCsvRecord)), csv<ClaimCsvRecord>(CLAIM_CSV_COLUMNS), progress);
  } else if (format === 'claimreview') {
    const writer = new ClaimReviewWriter(db, workspace, settings.publicBaseUrl);
    const pages = claimPages(db, actor, query, verdictColumns(db.sql), settings.pageSize, { withVerdict: true });
    chunks = encodePages(mapPages(pages, (page) => writer.build(page)), jsonArray(), progress);
  } else {
    const pages = claimPages(db, actor, query, claimDetailColumns(db.sql), settings.pageSize);
    const encoder: Encoder<unknown> = format === 'json' ? jsonArray() : ndjson();
    chunks = encodePages(mapPages(pages, (page) => page.map(presentClaimDetail)), encoder, progress);
  }
  return { contentType: CONTENT_TYPES[format], filename: fileName('claims', workspace, EXTENSIONS[format]), chunks, progress, label: `claims.${format}` };
}

type AuditCsvRecord = Record<(typeof AUDIT_CSV_COLUMNS)[number], string | number | null>;

function auditCsvRecord(event: ExportedAuditEvent): AuditCsvRecord {
  return {
    workspaceId: event.workspaceId,
    seq: event.seq,
    at: event.at,
    actorKeyId: event.actor.keyId,
    actorName: event.actor.name,
    actorRole: event.actor.role,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: JSON.stringify(event.before ?? null),
    after: JSON.stringify(event.after ?? null),
    requestId: event.requestId,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/**
 * `GET /v1/exports/audit`: the audit trail between `from` and `to`, in seq order, with every
 * member its hash covers, so that `claimtrack verify-audit` can recompute the chain offline.
 */
export async function exportAudit(db: Database, actor: Actor, query: AuditExportQuery, settings: ExportSettings): Promise<Download> {
  const workspace = await getWorkspace(db, actor, actor.workspaceId);
  const progress: DownloadProgress = { rows: 0, pages: 0 };
  const range = { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined };
  const pages = exportedEvents(db, actor.workspaceId, range, settings.pageSize);
  const chunks =
    query.format === 'csv'
      ? encodePages(mapPages(pages, (page) => page.map(auditCsvRecord)), csv<AuditCsvRecord>(AUDIT_CSV_COLUMNS), progress)
      : encodePages(pages, ndjson<ExportedAuditEvent>(), progress);
  return {
    contentType: CONTENT_TYPES[query.format],
    filename: fileName('audit', workspace, query.format),
    chunks,
    progress,
    label: `audit.${query.format}`,
  };
}
