/**
 * Trigram similarity of two words as pg_trgm computes it: each word padded with two spaces before
 * and one after, split into the set of its 3-character windows; shared ÷ distinct.
 * @example trigramSimilarity('نتيناهو', 'نتنياهو') // 0.333…: 4 shared of 12
 */
export function trigramSimilarity(a: string, b: string): number {
  return similarityOf(trigrams(a), trigrams(b));
}

function similarityOf(x: Set<string>, y: Set<string>): number {
  let shared = 0;
  for (const t of x) if (y.has(t)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** pg_trgm's trigrams of a word: padded with two spaces before and one after. */
function trigrams(word: string): Set<string> {
  return windowsOf3(`  ${word} `);
}

/** The trigrams inside a word, unpadded: what an FTS5 trigram index holds for it. */
export function innerTrigrams(word: string): string[] {
  return [...windowsOf3(word)];
}

function windowsOf3(text: string): Set<string> {
  const chars = Array.from(text);
  const set = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) set.add(chars.slice(i, i + 3).join(''));
  return set;
}

/** Below this a word is not taken for a misspelling of another (pg_trgm's default similarity). */
export const FUZZY_THRESHOLD = 0.3;

/**
 * A test of "`word` is `term` or nearly" for one search term, with the term's trigrams made once:
 * a search checks it against every word of up to a thousand candidate claims.
 */
export function nearWord(term: string): (word: string) => boolean {
  const x = trigrams(term);
  return (word) => {
    if (word === term) return true;
    const y = trigrams(word);
    // shared ≤ the smaller set, union ≥ the larger: a size mismatch alone rules a word out.
    if (Math.min(x.size, y.size) < FUZZY_THRESHOLD * Math.max(x.size, y.size)) return false;
    return similarityOf(x, y) >= FUZZY_THRESHOLD;
  };
}
