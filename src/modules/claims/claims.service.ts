import type { Database, Tx } from '../../db/database';
import type { Sql } from '../../db/sql';
import { AppError, type FieldError } from '../../core/errors';
import { decodeCursor, encodeCursor, type Page } from '../../http/pagination';
import { searchTerms } from '../../text/fold';
import { runWrite, type UnitOfWork, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import { z } from 'zod';
import type { Actor } from '../../core/roles';
import * as articles from '../articles/articles.repository';
import * as evidence from '../evidence/evidence.repository';
import { presentEvidence } from '../evidence/evidence.views';
import * as reviews from '../reviews/reviews.repository';
import { presentReview } from '../reviews/reviews.views';
import { assertPatchTransition, nextStatus, type WorkflowAction } from './claim-status';
import * as claims from './claims.repository';
import type { ClaimCreate, ClaimListQuery, ClaimStatus, ClaimUpdate } from './claims.schemas';
import { searchTiers } from './claims.search';
import { extractQuantities } from '../../text/quantities';
import { createAnchorer } from '../../text/quote-anchor';
import { quantityToken } from '../../text/similar';
import { presentClaim, type ClaimView } from './claims.views';
import { likelyDuplicates } from './claims.similar';

export type { ClaimView };

export async function countClaimsInWorkspace(db: Database['reader'] | Tx, workspaceId: string): Promise<number> {
  return claims.countInWorkspace(db, workspaceId);
}

/**
 * What a claim is searched by: its text, claimant and quote, folded (DESIGN §5), and a token per
 * quantity it states, so similar claims are found by amount across languages (DESIGN §12).
 */
export function searchTextOf(input: { text: string; claimant?: string | null; quote?: { exact: string } | null; quantities?: claims.Quantity[] }): string {
  const words = searchTerms([input.text, input.claimant ?? '', input.quote?.exact ?? ''].join('\n'));
  return [...words, ...new Set((input.quantities ?? []).map(quantityToken))].join(' ');
}

/** Quantities of the text and quote, each value once, in order of appearance. */
function quantitiesOf(text: string, quoteExact: string | undefined): claims.Quantity[] {
  // A claim's text is often its quote word for word: read it once.
  const found = [...extractQuantities(text), ...(quoteExact && quoteExact !== text ? extractQuantities(quoteExact) : [])];
  const seen = new Set<string>();
  return found.filter((q) => {
    const key = `${q.kind}|${q.unit}|${q.value}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

function toDate(value: string | null | undefined): Date | null {
  return value ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null;
}

/** Article bodies looked up once per request, with an anchorer each. */
class ArticleTexts {
  private readonly anchorers = new Map<string, ReturnType<typeof createAnchorer> | null>();
  constructor(
    private readonly sql: Sql,
    private readonly workspaceId: string,
  ) {}

  /** Loads the articles of many claims at once (a batch quotes hundreds of articles). */
  async preload(articleIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(articleIds)].filter((id) => !this.anchorers.has(id));
    const bodies = await articles.findBodies(this.sql, this.workspaceId, missing);
    for (const id of missing) {
      const body = bodies.get(id);
      this.anchorers.set(id, body === undefined ? null : createAnchorer(body));
    }
  }

  async anchorerFor(articleId: string) {
    if (!this.anchorers.has(articleId)) await this.preload([articleId]);
    return this.anchorers.get(articleId) ?? null;
  }
}

type ClaimShape = {
  text: string;
  language: string;
  claimant: string | null;
  claimDate: Date | null;
  articleId: string | null;
  quote: ClaimCreate['quote'] | claims.Quote | null;
  quantities?: claims.Quantity[];
  tags: string[];
};

/**
 * Checks a claim's references and anchors its quote; returns field errors instead of throwing,
 * so a batch can name every failing index.
 */
async function resolveClaim(
  texts: ArticleTexts,
  shape: ClaimShape,
  anchor = true,
): Promise<{ data: claims.ClaimData } | { errors: FieldError[] }> {
  const errors: FieldError[] = [];
  let quote = anchor ? null : (shape.quote as claims.Quote | null);
  if (shape.quote && !shape.articleId) errors.push({ path: 'quote', message: 'a quote needs the articleId of the article it quotes' });
  if (anchor && shape.articleId) {
    const anchor = await texts.anchorerFor(shape.articleId);
    if (!anchor) errors.push({ path: 'articleId', message: `no article with id ${shape.articleId}` });
    else if (shape.quote) {
      const anchored = anchor(shape.quote);
      if (anchored.ok) quote = anchored.quote;
      else errors.push({ path: 'quote', message: anchored.failure.message });
    }
  }
  if (errors.length > 0) return { errors };
  const quantities = shape.quantities ?? quantitiesOf(shape.text, quote?.exact);
  return {
    data: {
      articleId: shape.articleId,
      text: shape.text,
      searchText: searchTextOf({ text: shape.text, claimant: shape.claimant, quote, quantities }),
      language: shape.language,
      claimant: shape.claimant,
      claimDate: shape.claimDate,
      quote,
      quantities,
      tags: shape.tags,
    },
  };
}

function shapeOf(input: ClaimCreate): ClaimShape {
  return {
    text: input.text,
    language: input.language,
    claimant: input.claimant ?? null,
    claimDate: toDate(input.claimDate),
    articleId: input.articleId ?? null,
    quote: input.quote ?? null,
    quantities: input.quantities,
    tags: input.tags ?? [],
  };
}

/** Creates a claim inside a unit of work, its quote anchored (the API's POST and the demo seed). */
export async function insertClaim(uow: UnitOfWork, input: ClaimCreate): Promise<ClaimView> {
  const workspaceId = uow.actor.workspaceId;
  const resolved = await resolveClaim(new ArticleTexts(uow.sql, workspaceId), shapeOf(input));
  if ('errors' in resolved) {
    throw AppError.unprocessable('The claim does not fit its article.', resolved.errors.map((e) => ({ ...e, path: `body.${e.path}` })));
  }
  const view = presentClaim(await claims.insert(uow.sql, workspaceId, resolved.data));
  await uow.audit({ action: 'claim.create', entityType: 'claim', entityId: view.id, before: null, after: view });
  return view;
}

/**
 * `POST /claims`: the claim, answered with the existing claims it likely duplicates (`similar`),
 * looked up after the commit so the write path does not wait for it.
 */
export async function createClaim(db: Database, context: WriteContext, input: ClaimCreate): Promise<WriteResponse & { replayed: boolean }> {
  const response = await runWrite(db, context, async (uow) => {
    const view = await insertClaim(uow, input);
    return { status: 201, body: view, version: view.version, location: `/v1/claims/${view.id}` };
  });
  if (response.status !== 201 || !response.body) return response;
  return { ...response, body: { ...response.body, similar: await likelyDuplicates(db, context.actor, response.body) } };
}

/**
 * Up to 1,000 claims, all or nothing: every claim is checked (quotes included) before anything
 * is written, then all are written in one transaction. A failure names each failing index.
 */
export async function createClaims(db: Database, context: WriteContext, inputs: ClaimCreate[]): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const texts = new ArticleTexts(uow.sql, workspaceId);
    await texts.preload(inputs.flatMap((input) => (input.articleId ? [input.articleId] : [])));
    const prepared: claims.ClaimData[] = [];
    const errors: FieldError[] = [];
    for (const [index, input] of inputs.entries()) {
      const resolved = await resolveClaim(texts, shapeOf(input));
      if ('errors' in resolved) errors.push(...resolved.errors.map((e) => ({ path: `body.claims.${index}.${e.path}`, message: e.message })));
      else prepared.push(resolved.data);
    }
    if (errors.length > 0) {
      const indexes = [...new Set(errors.map((e) => Number(e.path.split('.')[2])))];
      throw AppError.unprocessable(`${indexes.length} of ${inputs.length} claims cannot be stored (index ${indexes.join(', ')}); none was stored.`, errors);
    }
    const created = (await claims.insertMany(uow.sql, workspaceId, prepared)).map(presentClaim);
    await uow.auditMany(created.map((view) => ({ action: 'claim.create', entityType: 'claim', entityId: view.id, before: null, after: view })));
    return { status: 201, body: { data: created } };
  });
}

/** The columns a claim read adds to the claim's own: its evidence and verdict history (JSON arrays). */
export function claimDetailColumns(sql: Sql): Record<'evidence' | 'verdictHistory', string> {
  return { evidence: evidence.evidenceColumn(sql, 'c'), verdictHistory: reviews.historyColumn(sql, 'c') };
}

/** A claim as `GET /v1/claims/:id` answers it, from its row and `claimDetailColumns`. */
export function presentClaimDetail(found: { row: claims.ClaimRow; extra: Record<'evidence' | 'verdictHistory', unknown> }) {
  return {
    ...presentClaim(found.row),
    evidence: evidence.fromColumn(found.extra.evidence).map(presentEvidence),
    verdictHistory: reviews.fromColumn(found.extra.verdictHistory).map(presentReview),
  };
}

/** A claim with its evidence and verdict history, read in one statement. */
export async function getClaim(db: Database, actor: Actor, id: string) {
  const found = await claims.findActiveWith(db.sql, actor.workspaceId, id, claimDetailColumns(db.sql));
  if (!found) throw AppError.notFound('claim', id);
  return presentClaimDetail(found);
}

/** A live claim of the workspace, or 404: for modules that hang things off claims. */
export async function requireClaim(sql: Sql, workspaceId: string, id: string): Promise<ClaimView> {
  const row = await claims.findActive(sql, workspaceId, id);
  if (!row) throw AppError.notFound('claim', id);
  return presentClaim(row);
}

export async function updateClaim(db: Database, context: WriteContext, id: string, patch: ClaimUpdate): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const { current, written: updated } = await uow.changeVersioned('claim', id, () => claims.findActive(uow.sql, workspaceId, id), async (current) => {
      if (patch.status !== undefined) assertPatchTransition(current.status as ClaimStatus, patch.status);

      const textChanged = patch.text !== undefined || patch.quote !== undefined || patch.articleId !== undefined;
      const shape: ClaimShape = {
        text: patch.text ?? current.text,
        language: patch.language ?? current.language,
        claimant: patch.claimant !== undefined ? patch.claimant : current.claimant,
        claimDate: patch.claimDate !== undefined ? toDate(patch.claimDate) : current.claimDate,
        articleId: patch.articleId !== undefined ? patch.articleId : current.articleId,
        // Moving a claim to another article drops a quote that was not re-sent: it quoted the old one.
        quote: patch.quote !== undefined ? patch.quote : patch.articleId !== undefined && patch.articleId !== current.articleId ? null : current.quote,
        // Quantities follow the text unless sent (DESIGN §3: extracted when the client sends none).
        quantities: patch.quantities ?? (textChanged ? undefined : current.quantities),
        tags: patch.tags ?? current.tags,
      };
      // Only a new quote or article is anchored again: an edit of tags must not fail because the
      // article was deleted since.
      const reanchor = patch.quote !== undefined || patch.articleId !== undefined;
      const resolved = await resolveClaim(new ArticleTexts(uow.sql, workspaceId), shape, reanchor);
      if ('errors' in resolved) {
        throw AppError.unprocessable('The claim does not fit its article.', resolved.errors.map((e) => ({ ...e, path: `body.${e.path}` })));
      }
      const newTags = [...new Set(resolved.data.tags)].sort();
      return claims.updateIfVersion(uow.sql, workspaceId, id, current.version, {
        ...resolved.data,
        // Tags are rewritten only when they change (current.tags is sorted and unique).
        tags: newTags.join('\n') === current.tags.join('\n') ? undefined : newTags,
        ...(patch.status !== undefined ? { status: patch.status } : {}),
      });
    });
    const view = presentClaim(updated);
    await uow.audit({ action: 'claim.update', entityType: 'claim', entityId: id, before: presentClaim(current), after: view });
    return { status: 200, body: view, version: updated.version };
  });
}

export async function deleteClaim(db: Database, context: WriteContext, id: string): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const { current } = await uow.changeVersioned(
      'claim',
      id,
      () => claims.findActive(uow.sql, workspaceId, id),
      (current) => claims.updateIfVersion(uow.sql, workspaceId, id, current.version, { deletedAt: new Date() }),
    );
    await uow.audit({ action: 'claim.delete', entityType: 'claim', entityId: id, before: presentClaim(current), after: null });
    return { status: 204 };
  });
}

type FilterQuery = Pick<ClaimListQuery, 'status' | 'verdict' | 'articleId' | 'claimant' | 'tag' | 'language' | 'updatedSince' | 'createdAfter' | 'createdBefore'>;

/** The list filters of DESIGN §5 as the repository takes them (the list and the exports share them). */
export function claimFilterOf(query: FilterQuery): claims.ClaimFilter {
  return {
    status: query.status,
    verdict: query.verdict,
    articleId: query.articleId,
    claimant: query.claimant,
    tag: query.tag,
    language: query.language,
    updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
    createdAfter: query.createdAfter ? new Date(query.createdAfter) : undefined,
    createdBefore: query.createdBefore ? new Date(query.createdBefore) : undefined,
  };
}

const cursorSchema = z.object({ sort: z.enum(['updatedAt', 'createdAt']), tier: z.number().int().min(0).max(3), at: z.iso.datetime(), id: z.string() });

/**
 * Lists claims newest first by `sort`. With `q`, matches come first by tier (phrase, all
 * terms, near), newest first within a tier; the cursor remembers the tier.
 */
export async function listClaims(db: Database, actor: Actor, query: ClaimListQuery): Promise<Page<ClaimView>> {
  const after = decodeCursor(query.cursor, cursorSchema);
  if (after && after.sort !== query.sort) {
    throw AppError.badRequest('This cursor belongs to another sort order.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
  }
  const filter = claimFilterOf(query);
  const position = after ? { at: new Date(after.at), id: after.id } : undefined;
  const tiers: Iterable<{ tier: number; ids?: string[] }> | AsyncIterable<{ tier: number; ids?: string[] }> =
    query.q === undefined ? [{ tier: 0 }] : searchTiers(db.sql, actor.workspaceId, searchTerms(query.q));

  const rows: { tier: number; row: claims.ClaimRow }[] = [];
  // Tiers are computed as the page needs them: leaving the loop early skips the rest.
  for await (const { tier, ids } of tiers) {
    if (after && tier > after.tier) continue;
    if (ids?.length === 0) continue;
    const need = query.limit + 1 - rows.length;
    const page = await claims.listPage(db.sql, actor.workspaceId, filter, query.sort, need, after && tier === after.tier ? position : undefined, ids);
    rows.push(...page.map((row) => ({ tier, row })));
    if (rows.length > query.limit) break;
  }
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(({ row }) => presentClaim(row)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort: query.sort, tier: last.tier, at: last.row[query.sort].toISOString(), id: last.row.id })
        : null,
  };
}

/**
 * Moves a claim by a workflow action inside the caller's unit of work: checks If-Match, the
 * transition, writes and audits it.
 */
export async function transitionClaim(
  uow: UnitOfWork,
  claimId: string,
  action: WorkflowAction,
  options: { verdict?: string } = {},
): Promise<ClaimView> {
  const workspaceId = uow.actor.workspaceId;
  const { current, written: updated } = await uow.changeVersioned(
    'claim',
    claimId,
    () => claims.findActive(uow.sql, workspaceId, claimId),
    (current) =>
      claims.updateIfVersion(uow.sql, workspaceId, claimId, current.version, {
        status: nextStatus(current.status as ClaimStatus, action),
        ...(options.verdict !== undefined ? { verdict: options.verdict } : {}),
      }),
  );
  const view = presentClaim(updated);
  await uow.audit({ action: `claim.${action}`, entityType: 'claim', entityId: claimId, before: presentClaim(current), after: view });
  return view;
}
