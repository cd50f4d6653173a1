"use strict";
/**
 * Search folding (DESIGN §5): one normalisation applied both when a claim or
 * article is indexed and when a query is parsed, so the two always meet.
 *
 * Search folds what a reader does not see as different. An Arabic reader does
 * not read أذربيجان and اذربيجان as different words, nor ٥ and 5, nor a word with
 * and without tashkeel; a Latin reader does not care about É versus e. Folding
 * is lossy on purpose and is only ever applied to search keys, never to stored
 * text (quotes are anchored on the exact body, see quote-anchor.ts).
 *
 * Decisions worth knowing:
 * - ß (and ẞ) fold to "ss", as in Unicode full case folding, so "Straße" and
 *   "STRASSE" — the same word to a German reader — meet. Greek final ς folds to
 *   σ so a query typed mid-word form still finds the word-final form.
 * - Accents are removed by canonical decomposition, so this applies to Greek
 *   (ά → α) and Cyrillic too (ё → е, and also й → и: a small loss of precision
 *   that search can afford). Stroked Latin letters that have no decomposition
 *   are mapped by hand (ø → o, ł → l, đ → d, æ → ae, œ → oe).
 * - Invisible format characters (zero-width space/joiners, bidi marks, soft
 *   hyphen, BOM) are removed: copy-pasted Arabic often carries them and a reader
 *   cannot see them.
 * - Persian yeh ی folds to ي like alef maksura ى: in Arabic text typed on a
 *   Persian keyboard they are indistinguishable at the end of a word.
 * - Numbers in searchTerms: see searchTerms.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.foldForSearch = foldForSearch;
exports.searchTerms = searchTerms;
// Everything below is built once at module load; foldForSearch allocates no tables.
/**
 * Characters removed outright, matched after NFD so that precomposed letters
 * (é, أ, ؤ, ئ, آ) arrive here as base letter + combining mark:
 * - Latin/Greek/Cyrillic combining diacritics (U+0300–036F and the extension
 *   blocks), which is how accents are removed;
 * - Arabic tashkeel U+064B–065F (includes hamza above/below U+0654/0655 and
 *   madda U+0653, which is how أ إ آ ؤ ئ lose their hamza), U+0670 superscript
 *   alef, Quranic marks U+06D6–06ED; tatweel U+0640;
 * - invisible format characters: soft hyphen, Arabic letter mark, Mongolian
 *   vowel separator, ZWSP/ZWNJ/ZWJ/LRM/RLM, bidi embeddings and isolates, word
 *   joiner and invisible operators, BOM.
 */
const STRIP = '\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F' +
    '\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u0640' +
    '\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF';
