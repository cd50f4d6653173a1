import type { Database } from '../../db/database';
import type { Actor } from '../../core/roles';
import { comparableOf, comparableOfIndexed, indexTerms, likeness, quantityToken } from '../../text/similar';
import { extractQuantities } from '../../text/quantities';
import * as claims from './claims.repository';
import { similarCandidates } from './claims.search';
import { presentClaim, type ClaimView } from './claims.views';

/** Index terms looked up per text: a long text's first words say what it is about. */
const MAX_TERMS = 16;
/** What `POST /claims` warns about: likely the same claim (a shared amount alone scores 0.4). */
export const DUPLICATE_THRESHOLD = 0.4;
const DUPLICATES_SHOWN = 3;

export type SimilarClaim = ClaimView & { score: number; sharedTerms: string[]; sharedQuantities: ClaimView['quantities'] };

/**
 * The workspace's claims most like `text`, best first (DESIGN §12): candidates from the search
 * index (claims stating one of its quantities, having all or any of its words), ranked by
 * `likeness`. Claims sharing nothing are left out.
 */
export async function findSimilar(
  db: Database,
  actor: Actor,
  query: { text: string; quantities?: ClaimView['quantities']; limit: number; minScore?: number; exceptId?: string },
): Promise<SimilarClaim[]> {
  const quantities = query.quantities ?? extractQuantities(query.text);
  const target = comparableOf(query.text, quantities);
  const ids = await similarCandidates(db.sql, actor.workspaceId, indexTerms(query.text).slice(0, MAX_TERMS), [...new Set(quantities.map(quantityToken))]);
  const ranked = (await claims.findSearchTexts(db.sql, actor.workspaceId, ids.filter((id) => id !== query.exceptId)))
    .map((row) => ({ id: row.id, ...likeness(target, comparableOfIndexed(row.searchText, row.quantities)) }))
    .filter((match) => match.score > 0 && match.score >= (query.minScore ?? 0))
    // Equal scores: the newer claim first (ids are time-ordered).
    .sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1))
    .slice(0, query.limit);
  const rows = new Map((await claims.findManyActive(db.sql, actor.workspaceId, ranked.map((match) => match.id))).map((row) => [row.id, row]));
  return ranked.flatMap(({ id, score, sharedTerms, sharedQuantities }) => {
    const row = rows.get(id);
    return row ? [{ ...presentClaim(row), score, sharedTerms, sharedQuantities: sharedQuantities as ClaimView['quantities'] }] : [];
  });
}

/** The likely duplicates a new claim is answered with (`similar` of `POST /claims`). */
export async function likelyDuplicates(db: Database, actor: Actor, claim: ClaimView): Promise<SimilarClaim[]> {
  return findSimilar(db, actor, { text: claim.text, quantities: claim.quantities, limit: DUPLICATES_SHOWN, minScore: DUPLICATE_THRESHOLD, exceptId: claim.id });
}
