"use strict";
/**
 * Anchoring a claim's quote to its article body (DESIGN §3), after the W3C Web
 * Annotation TextQuoteSelector (exact + prefix/suffix) and TextPositionSelector
 * (start/end).
 *
 * Positions count Unicode CODE POINTS into `article.body`, end exclusive:
 * `Array.from(body).slice(start, end).join('') === exact`. Code points, not
 * UTF-16 units, because clients in other languages (Python, Go, Rust) count
 * code points or bytes, and an emoji or 𝕏 before the quote would otherwise
 * shift every offset by one. Comparison is exact (no folding): the anchor says
 * which characters of the stored body the claim rests on.
 *
 * Internally all searching is done with the engine's native indexOf /
 * startsWith on the UTF-16 string; positions are converted through maps
 * precomputed once per body, so each quote costs one pass of indexOf at most and
 * never an O(n) code-point walk of the body.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.createAnchorer = createAnchorer;
/** How much of the body a mismatch message shows, in code points. */
const SHOW_MAX = 60;
/** Shortens text for an error message without cutting a surrogate pair. */
function excerpt(text) {
    const cps = Array.from(text.length > SHOW_MAX * 2 ? text.slice(0, SHOW_MAX * 2 + 1) : text);
    return cps.length > SHOW_MAX ? `${cps.slice(0, SHOW_MAX).join('')}…` : cps.join('');
}
/** Last `n` code points of `text`, for showing what precedes a span. */
function tail(text, n) {
    const cps = Array.from(text.slice(Math.max(0, text.length - n * 2)));
    return cps.length > n ? `…${cps.slice(cps.length - n).join('')}` : cps.join('');
}
const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;
/**
 * Precomputes what anchoring needs for one body (code point ↔ UTF-16 index
 * maps), so a batch of 1,000 quotes into one 500 KB article stays fast.
 *
 * The returned function anchors one quote:
 * - `start` and `end` given: 0 ≤ start < end ≤ body length in code points
 *   (else `out_of_range`), the body's code points [start, end) must equal
 *   `exact`, and a given `prefix`/`suffix` must sit right before/after the span
 *   (else `mismatch`). Only one of them given → `incomplete_position`.
 * - `exact` alone: every occurrence is found (overlapping ones count), those not
 *   preceded by `prefix` / followed by `suffix` (when given) are dropped;
 *   none → `absent`, several → `ambiguous` (with `candidates`), one → anchored.
 *
 * @example
 * const anchor = createAnchorer('😀 صفقة بقيمة 5 مليار دولار.');
 * anchor({ exact: '5 مليار دولار' });
 * // → { ok: true, quote: { exact: '5 مليار دولار', start: 13, end: 26 } }
 * //   (the emoji is one code point but two UTF-16 units)
 */
