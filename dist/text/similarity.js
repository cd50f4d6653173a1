"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FUZZY_THRESHOLD = void 0;
exports.trigramSimilarity = trigramSimilarity;
exports.innerTrigrams = innerTrigrams;
exports.nearWord = nearWord;
/**
 * Trigram similarity of two words as pg_trgm computes it: each word padded with two spaces before
 * and one after, split into the set of its 3-character windows; shared ÷ distinct.
 * @example trigramSimilarity('نتيناهو', 'نتنياهو') // 0.333…: 4 shared of 12
 */
function trigramSimilarity(a, b) {
    return similarityOf(trigrams(a), trigrams(b));
}
function similarityOf(x, y) {
    let shared = 0;
    for (const t of x)
        if (y.has(t))
            shared += 1;
    const union = x.size + y.size - shared;
    return union === 0 ? 0 : shared / union;
}
/** pg_trgm's trigrams of a word: padded with two spaces before and one after. */
function trigrams(word) {
    return windowsOf3(`  ${word} `);
}
/** The trigrams inside a word, unpadded: what an FTS5 trigram index holds for it. */
function innerTrigrams(word) {
    return [...windowsOf3(word)];
}
function windowsOf3(text) {
    const chars = Array.from(text);
    const set = new Set();
    for (let i = 0; i + 3 <= chars.length; i += 1)
        set.add(chars.slice(i, i + 3).join(''));
    return set;
}
/** Below this a word is not taken for a misspelling of another (pg_trgm's default similarity). */
exports.FUZZY_THRESHOLD = 0.3;
/**
 * A test of "`word` is `term` or nearly" for one search term, with the term's trigrams made once:
 * a search checks it against every word of up to a thousand candidate claims.
 */
function nearWord(term) {
    const x = trigrams(term);
    return (word) => {
        if (word === term)
            return true;
        const y = trigrams(word);
        // shared ≤ the smaller set, union ≥ the larger: a size mismatch alone rules a word out.
        if (Math.min(x.size, y.size) < exports.FUZZY_THRESHOLD * Math.max(x.size, y.size))
            return false;
        return similarityOf(x, y) >= exports.FUZZY_THRESHOLD;
    };
}
//# sourceMappingURL=similarity.js.map