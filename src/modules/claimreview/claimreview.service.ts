import { z } from 'zod';
import type { Database } from '../../db/database';
import type { Sql } from '../../db/sql';
import { AppError } from '../../core/errors';
import { decodeCursor, encodeCursor, type Page } from '../../http/pagination';
import * as articles from '../articles/articles.repository';
import * as claims from '../claims/claims.repository';
import { scaleVersion, type RatingScaleView } from '../rating-scales/rating-scales.service';
import * as reviews from '../reviews/reviews.repository';
import { findByIdOrSlug, type WorkspaceRow } from '../workspaces/workspaces.service';
import { buildClaimReview, type ClaimReviewView, type Publisher } from './claimreview.build';
import type { PublicFeedQuery } from './claimreview.schemas';

export type { ClaimReviewView };

/** The claim columns a ClaimReview is built from, besides the claim's own (one statement per page). */
export function verdictColumns(sql: Sql): Record<'verdictHistory' | 'articleUrl', string> {
  return { verdictHistory: reviews.historyColumn(sql, 'c'), articleUrl: articles.urlColumn('c') };
}

type VerdictRow = { row: claims.ClaimRow; extra: Record<'verdictHistory' | 'articleUrl', unknown> };

/**
 * Builds the ClaimReviews of one workspace's claims, reading each rating scale version once
 * (a review keeps the version it was made under).
 */
export class ClaimReviewWriter {
  private readonly scales = new Map<number, RatingScaleView | null>();
  private readonly publisher: Publisher;

  constructor(
    private readonly db: Database,
    private readonly workspace: WorkspaceRow,
    publicBaseUrl: string,
  ) {
    this.publisher = { name: workspace.name, homepageUrl: workspace.homepageUrl, claimReviewUrlTemplate: workspace.claimReviewUrlTemplate, publicBaseUrl };
  }

  /** The ClaimReviews of `rows` (read with `verdictColumns`), in order; claims without a published verdict are left out. */
  async build(rows: VerdictRow[]): Promise<ClaimReviewView[]> {
    const verdicts = rows.map(({ row, extra }) => ({ claim: row, history: reviews.fromColumn(extra.verdictHistory), articleUrl: (extra.articleUrl as string | null) ?? null }));
    for (const version of new Set(verdicts.flatMap((v) => v.history.map((review) => review.scaleVersion)))) {
      if (!this.scales.has(version)) this.scales.set(version, await scaleVersion(this.db.reader, this.workspace.id, version));
    }
    return verdicts.flatMap((verdict) => buildClaimReview(verdict, this.publisher, (version) => this.scales.get(version) ?? null) ?? []);
  }
}

async function publicWorkspace(db: Database, idOrSlug: string): Promise<WorkspaceRow> {
  const workspace = await findByIdOrSlug(db, idOrSlug);
  if (!workspace) throw new AppError(404, 'not-found', 'Not found', `No workspace with the id or slug ${idOrSlug}.`);
  return workspace;
}

const cursorSchema = z.object({ at: z.iso.datetime(), id: z.string() });

/**
 * `GET /v1/public/claimreview`: a workspace's published verdicts as ClaimReview, latest decision
 * first, in keyset pages. Two statements a page: the page's published reviews, then their claims.
 */
export async function publicFeed(db: Database, publicBaseUrl: string, query: PublicFeedQuery): Promise<Page<ClaimReviewView>> {
  const after = decodeCursor(query.cursor, cursorSchema);
  const workspace = await publicWorkspace(db, query.workspace);
  const keys = await reviews.publishedPage(db.sql, workspace.id, query.limit + 1, after && { at: new Date(after.at), id: after.id });
  const pageKeys = keys.slice(0, query.limit);
  const found = new Map((await claims.findManyWith(db.sql, workspace.id, pageKeys.map((key) => key.claimId), verdictColumns(db.sql))).map((row) => [row.row.id, row]));
  const rows = pageKeys.flatMap((key) => found.get(key.claimId) ?? []);
  const last = pageKeys.at(-1);
  return {
    data: await new ClaimReviewWriter(db, workspace, publicBaseUrl).build(rows),
    nextCursor: keys.length > query.limit && last ? encodeCursor({ at: last.decidedAt.toISOString(), id: last.id }) : null,
  };
}

/**
 * `GET /v1/public/claimreview/:claimId`: one published verdict, whichever workspace holds it.
 * Unknown, deleted and unpublished claims answer alike (404): nothing about them leaks.
 */
export async function publicClaimReview(db: Database, publicBaseUrl: string, claimId: string): Promise<ClaimReviewView> {
  const notFound = () => AppError.notFound('published verdict for claim', claimId);
  const workspaceId = await claims.workspaceOf(db.sql, claimId);
  const workspace = workspaceId ? await findByIdOrSlug(db, workspaceId) : null;
  if (!workspaceId || !workspace) throw notFound();
  const found = await claims.findActiveWith(db.sql, workspaceId, claimId, verdictColumns(db.sql));
  const [review] = found ? await new ClaimReviewWriter(db, workspace, publicBaseUrl).build([found]) : [];
  if (!review) throw notFound();
  return review;
}
