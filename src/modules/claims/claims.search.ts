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
 * pays for the near-match tier, the costly one on a common word. `firstWindow` sets PostgreSQL's
 * first window (see `newestMatches`); tests make it small to exercise the widening.
 */
export async function* searchTiers(sql: Sql, workspaceId: string, terms: string[], options: { firstWindow?: number } = {}): AsyncGenerator<TierMatches> {
  if (terms.length === 0) return;
  const seen = new Set<string>();
  const fresh = (ids: string[]) => ids.filter((id) => !seen.has(id) && Boolean(seen.add(id)));
  const tiers = sql.dialect === 'sqlite' ? sqliteTiers(sql, workspaceId, terms) : postgresTiers(sql, workspaceId, terms, options.firstWindow ?? FIRST_WINDOW);
  for (const [tier, matches] of tiers) yield { tier, ids: fresh(await matches()) };
}

type Tier = [TierMatches['tier'], () => Promise<string[]>];

/** FTS5 query syntax: each term quoted (terms hold only letters and digits). */
const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** The expression PostgreSQL's GIN index "Claim_search_tsv" indexes (prisma/sql/postgres/Claim.sql). */
const TSV = `to_tsvector('simple', "searchText")`;

/**
 * A tsquery from the parameter, built in an InitPlan so that the planner cannot see it and plans
 * for a match of middling frequency: the GIN matches intersected with the window of
 * `newestMatches` before any row is read. Seen, the words of an AND are estimated as if
 * independent, while a claim's words go together (the three longest of a generated claim: 67
 * rows estimated, 36,620 found); PostgreSQL then skips the window and reads every match's row
 * (800k claims: 68 ms, against 20 ms).
 */
const unseen = (tsquery: 'to_tsquery' | 'plainto_tsquery' | 'phraseto_tsquery') => `(SELECT ${tsquery}('simple', ?))`;

