import type { Database } from '../../db/database';
import { runWrite } from '../../write-path/unit-of-work';
import { articleCreate } from '../articles/articles.schemas';
import { insertArticle } from '../articles/articles.service';
import { claimCreate } from '../claims/claims.schemas';
import { countClaimsInWorkspace, insertClaim } from '../claims/claims.service';
import { evidenceCreate } from '../evidence/evidence.schemas';
import { linkEvidence } from '../evidence/evidence.service';
import { sourceCreate } from '../sources/sources.schemas';
import { insertSource } from '../sources/sources.service';
import { systemActor } from '../workspaces/workspaces.service';
import { demoArticle, demoClaims, demoSources, readDemoBody } from './demo-data';

/**
 * Loads the demo article, its sources and claims into an empty workspace, in one transaction,
 * through the same service functions (validation, quote anchoring, audit) as the API.
 * Returns how many claims it loaded: 0 when the workspace already had claims.
 */
export async function seedDemo(db: Database, workspaceId: string): Promise<number> {
  if ((await countClaimsInWorkspace(db.reader, workspaceId)) > 0) return 0;
  const result = await runWrite(db, { actor: systemActor(workspaceId), requestId: 'demo-seed' }, async (uow) => {
    if ((await countClaimsInWorkspace(uow.tx, workspaceId)) > 0) return { status: 200, body: 0 };
    // Parsed by the API's own schemas: the demo obeys every rule a client's data does.
    const { bodyFile: _bodyFile, ...articleFields } = demoArticle;
    const article = await insertArticle(uow, articleCreate.parse({ ...articleFields, body: readDemoBody() }));
    const sourceIds = new Map<string, string>();
    for (const { key, ...source } of demoSources) sourceIds.set(key, (await insertSource(uow, sourceCreate.parse(source))).id);
    for (const { evidence, ...demo } of demoClaims) {
      const claim = await insertClaim(uow, claimCreate.parse({ ...demo, articleId: article.id }));
      for (const { sourceKey, ...link } of evidence) {
        await linkEvidence(uow, claim.id, evidenceCreate.parse({ ...link, sourceId: sourceIds.get(sourceKey) }));
      }
    }
    return { status: 201, body: demoClaims.length };
  });
  return result.body ?? 0;
}
