/**
 * Sentences an article says twice. News pages restate the body in the headline and the
 * standfirst, and sometimes repeat a paragraph; the restatement is the weaker thing to check
 * (it drops the attribution and the context), so ranking lowers it.
 */

/** Share of a sentence's distinct words that another sentence must hold to restate it. */
const COVERED = 0.8;
/** Fewer distinct words than this is too little to call a restatement. */
const MIN_TERMS = 4;
/** Bounds the work for pathological bodies (the same line a thousand times). */
const MAX_COMPARISONS = 500;

/**
 * For each sentence (its folded words, e.g. `searchTerms(text)`), whether another sentence
 * restates it: holds at least 80% of its distinct words and is longer (or as long and earlier).
 * Candidates come from an inverted index through the sentence's rarest words: a sentence that
 * holds 80% of the words must hold one of the k rarest, k = the words it may lack + 1.
 *
 * @example
 * findRepeats([['a', 'b', 'c', 'd'], ['x', 'a', 'b', 'c', 'd', 'e']]) // → [true, false]
 */
export function findRepeats(termLists: string[][]): boolean[] {
  const sets = termLists.map((terms) => new Set(terms));
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const term of set) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const postingsOf = (term: string) => postings.get(term) as number[];
  return sets.map((set, i) => {
    if (set.size < MIN_TERMS) return false;
    const need = Math.ceil(set.size * COVERED - 1e-9);
    const rarest = [...set].sort((a, b) => postingsOf(a).length - postingsOf(b).length).slice(0, set.size - need + 1);
    const others = [...new Set(rarest.flatMap(postingsOf))].slice(0, MAX_COMPARISONS);
    return others.some((j) => {
      const other = sets[j] as Set<string>;
      if (j === i || other.size < set.size || (other.size === set.size && j > i)) return false;
      let shared = 0;
      for (const term of set) if (other.has(term)) shared++;
      return shared >= need;
    });
  });
}
