import type { Database, Tx } from '../../db/database';
import * as claims from './claims.repository';

export type { ClaimRow, Quote, Quantity } from './claims.repository';

export type ClaimView = Omit<claims.ClaimRow, 'workspaceId'>;

export function presentClaim(row: claims.ClaimRow): ClaimView {
  const { workspaceId: _workspaceId, ...view } = row;
  return view;
}

export async function claimsOfArticle(db: Database, workspaceId: string, articleId: string): Promise<ClaimView[]> {
  return (await claims.listForArticle(db.reader, workspaceId, articleId)).map(presentClaim);
}

/** How many live claims are taken from an article (its body may not change under their quotes). */
export async function countClaimsOfArticle(tx: Tx, workspaceId: string, articleId: string): Promise<number> {
  return claims.countForArticle(tx, workspaceId, articleId);
}
