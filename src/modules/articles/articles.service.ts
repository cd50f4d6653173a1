import { createHash } from 'node:crypto';
import type { Database, Tx } from '../../db/database';
import { AppError } from '../../core/errors';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import { runWrite, type UnitOfWork, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import { z } from 'zod';
import type { Actor } from '../../core/roles';
import * as claims from '../claims/claims.repository';
import { presentClaim, type ClaimView } from '../claims/claims.views';
import * as articles from './articles.repository';
import type { ArticleCreate, ArticleUpdate, articleSummaryView, articleView, candidateList } from './articles.schemas';
import type { Served } from '../../http/schemas';
import { rankCandidates } from '../../text/candidates';

export type ArticleView = Served<typeof articleView>;
export type ArticleSummary = Served<typeof articleSummaryView>;
export type CandidateList = Served<typeof candidateList>;

function present<T extends articles.ArticleSummaryRow>(row: T): Omit<T, 'workspaceId' | 'deletedAt'> {
  const { workspaceId: _w, deletedAt: _d, ...view } = row;
  return view;
}

export function sha256OfBody(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

function toData(input: ArticleCreate): articles.ArticleData {
  return {
    url: input.url,
    title: input.title,
    publisher: input.publisher ?? null,
    language: input.language,
    publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
    body: input.body,
    bodySha256: sha256OfBody(input.body),
  };
}

async function assertUrlFree(tx: Tx, workspaceId: string, url: string, exceptId?: string) {
  const existing = await articles.findByUrl(tx, workspaceId, url);
  if (existing && existing.id !== exceptId) {
    throw AppError.conflict(
      existing.deletedAt ? `A deleted article had the url ${url}; urls stay reserved.` : `An article with the url ${url} already exists.`,
      { existingId: existing.id },
    );
  }
}

/** Creates an article inside a unit of work (the API's POST and the demo seed). */
export async function insertArticle(uow: UnitOfWork, input: ArticleCreate): Promise<ArticleView> {
  await assertUrlFree(uow.tx, uow.actor.workspaceId, input.url);
  const view = present(await articles.insert(uow.tx, uow.actor.workspaceId, toData(input)));
  await uow.audit({ action: 'article.create', entityType: 'article', entityId: view.id, before: null, after: view });
  return view;
}

export async function createArticle(db: Database, context: WriteContext, input: ArticleCreate): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const view = await insertArticle(uow, input);
    return { status: 201, body: view, version: view.version, location: `/v1/articles/${view.id}` };
  });
}

export async function getArticle(db: Database, actor: Actor, id: string): Promise<ArticleView & { claims: ClaimView[] }> {
  const row = await articles.findActive(db.reader, actor.workspaceId, id);
  if (!row) throw AppError.notFound('article', id);
  return { ...present(row), claims: (await claims.listForArticle(db.sql, actor.workspaceId, id)).map(presentClaim) };
}

/**
 * The article's sentences ranked by check-worthiness (DESIGN §12), each with the claim already
 * anchored there. Claims are read through their repository: articles sit below claims.
 */
export async function listCandidates(db: Database, actor: Actor, id: string, limit: number): Promise<CandidateList> {
  const row = await articles.findActive(db.reader, actor.workspaceId, id);
  if (!row) throw AppError.notFound('article', id);
  const anchored = (await claims.listForArticle(db.sql, actor.workspaceId, id)).flatMap((claim) =>
    claim.quote ? [{ id: claim.id, start: claim.quote.start, end: claim.quote.end }] : [],
  );
  return { data: rankCandidates(row.body, row.language, { limit, claims: anchored }) };
}

const cursorSchema = z.object({ id: z.string() });

export async function listArticles(db: Database, actor: Actor, query: { limit: number; cursor?: string; language?: string }): Promise<Page<ArticleSummary>> {
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await articles.listPage(db.reader, actor.workspaceId, { language: query.language }, query.limit + 1, after?.id);
  return toPage(rows, query.limit, present, (row) => ({ id: row.id }));
}

export async function updateArticle(db: Database, context: WriteContext, id: string, patch: ArticleUpdate): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const { current, written: updated } = await uow.changeVersioned('article', id, () => articles.findActive(uow.tx, workspaceId, id), async (current) => {
      if (patch.url !== undefined && patch.url !== current.url) await assertUrlFree(uow.tx, workspaceId, patch.url, id);
      const data: Partial<articles.ArticleData> = {};
      if (patch.url !== undefined) data.url = patch.url;
      if (patch.title !== undefined) data.title = patch.title;
      if (patch.publisher !== undefined) data.publisher = patch.publisher;
      if (patch.language !== undefined) data.language = patch.language;
      if (patch.publishedAt !== undefined) data.publishedAt = patch.publishedAt ? new Date(patch.publishedAt) : null;
      if (patch.body !== undefined && patch.body !== current.body) {
        const quoting = await claims.countForArticle(uow.tx, workspaceId, id);
        if (quoting > 0) {
          throw AppError.unprocessable(`The body cannot change while ${quoting} claims quote it by position; delete or move those claims first.`);
        }
        data.body = patch.body;
        data.bodySha256 = sha256OfBody(patch.body);
      }
      return articles.updateIfVersion(uow.tx, workspaceId, id, current.version, data);
    });
    const view = present(updated);
    await uow.audit({ action: 'article.update', entityType: 'article', entityId: id, before: present(current), after: view });
    return { status: 200, body: view, version: updated.version };
  });
}

export async function deleteArticle(db: Database, context: WriteContext, id: string): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const { current } = await uow.changeVersioned(
      'article',
      id,
      () => articles.findActive(uow.tx, workspaceId, id),
      (current) => articles.updateIfVersion(uow.tx, workspaceId, id, current.version, { deletedAt: new Date() }),
    );
    await uow.audit({ action: 'article.delete', entityType: 'article', entityId: id, before: present(current), after: null });
    return { status: 204 };
  });
}
