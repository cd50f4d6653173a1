import type { DbClient } from '../../db/database';
import { Prisma } from '../../generated/sqlite/client';
import { FUZZY_THRESHOLD, trigramSimilarity } from '../../text/similarity';

/**
 * Full-text search over Claim."searchText" (folded terms, space separated), in three tiers:
 * 3 = the exact phrase, 2 = all terms, 1 = every term matches a word exactly or nearly
 * (trigram similarity ≥ 0.3, so نتيناهو finds نتنياهو). A claim counts in its best tier only.
 * Each tier is capped at MAX_MATCHES ids, newest first within the workspace: the ids travel as
 * bind parameters of the page query, which Prisma caps (about 1,000 on SQLite).
 * See docs/decisions/0004-search.md.
 */
export const MAX_MATCHES = 500;

export interface TierMatches {
  tier: 1 | 2 | 3;
  ids: string[];
}

export async function searchTiers(db: DbClient, provider: 'sqlite' | 'postgres', workspaceId: string, terms: string[]): Promise<TierMatches[]> {
  if (terms.length === 0) return [];
  const tiers = provider === 'sqlite' ? await sqliteTiers(db, workspaceId, terms) : await postgresTiers(db, workspaceId, terms);
  const seen = new Set<string>();
  return tiers.map(({ tier, ids }) => ({ tier, ids: ids.filter((id) => !seen.has(id) && seen.add(id)) }));
}

/** FTS5 query syntax: each term quoted (terms hold only letters and digits). */
const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

async function sqliteWordMatches(db: DbClient, workspaceId: string, match: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" AS id FROM "ClaimFts" f JOIN "Claim" c ON c.rowid = f.rowid
    WHERE "ClaimFts" MATCH ${match} AND c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL
    ORDER BY c.rowid DESC LIMIT ${MAX_MATCHES}`;
  return rows.map((r) => r.id);
}

async function sqliteTiers(db: DbClient, workspaceId: string, terms: string[]): Promise<TierMatches[]> {
  const phrase = await sqliteWordMatches(db, workspaceId, quoted(terms.join(' ')));
  const all = terms.length > 1 ? await sqliteWordMatches(db, workspaceId, terms.map(quoted).join(' AND ')) : [];
  // Near matches: claims sharing a trigram with the longest term are candidates; each is then
  // checked word by word, as pg_trgm would.
  const longest = [...terms].sort((a, b) => Array.from(b).length - Array.from(a).length)[0] as string;
  const grams = Array.from(longest).length >= 3 ? trigramsOf(longest) : [];
  let near: string[] = [];
  if (grams.length > 0) {
    const rows = await db.$queryRaw<{ id: string; searchText: string }[]>`
      SELECT c."id" AS id, c."searchText" AS "searchText" FROM "ClaimTrigram" t JOIN "Claim" c ON c.rowid = t.rowid
      WHERE "ClaimTrigram" MATCH ${grams.map(quoted).join(' OR ')} AND c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL
      ORDER BY t.rank LIMIT ${MAX_MATCHES * 2}`;
    near = rows.filter((row) => everyTermNear(terms, row.searchText.split(' '))).map((row) => row.id);
  }
  return [
    { tier: 3, ids: phrase },
    { tier: 2, ids: all },
    { tier: 1, ids: near },
  ];
}

function trigramsOf(term: string): string[] {
  const chars = Array.from(term);
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams];
}

function everyTermNear(terms: string[], words: string[]): boolean {
  return terms.every((term) => words.some((word) => word === term || trigramSimilarity(term, word) >= FUZZY_THRESHOLD));
}

async function postgresTiers(db: DbClient, workspaceId: string, terms: string[]): Promise<TierMatches[]> {
  const q = terms.join(' ');
  const tsv = Prisma.sql`to_tsvector('simple', "searchText")`;
  const ids = async (condition: Prisma.Sql) =>
    (
      await db.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL AND ${condition}
        ORDER BY "id" DESC LIMIT ${MAX_MATCHES}`
    ).map((r) => r.id);
  const phrase = await ids(Prisma.sql`${tsv} @@ phraseto_tsquery('simple', ${q})`);
  const all = terms.length > 1 ? await ids(Prisma.sql`${tsv} @@ plainto_tsquery('simple', ${q})`) : [];
  // <<% is strict_word_similarity ≥ pg_trgm.strict_word_similarity_threshold (0.3, set per connection).
  const near = await ids(Prisma.join(terms.map((term) => Prisma.sql`${term} <<% "searchText"`), ' AND '));
  return [
    { tier: 3, ids: phrase },
    { tier: 2, ids: all },
    { tier: 1, ids: near },
  ];
}