function sqliteTiers(sql: Sql, workspaceId: string, terms: string[]): Tier[] {
  const wordMatches = (match: string) => sqliteMatches(sql, workspaceId, match);
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

/**
 * The newest MAX_MATCHES live claims of the workspace whose index entry matches `match` (FTS5
 * query syntax over searchText).
 */
async function sqliteMatches(sql: Sql, workspaceId: string, match: string, limit = MAX_MATCHES): Promise<string[]> {
  // Each claim's index entry carries its workspace as one token (prisma/sql/sqlite/Claim.sql), so
  // FTS5 intersects the word's matches with the workspace's inside the index: a word common in
  // other workspaces costs this one nothing (1M claims: 21 ms → 1.5 ms).
  const workspace = `w${Buffer.from(workspaceId, 'utf8').toString('hex')}`;
  return (
    await sql.all<{ id: string }>(
      // Ordered by the FTS table's rowid, FTS5 walks its matches newest first and the LIMIT
      // stops it early (sorting by anything else would collect and sort every match first).
      // The claims are then looked up by rowid: `+` keeps SQLite from walking the workspace's
      // index instead and probing the list with every claim (1M claims: 60 ms).
      `SELECT c."id" AS id FROM "Claim" c WHERE c.rowid IN (
         SELECT rowid FROM "ClaimFts" WHERE "ClaimFts" MATCH ? ORDER BY rowid DESC LIMIT ${limit}
       ) AND +c."workspaceId" = ? AND c."deletedAt" IS NULL`,
      [`{workspace}: ${workspace} AND {searchText}: (${match})`, workspaceId],
    )
  ).map((r) => r.id);
}

/**
 * Candidates per query of `similarCandidates`: the caller ranks up to three times this many, and
 * ranking costs several microseconds a claim (1M claims: 150 a query took 22 ms to read and rank).
 */
const SIMILAR_MATCHES = 100;

/**
 * Words the "all of them" query of `similarCandidates` asks for: the text's longest, which are as
 * a rule its rarest. FTS5 reads the whole posting list of every word of an AND, so all sixteen
 * words of a claim cost 48 ms at 1M claims, and its three longest 12 ms.
 */
const ALL_TERMS = 3;

/** The `n` longest of `terms` (in code points; ties in term order). */
function longest(terms: string[], n: number): string[] {
  return terms
    .map((term, i) => ({ term, i, length: Array.from(term).length }))
    .sort((a, b) => b.length - a.length || a.i - b.i)
    .slice(0, n)
    .map(({ term }) => term);
}

/**
 * Claims that may be like a text (DESIGN §12), from the search index, never a scan: those stating
 * one of its quantities (`tokens`, see quantityToken), those having its longest content terms,
 * and those having any of them — each the newest SIMILAR_MATCHES, deduplicated. The caller ranks
 * them.
 */
export async function similarCandidates(sql: Sql, workspaceId: string, terms: string[], tokens: string[]): Promise<string[]> {
  const any = (words: string[]) => (sql.dialect === 'sqlite' ? words.map(quoted).join(' OR ') : words.join(' | '));
  const all = (words: string[]) => (sql.dialect === 'sqlite' ? words.map(quoted).join(' AND ') : words.join(' & '));
  const edgeOf = windowEdges(sql, workspaceId);
  const indexed = (query: string) =>
    sql.dialect === 'sqlite'
      ? sqliteMatches(sql, workspaceId, query, SIMILAR_MATCHES)
      : newestMatches(sql, workspaceId, edgeOf, FIRST_WINDOW, `${TSV} @@ ${unseen('to_tsquery')}`, [query], SIMILAR_MATCHES);
  // Independent queries: on PostgreSQL they run at once, each on a connection of the pool.
  const found = await Promise.all([
    tokens.length > 0 ? indexed(any(tokens)) : [],
    terms.length > 1 ? indexed(all(longest(terms, ALL_TERMS))) : [],
    terms.length > 0 ? (sql.dialect === 'sqlite' ? indexed(any(terms)) : postgresAnyTerm(sql, workspaceId, edgeOf, terms)) : [],
  ]);
  return [...new Set(found.flat())];
}

/** Claims the "any of its words" query of PostgreSQL walks at most: the workspace's newest. */
const ANY_TERM_WINDOW = 10_000;

/**
 * The newest claims having any of `terms`, on PostgreSQL: a walk of the workspace's newest claims
 * that checks each, stopping at SIMILAR_MATCHES. A claim's common words make GIN gather and sort
 * hundreds of thousands of matches (1M claims: 140–330 ms), while a walk meets enough within a
 * few thousand claims (13 ms). `|| ''` keeps the planner off the GIN index; the window bounds the
 * walk when the words are rare.
 */
async function postgresAnyTerm(sql: Sql, workspaceId: string, edgeOf: WindowEdge, terms: string[]): Promise<string[]> {
  const edge = await edgeOf(ANY_TERM_WINDOW);
  const rows = await sql.all<{ id: string }>(
    `SELECT "id" FROM "Claim"
     WHERE "workspaceId" = ? AND "deletedAt" IS NULL${edge !== undefined ? ' AND "createdAt" >= ?' : ''}
       AND to_tsvector('simple', "searchText" || '') @@ to_tsquery('simple', ?)
     ORDER BY "createdAt" DESC, "id" DESC LIMIT ${SIMILAR_MATCHES}`,
    [workspaceId, ...(edge !== undefined ? [edge] : []), terms.join(' | ')],
  );
  return rows.map((r) => r.id);
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

/**
 * Claims in the first window a PostgreSQL tier looks at: the workspace's newest this many (a word
 * in 2 % of them gives 800 matches, enough to fill a tier).
 */
const FIRST_WINDOW = 40_000;

function postgresTiers(sql: Sql, workspaceId: string, terms: string[], firstWindow: number): Tier[] {
  const q = terms.join(' ');
  const edgeOf = windowEdges(sql, workspaceId);
  return [
    [3, () => newestMatches(sql, workspaceId, edgeOf, firstWindow, `${TSV} @@ ${unseen('phraseto_tsquery')}`, [q])],
    [2, async () => (terms.length > 1 ? newestMatches(sql, workspaceId, edgeOf, firstWindow, `${TSV} @@ ${unseen('plainto_tsquery')}`, [q]) : [])],
    // <<% is strict_word_similarity ≥ pg_trgm.strict_word_similarity_threshold (0.3, set per connection).
    [1, () => newestMatches(sql, workspaceId, edgeOf, firstWindow, terms.map(() => `? <<% "searchText"`).join(' AND '), terms)],
  ];
}

/**
 * Where the window of the workspace's `size` newest claims begins (its oldest `createdAt`);
 * undefined when the window holds the whole workspace. Finding it walks `size` index entries
 * (1M claims: 8–18 ms for 40,000), so an edge is kept for EDGE_TTL_MS per database and workspace.
 * A kept edge is never wrong, only wider: claims added since are newer and inside it, and a
 * window is only where a walk starts (`newestMatches` widens it, or takes the whole workspace).
 */
type WindowEdge = (size: number) => Promise<unknown>;

const EDGE_TTL_MS = 30_000;
const keptEdges = new WeakMap<Sql, Map<string, { edge: Promise<unknown>; until: number }>>();

function windowEdges(sql: Sql, workspaceId: string): WindowEdge {
  let kept = keptEdges.get(sql);
  if (!kept) keptEdges.set(sql, (kept = new Map()));
  const edges = kept;
  return (size) => {
    if (!Number.isFinite(size)) return Promise.resolve(undefined);
    const key = `${workspaceId} ${size}`;
    const now = Date.now();
    const found = edges.get(key);
    if (found && found.until > now) return found.edge;
    if (edges.size >= 1_000) edges.clear();
    const edge = sql
      .all<{ at: unknown }>(`SELECT "createdAt" AS at FROM "Claim" WHERE "workspaceId" = ? ORDER BY "createdAt" DESC OFFSET ? LIMIT 1`, [workspaceId, size])
      .then(([row]) => row?.at);
    edges.set(key, { edge, until: now + EDGE_TTL_MS });
    edge.catch(() => edges.delete(key));
    return edge;
  };
}

/**
 * The newest MAX_MATCHES claims of the workspace that meet `condition` (answered by a GIN index).
 * GIN gives its matches in no useful order, and walking the claims newest first instead checks
 * the condition on every row it passes (1M claims, a word in 2 % of them: 300–450 ms). So the
 * search looks at the workspace's newest claims first: PostgreSQL intersects the GIN matches with
 * that window of the (workspaceId, createdAt) index before it reads a row, and a window holding
 * enough matches holds the newest ones. Otherwise the next window is sized from the matches seen
 * (1M claims: 10–20 ms, against 55–70 ms for every match of the workspace at once).
 */
async function newestMatches(sql: Sql, workspaceId: string, edgeOf: WindowEdge, firstWindow: number, condition: string, params: string[], limit = MAX_MATCHES): Promise<string[]> {
  for (let window = firstWindow; ; ) {
    const edge = await edgeOf(window);
    // OFFSET 0 keeps the LIMIT out of the inner query, so that PostgreSQL never plans the walk.
    const rows = await sql.all<{ id: string }>(
      `SELECT "id" FROM (
         SELECT "id", "createdAt" FROM "Claim"
         WHERE "workspaceId" = ? AND "deletedAt" IS NULL AND ${condition}${edge !== undefined ? ' AND "createdAt" >= ?' : ''} OFFSET 0
       ) m ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}`,
      [workspaceId, ...params, ...(edge !== undefined ? [edge] : [])],
    );
    // No edge: the window held the whole workspace.
    if (rows.length >= limit || edge === undefined) return rows.map((r) => r.id);
    const next = rows.length === 0 ? Infinity : Math.ceil((window * limit * 1.5) / rows.length);
    // Finding a wide window's edge walks that many index entries (OFFSET), and matches that rare
    // are few in the whole workspace: past LAST_WINDOW, ask the whole workspace at once.
    window = next > LAST_WINDOW ? Infinity : next;
  }
}

/** The widest window `newestMatches` looks for an edge of; wider, it takes the whole workspace. */
const LAST_WINDOW = 160_000;