/** Single characters replaced by a fixed string (after NFD and lower-casing). */
const CHAR_MAP = new Map([
    // Alef forms that NFD does not decompose: alef wasla, wavy-hamza alefs.
    // (أ إ آ decompose to ا + mark and lose the mark via STRIP; listed anyway so
    // the mapping does not depend on that detail.)
    ['\u0623', '\u0627'], // أ
    ['\u0625', '\u0627'], // إ
    ['\u0622', '\u0627'], // آ
    ['\u0671', '\u0627'], // ٱ
    ['\u0672', '\u0627'], // ٲ
    ['\u0673', '\u0627'], // ٳ
    ['\u0624', '\u0648'], // ؤ → و
    ['\u0626', '\u064A'], // ئ → ي
    ['\u0649', '\u064A'], // ى → ي
    ['\u06CC', '\u064A'], // Persian ی → ي
    ['\u0629', '\u0647'], // ة → ه
    ['\u066B', '.'], // Arabic decimal separator ٫
    ['\u066C', ','], // Arabic thousands separator ٬
    ['\u00DF', 'ss'], // ß (ẞ lower-cases to ß first)
    ['\u03C2', '\u03C3'], // final sigma ς → σ
    ['\u00F8', 'o'], // ø
    ['\u0142', 'l'], // ł
    ['\u0111', 'd'], // đ
    ['\u00E6', 'ae'], // æ
    ['\u0153', 'oe'], // œ
]);
function addDigits(map, zero) {
    for (let d = 0; d <= 9; d++)
        map.set(String.fromCharCode(zero + d), String(d));
}
addDigits(CHAR_MAP, 0x0660); // Arabic-Indic ٠-٩
addDigits(CHAR_MAP, 0x06f0); // Persian ۰-۹
// Written as \uXXXX escapes so the pattern source is plain ASCII: raw Arabic
// letters in a class next to combining marks read as combined characters.
const MAPPED = [...CHAR_MAP.keys()].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** One pass over the decomposed text: strip or map, nothing else matches. */
const STRIP_OR_MAP_RE = new RegExp(`[${STRIP}]|[${MAPPED}]`, 'g');
const replaceChar = (ch) => CHAR_MAP.get(ch) ?? '';
/** Anything outside ASCII means the (costlier) Unicode steps are needed. */
const NON_ASCII_RE = /[\u0080-\uFFFF]/;
const WHITESPACE_RE = /\s+/g;
/**
 * Folds text for search, so that spellings a reader does not see as different
 * become the same string: NFKC (presentation forms, fullwidth, ligatures),
 * Arabic tashkeel and tatweel removed, alef forms أ إ آ ٱ → ا, ؤ → و, ئ → ي
 * (standalone ء kept), ى → ي, ة → ه, Arabic-Indic and Persian digits → 0-9,
 * ٫ → '.', ٬ → ',', lower case with accents removed (ß → ss, İ → i), invisible
 * format characters removed, whitespace runs collapsed to one space and trimmed.
 *
 * Idempotent: foldForSearch(foldForSearch(x)) === foldForSearch(x).
 *
 * @example foldForSearch('أذربيجانُ') === 'اذربيجان'
 * @example foldForSearch('٥ مليار') === '5 مليار'
 * @example foldForSearch('  Ｃafé   ﻻ ') === 'cafe لا'
 */
function foldForSearch(text) {
    let s;
    if (NON_ASCII_RE.test(text)) {
        // NFKC first so compatibility forms become ordinary letters (ﻻ → لا, Ａ → A)
        // before anything else looks at them. Lower-case before NFD so that the
        // dot of İ (lower-cased to i + U+0307) is stripped with the other marks.
        s = text.normalize('NFKC').toLowerCase().normalize('NFD');
        s = s.replace(STRIP_OR_MAP_RE, replaceChar);
        // Recompose what survived (Hangul, marks of scripts we do not fold) so the
        // output is ordinary NFC text and folding it again changes nothing.
        s = s.normalize('NFC');
    }
    else {
        // Pure ASCII: every Unicode step above is the identity, skip them.
        s = text.toLowerCase();
    }
    return s.replace(WHITESPACE_RE, ' ').trim();
}
/**
 * A term is a run of letters and digits. Combining marks that folding keeps
 * (e.g. Devanagari vowel signs; Arabic and Latin marks are already gone) stay
 * inside their word rather than splitting it.
 */
const TERM_RE = /[\p{L}\p{M}\p{N}]+/gu;
/**
 * The folded search terms of a query or document: foldForSearch, then split on
 * anything that is not a letter or digit; empty terms dropped.
 *
 * Numbers are split at their separators: "5,000" → ["5", "000"] and
 * "5.5" → ["5", "5"]. This keeps every term a plain run of letters/digits (safe
 * for any index or MATCH syntax) and is sound because documents and queries are
 * split the same way; a phrase/adjacency match restores the precision. Because
 * folding runs first, "٥٫٥" gives the same terms as "5.5".
 *
 * @example searchTerms('«أذربيجان» تشتري 5 مليار؟') // ['اذربيجان', 'تشتري', '5', 'مليار']
 * @example searchTerms('Azerbaïdjan, 5.5%')        // ['azerbaidjan', '5', '5']
 */
function searchTerms(text) {
    return foldForSearch(text).match(TERM_RE) ?? [];
}
//# sourceMappingURL=fold.js.map