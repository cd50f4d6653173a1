import type { Database } from '../../db/database';
import { asInt, asIsoText, asIsoTextOrNull, asJson, asJsonText, type Sql } from '../../db/sql';
import type { Download, DownloadProgress } from '../../http/download';
import type { Actor } from '../../core/roles';
import { searchTerms } from '../../text/fold';
import * as articles from '../articles/articles.repository';
import { exportedEvents, type ExportedAuditEvent } from '../audit/audit.service';
import * as claims from '../claims/claims.repository';
import * as evidence from '../evidence/evidence.repository';
import * as reviews from '../reviews/reviews.repository';
import { searchTiers } from '../claims/claims.search';
import { claimFilterOf } from '../claims/claims.service';
import { ClaimReviewWriter, verdictColumns } from '../claimreview/claimreview.service';
import { getWorkspace } from '../workspaces/workspaces.service';
import { csv, encodePages, jsonArray, ndjson } from './exports.formats';
import { AUDIT_CSV_COLUMNS, CLAIM_CSV_COLUMNS, type AuditExportQuery, type ClaimExportQuery } from './exports.schemas';

/** What an export needs besides the request: page size and where readers reach the server. */
export interface ExportSettings {
  pageSize: number;
  publicBaseUrl: string;
}

/**
 * The workspace's claims matching `query`'s filters, page after page, oldest first by
 * (createdAt, id) — a key no write changes, so every claim live throughout is read exactly once.
 * With `q`, the search's matches (the same tiers, and the same cap per tier, as `GET /v1/claims`)
 * in tier order. Each page is one statement, `readPage` (`claims.exportRawPage` or
 * `exportViewPage`); on PostgreSQL the next page is read while the caller encodes this one (at
 * most one page ahead). Always yields a first page.
 */
async function* claimPages<R extends { id: string; createdAt: unknown }>(
  db: Database,
  actor: Actor,
  query: ClaimExportQuery,
  pageSize: number,
  readPage: (filter: claims.ClaimFilter, take: number, after?: claims.ClaimPosition, ids?: string[]) => Promise<R[]>,
  filterExtra: claims.ClaimFilter = {},
): AsyncGenerator<R[]> {
  const filter = { ...claimFilterOf(query), ...filterExtra };
  const readAhead = db.sql.dialect === 'postgres';
  const tiers: Iterable<{ ids?: string[] }> | AsyncIterable<{ ids?: string[] }> = query.q === undefined ? [{}] : searchTiers(db.sql, actor.workspaceId, searchTerms(query.q));
  let yielded = false;
  for await (const { ids } of tiers) {
    if (ids?.length === 0) continue;
    const read = (after?: claims.ClaimPosition) => {
      const page = readPage(filter, pageSize, after, ids);
      page.catch(() => undefined); // a read ahead that fails after the client left is no unhandled rejection
      return page;
    };
    for (let next = read(); ; ) {
      const page = await next;
      const last = page.at(-1);
      const more = page.length === pageSize && last !== undefined;
      // PostgreSQL: the next page is read while this one is encoded and sent. SQLite's driver is
      // synchronous (a read ahead would only run sooner), so there it is read when asked for.
      if (more && readAhead) next = read(claims.positionOf(last));
      if (page.length > 0 || !yielded) yield page;
      yielded = true;
      if (!more) break;
      if (!readAhead) next = read(claims.positionOf(last));
    }
  }
  if (!yielded) yield [];
}

/** `pages` with each page mapped by `map` (which may read more, e.g. rating scales). */
async function* mapPages<A, B>(pages: AsyncIterable<A[]>, map: (page: A[]) => B[] | Promise<B[]>): AsyncGenerator<B[]> {
  for await (const page of pages) yield await map(page);
}

/** A CSV record: the cells of a row, in its columns' order. */
type CsvRecord = (string | number | null)[];

/**
 * A raw claim row as its CSV record, in `CLAIM_CSV_COLUMNS` order: JSON columns as their JSON
 * text, DateTimes as ISO text, tags joined by `, `. Straight from the driver's values, with no
 * ClaimRow, Date or parsed JSON in between (an export writes millions).
 */