function createAnchorer(body) {
    const unitCount = body.length;
    // cpToUnit[i] = UTF-16 index of code point i (length cpCount + 1).
    // unitToCp[u] = code point index starting at UTF-16 index u, or -1 when u is
    // the low half of a surrogate pair (a match starting or ending there does not
    // fall on a code point boundary and cannot be anchored).
    // A body without astral characters needs neither: both maps are the identity.
    let cpCount = unitCount;
    let cpToUnit;
    let unitToCp;
    for (let u = 0; u < unitCount; u++) {
        if (isHighSurrogate(body.charCodeAt(u))) {
            ({ cpCount, cpToUnit, unitToCp } = buildMaps(body));
            break;
        }
    }
    const toUnit = (cp) => (cpToUnit ? cpToUnit[cp] : cp);
    const toCp = (unit) => (unitToCp ? unitToCp[unit] : unit);
    const prefixFits = (unitStart, prefix) => !prefix || (unitStart >= prefix.length && body.startsWith(prefix, unitStart - prefix.length));
    const suffixFits = (unitEnd, suffix) => !suffix || body.startsWith(suffix, unitEnd);
    /** Every UTF-16 start index of `exact` that sits on code point boundaries and fits prefix/suffix. */
    function locate(q) {
        const hits = [];
        if (q.exact.length === 0)
            return hits;
        for (let at = body.indexOf(q.exact); at !== -1; at = body.indexOf(q.exact, at + 1)) {
            const after = at + q.exact.length;
            if (toCp(at) < 0 || toCp(after) < 0)
                continue;
            if (prefixFits(at, q.prefix) && suffixFits(after, q.suffix))
                hits.push(at);
        }
        return hits;
    }
    function anchored(q, start, end) {
        const quote = { exact: q.exact, start, end };
        if (q.prefix !== undefined)
            quote.prefix = q.prefix;
        if (q.suffix !== undefined)
            quote.suffix = q.suffix;
        return { ok: true, quote };
    }
    const fail = (reason, message, candidates) => ({
        ok: false,
        failure: candidates === undefined ? { reason, message } : { reason, message, candidates },
    });
    /** For a wrong position: say where the quote really is, when that is unambiguous. */
    function whereItIs(q) {
        const hits = locate(q);
        if (hits.length !== 1)
            return '';
        const at = hits[0];
        return ` The quote occurs once in the article, at start ${toCp(at)}, end ${toCp(at + q.exact.length)}.`;
    }
    function byPosition(q, start, end) {
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > cpCount || start >= end) {
            return fail('out_of_range', `start ${start} and end ${end} do not describe a span of the article: they must be whole numbers with ` +
                `0 ≤ start < end ≤ ${cpCount} (the article's length in Unicode code points).`);
        }
        const unitStart = toUnit(start);
        const unitEnd = toUnit(end);
        const span = body.slice(unitStart, unitEnd);
        if (span !== q.exact) {
            return fail('mismatch', `The article's text at start ${start}, end ${end} reads “${excerpt(span)}”, not the quoted text. ` +
                `Check start and end (they count Unicode code points, not UTF-16 units or bytes), ` +
                `or omit both to let the server locate the quote.${whereItIs(q)}`);
        }
        if (!prefixFits(unitStart, q.prefix)) {
            return fail('mismatch', `The quote is at start ${start}, but the text before it reads “${tail(body.slice(0, unitStart), SHOW_MAX)}”, ` +
                `which does not end with the given prefix. Correct or omit the prefix.`);
        }
        if (!suffixFits(unitEnd, q.suffix)) {
            return fail('mismatch', `The quote ends at ${end}, but the text after it reads “${excerpt(body.slice(unitEnd, unitEnd + SHOW_MAX * 2))}”, ` +
                `which does not start with the given suffix. Correct or omit the suffix.`);
        }
        return anchored(q, start, end);
    }
    function byQuote(q) {
        const hits = locate(q);
        const context = q.prefix || q.suffix ? ' with the given prefix/suffix' : '';
        if (hits.length === 0) {
            return fail('absent', q.exact.length === 0
                ? 'The quote is empty. Give the exact text of the article the claim rests on.'
                : `The quoted text does not occur in the article${context}. Copy it exactly from the article body ` +
                    `(spelling, diacritics, punctuation and spaces all count)${context ? ', or correct the prefix/suffix' : ''}.`);
        }
        if (hits.length > 1) {
            return fail('ambiguous', `The quoted text occurs ${hits.length} times in the article${context}. Say which one is meant: ` +
                `add a prefix or suffix (the text right before or after it), or give start and end.`, hits.length);
        }
        const at = hits[0];
        return anchored(q, toCp(at), toCp(at + q.exact.length));
    }
    return (q) => {
        const hasStart = q.start !== undefined;
        const hasEnd = q.end !== undefined;
        if (hasStart !== hasEnd) {
            return fail('incomplete_position', `Only ${hasStart ? 'start' : 'end'} was given. Give both start and end, or neither to let the server locate the quote.`);
        }
        return hasStart ? byPosition(q, q.start, q.end) : byQuote(q);
    };
}
/** Builds the code point ↔ UTF-16 maps for a body that contains surrogate pairs. */
function buildMaps(body) {
    const n = body.length;
    const unitToCp = new Int32Array(n + 1);
    const scratch = new Uint32Array(n + 1);
    let cp = 0;
    for (let u = 0; u < n; u++) {
        const c = body.charCodeAt(u);
        if (isLowSurrogate(c) && u > 0 && isHighSurrogate(body.charCodeAt(u - 1))) {
            unitToCp[u] = -1; // second half of a pair: not a code point boundary
            continue;
        }
        unitToCp[u] = cp;
        scratch[cp] = u;
        cp++;
    }
    unitToCp[n] = cp;
    scratch[cp] = n;
    return { cpCount: cp, cpToUnit: scratch.slice(0, cp + 1), unitToCp };
}
//# sourceMappingURL=quote-anchor.js.map