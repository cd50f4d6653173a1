import type { Sql } from '../../db/sql';
import { innerTrigrams, nearWord } from '../../text/similarity';

/**
 * Full-text search over Claim."searchText" (folded terms, space separated), in three tiers:
 * 3 = the exact phrase, 2 = all terms, 1 = every term matches a word exactly or nearly
 * (trigram similarity ≥ 0.3, so نتيناهو finds نتنياهو). A claim counts in its best tier only.
 * Each tier is capped at MAX_MATCHES ids, newest first within the workspace (they become an
 * `IN` list of the page query). See docs/decisions/0004-search.md.
 */
export const MAX_MATCHES = 500;

export interface TierMatches {
  tier: 1 | 2 | 3;
  ids: string[];
}

/**
 * The tiers best first, each computed only when asked for: a page that the phrase tier fills never
 * pays for the near-match tier, the costly one on a common word.
 */
export async function* searchTiers(sql: Sql, workspaceId: string, terms: string[]): AsyncGenerator<TierMatches> {
  if (terms.length === 0) return;
  const seen = new Set<string>();
  const fresh = (ids: string[]) => ids.filter((id) => !seen.has(id) && Boolean(seen.add(id)));
  const tiers = sql.dialect === 'sqlite' ? sqliteTiers(sql, workspaceId, terms) : postgresTiers(sql, workspaceId, terms);
  for (const [tier, matches] of tiers) yield { tier, ids: fresh(await matches()) };
}

type Tier = [TierMatches['tier'], () => Promise<string[]>];

/** FTS5 query syntax: each term quoted (terms hold only letters and digits). */
const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

function sqliteTiers(sql: Sql, workspaceId: string, terms: string[]): Tier[] {
  // Each claim's index entry carries its workspace as one token (prisma/sql/sqlite/Claim.sql), so
  // FTS5 intersects the word's matches with the workspace's inside the index: a word common in
  // other workspaces costs this one nothing (1M claims: 21 ms → 1.5 ms).
  const workspace = `w${Buffer.from(workspaceId, 'utf8').toString('hex')}`;
  const wordMatches = async (match: string) =>
    (
      await sql.all<{ id: string }>(
        // Ordered by the FTS table's rowid, FTS5 walks its matches newest first and the LIMIT
        // stops it early (sorting by anything else would collect and sort every match first).
        `SELECT c."id" AS id FROM "Claim" c WHERE c.rowid IN (
           SELECT rowid FROM "ClaimFts" WHERE "ClaimFts" MATCH ? ORDER BY rowid DESC LIMIT ${MAX_MATCHES}
         ) AND c."workspaceId" = ? AND c."deletedAt" IS NULL`,
        [`{workspace}: ${workspace} AND {searchText}: (${match})`, workspaceId],
      )
    ).map((r) => r.id);
  // Near matches: each term's near words come from the vocabulary (words sharing a trigram with
  // the term, then checked as pg_trgm would); claims having a near word of every term match.
  const near = async () => {
    const alternatives: string[] = [];
    for (const term of terms) {
      const words = await nearWords(sql, term);
      if (words.length === 0) return [];
      alternatives.push(`(${words.map(quoted).join(' OR ')})`);
    }
    return wordMatches(alternatives.join(' AND '));
  };
  return [
    [3, () => wordMatches(quoted(terms.join(' ')))],
    [2, async () => (terms.length > 1 ? wordMatches(terms.map(quoted).join(' AND ')) : [])],
    [1, near],
  ];
}

/** Vocabulary words checked per term, most trigrams shared first. */
const NEAR_CANDIDATES = 2_000;

/**
 * The term itself and the claims' words within trigram similarity 0.3 of it. Candidates share an
 * inner trigram with the term (the FTS5 trigram index), or its first two letters (pg_trgm pads
 * words, so نتن and نتي can be near without an inner trigram in common).
 */
async function nearWords(sql: Sql, term: string): Promise<string[]> {
  const chars = Array.from(term);
  if (chars.length < 2) return [term];
  const grams = innerTrigrams(term);
  const prefix = chars.slice(0, 2).join('');
  const candidates = [
    ...(grams.length > 0
      ? await sql.all<{ word: string }>(`SELECT "word" FROM "SearchWordTrigram" WHERE "SearchWordTrigram" MATCH ? ORDER BY rank LIMIT ${NEAR_CANDIDATES}`, [
          grams.map(quoted).join(' OR '),
        ])
      : []),
    ...(await sql.all<{ word: string }>(`SELECT "word" FROM "SearchWord" WHERE "word" >= ? AND "word" < ? LIMIT ${NEAR_CANDIDATES}`, [prefix, `${prefix}\u{10FFFF}`])),
  ];
  const near = nearWord(term);
  return [...new Set([term, ...candidates.map((c) => c.word).filter(near)])];
}


function postgresTiers(sql: Sql, workspaceId: string, terms: string[]): Tier[] {
  const q = terms.join(' ');
  const tsv = `to_tsvector('simple', "searchText")`;
  const ids = async (condition: string, params: string[]) =>
    (
      await sql.all<{ id: string }>(
        `SELECT "id" FROM "Claim" WHERE "workspaceId" = ? AND "deletedAt" IS NULL AND ${condition} ORDER BY "id" DESC LIMIT ${MAX_MATCHES}`,
        [workspaceId, ...params],
      )
    ).map((r) => r.id);
  return [
    [3, () => ids(`${tsv} @@ phraseto_tsquery('simple', ?)`, [q])],
    [2, async () => (terms.length > 1 ? ids(`${tsv} @@ plainto_tsquery('simple', ?)`, [q]) : [])],
    // <<% is strict_word_similarity ≥ pg_trgm.strict_word_similarity_threshold (0.3, set per connection).
    [1, () => ids(terms.map(() => `? <<% "searchText"`).join(' AND '), terms)],
  ];
}

