import type { Database } from '../../db/database';
import { runWrite, type UnitOfWork } from '../../write-path/unit-of-work';
import * as articles from '../articles/articles.repository';
import { sha256OfBody } from '../articles/articles.service';
import * as claims from '../claims/claims.repository';
import { searchTextOf } from '../claims/claims.service';
import * as evidence from '../evidence/evidence.repository';
import * as sources from '../sources/sources.repository';
import { systemActor } from '../workspaces/workspaces.service';
import { demoArticle, demoClaims, demoSources, readDemoBody } from './demo-data';

/**
 * Loads the demo article, its sources and claims into an empty workspace, in one transaction
 * with an audit event per row. Returns how many claims it loaded (0 when the workspace had data).
 */
export async function seedDemo(db: Database, workspaceId: string): Promise<number> {
  if ((await claims.countInWorkspace(db.reader, workspaceId)) > 0) return 0;
  const result = await runWrite(db, { actor: systemActor(workspaceId), requestId: 'demo-seed' }, async (uow) => {
    if ((await claims.countInWorkspace(uow.tx, workspaceId)) > 0) return { status: 200, body: 0 };
    const articleId = await insertArticle(uow, workspaceId);
    const sourceIds = new Map<string, string>();
    for (const source of demoSources) {
      const row = await sources.insert(uow.tx, workspaceId, {
        url: source.url,
        title: source.title,
        publisher: source.publisher,
        kind: source.kind,
        publishedAt: source.publishedAt ? new Date(source.publishedAt) : null,
        accessedAt: null,
        archiveUrl: source.archiveUrl ?? null,
      });
      sourceIds.set(source.key, row.id);
      await audit(uow, 'source.create', 'source', row.id, row);
    }
    for (const demo of demoClaims) {
      const claim = await claims.insert(uow.tx, workspaceId, {
        articleId,
        text: demo.text,
        searchText: searchTextOf({ text: demo.text, claimant: demo.claimant, quote: demo.quote }),
        language: demo.language,
        claimant: demo.claimant,
        claimDate: new Date(demo.claimDate),
        quote: demo.quote,
        quantities: demo.quantities,
        tags: demo.tags,
      });
      await audit(uow, 'claim.create', 'claim', claim.id, claim);
      for (const link of demo.evidence) {
        const row = await evidence.insert(uow.tx, workspaceId, {
          claimId: claim.id,
          sourceId: sourceIds.get(link.sourceKey) as string,
          stance: link.stance,
          excerpt: link.excerpt ?? null,
          note: link.note ?? null,
          createdById: null,
        });
        await audit(uow, 'evidence.create', 'evidence', row.id, row);
      }
    }
    return { status: 201, body: demoClaims.length };
  });
  return result.body ?? 0;
}

async function insertArticle(uow: UnitOfWork, workspaceId: string): Promise<string> {
  const body = readDemoBody();
  const row = await articles.insert(uow.tx, workspaceId, {
    url: demoArticle.url,
    title: demoArticle.title,
    publisher: demoArticle.publisher,
    language: demoArticle.language,
    publishedAt: new Date(demoArticle.publishedAt),
    body,
    bodySha256: sha256OfBody(body),
  });
  const { body: _body, ...summary } = row;
  await audit(uow, 'article.create', 'article', row.id, summary);
  return row.id;
}

function audit(uow: UnitOfWork, action: string, entityType: string, entityId: string, after: unknown) {
  return uow.audit({ action, entityType, entityId, before: null, after });
}
