import fc from 'fast-check';
import { FUZZY_THRESHOLD, nearWord, trigramSimilarity } from '../../src/text/similarity';

describe('trigram similarity', () => {
  it('is pg_trgm’s: نتيناهو ~ نتنياهو shares 4 of 12 trigrams', () => {
    expect(trigramSimilarity('نتيناهو', 'نتنياهو')).toBeCloseTo(4 / 12, 10);
    expect(nearWord('نتيناهو')('نتنياهو')).toBe(true);
    expect(nearWord('نتيناهو')('اذربيجان')).toBe(false);
  });

  it('nearWord(term)(word) agrees with the similarity and its threshold for any two words', () => {
    const letters = fc.constantFrom(...'نتياهوذربجanbcde');
    const word = fc.array(letters, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(word, word, (term, other) => {
        expect(nearWord(term)(other)).toBe(other === term || trigramSimilarity(term, other) >= FUZZY_THRESHOLD);
      }),
      { numRuns: 2000 },
    );
  });
});