function claimCsvRecord(raw: claims.RawClaim): CsvRecord {
  const quote = asJsonText(raw.quote);
  return [
    raw.id as string,
    raw.status as string,
    (raw.verdict as string | null) ?? null,
    raw.text as string,
    raw.language as string,
    (raw.claimant as string | null) ?? null,
    asIsoTextOrNull(raw.claimDate),
    (raw.articleUrl as string | null) ?? null,
    quote === 'null' ? null : quote,
    asJsonText(raw.quantities) ?? '[]',
    (asJson<string[]>(raw.tags) ?? []).join(', '),
    asInt(raw.version),
    asIsoText(raw.createdAt),
    asIsoText(raw.updatedAt),
  ];
}

/**
 * A page of claims as `GET /v1/claims/:id` answers each (`presentClaimDetail`), as JSON text: each
 * claim's view as the database built it (`claims.exportViewPage`), and its evidence and verdict
 * history, read for the whole page in two statements (a subquery per claim made the page's
 * statement cost twice the claims' own read), spliced in as the last two members.
 */
async function claimDetailJsonPage(sql: Sql, workspaceId: string, page: claims.ClaimViewJson[]): Promise<string[]> {
  const ids = page.map((claim) => claim.id);
  const [evidenceOf, historyOf] = await Promise.all([evidence.listJsonForClaims(sql, workspaceId, ids), reviews.historyJsonForClaims(sql, workspaceId, ids)]);
  return page.map((claim) => `${claim.view.slice(0, -1)},"evidence":${evidenceOf.get(claim.id) ?? '[]'},"verdictHistory":${historyOf.get(claim.id) ?? '[]'}}`);
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
 * answers it (the claims' views built by the database, their evidence and verdict histories read
 * for the whole page in two more statements: `claimDetailJsonPage`).
 * claimreview: the ClaimReview of each claim with a published verdict.
 */
export async function exportClaims(db: Database, actor: Actor, query: ClaimExportQuery, settings: ExportSettings): Promise<Download> {
  const workspace = await getWorkspace(db, actor, actor.workspaceId);
  const progress: DownloadProgress = { rows: 0, pages: 0 };
  const { format } = query;
  const rawPages = (extra: Record<string, string>, filterExtra?: claims.ClaimFilter) =>
    claimPages(db, actor, query, settings.pageSize, (filter, take, after, ids) => claims.exportRawPage(db.sql, actor.workspaceId, filter, take, extra, after, ids), filterExtra);
  let chunks: AsyncGenerator<string>;
  if (format === 'csv') {
    const pages = rawPages({ articleUrl: articles.urlColumn('c') });
    chunks = encodePages(mapPages(pages, (page) => page.map(claimCsvRecord)), csv<CsvRecord>(CLAIM_CSV_COLUMNS), progress);
  } else if (format === 'claimreview') {
    const writer = new ClaimReviewWriter(db, workspace, settings.publicBaseUrl);
    const columns = verdictColumns(db.sql);
    const names = Object.keys(columns) as (keyof typeof columns)[];
    const pages = rawPages(columns, { withVerdict: true });
    chunks = encodePages(mapPages(pages, (page) => writer.build(page.map((raw) => claims.withExtra(raw, names)))), jsonArray(), progress);
  } else {
    const pages = claimPages(db, actor, query, settings.pageSize, (filter, take, after, ids) => claims.exportViewPage(db.sql, actor.workspaceId, filter, take, after, ids));
    const asText = (text: string) => text;
    const encoder = format === 'json' ? jsonArray(asText) : ndjson(asText);
    chunks = encodePages(mapPages(pages, (page) => claimDetailJsonPage(db.sql, actor.workspaceId, page)), encoder, progress);
  }
  return { contentType: CONTENT_TYPES[format], filename: fileName('claims', workspace, EXTENSIONS[format]), chunks, progress, label: `claims.${format}` };
}

/** An exported event as its CSV record, in `AUDIT_CSV_COLUMNS` order. */
function auditCsvRecord(event: ExportedAuditEvent): CsvRecord {
  return [
    event.workspaceId,
    event.seq,
    event.at,
    event.actor.keyId,
    event.actor.name,
    event.actor.role,
    event.action,
    event.entityType,
    event.entityId,
    JSON.stringify(event.before ?? null),
    JSON.stringify(event.after ?? null),
    event.requestId,
    event.prevHash,
    event.hash,
  ];
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
      ? encodePages(mapPages(pages, (page) => page.map(auditCsvRecord)), csv<CsvRecord>(AUDIT_CSV_COLUMNS), progress)
      : encodePages(pages, ndjson<ExportedAuditEvent>(), progress);
  return {
    contentType: CONTENT_TYPES[query.format],
    filename: fileName('audit', workspace, query.format),
    chunks,
    progress,
    label: `audit.${query.format}`,
  };
}
