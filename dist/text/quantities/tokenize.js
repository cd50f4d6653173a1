"use strict";
// Quantity extraction: the tokenizer (numbers, words with their clitic readings, punctuation, skipped spans)
// and the small helpers the matchers use to read tokens.
Object.defineProperty(exports, "__esModule", { value: true });
exports.round4 = exports.scaled = exports.glued = void 0;
exports.tokenize = tokenize;
exports.lookup = lookup;
exports.isWord = isWord;
exports.isPunct = isPunct;
exports.isLatinWord = isLatinWord;
exports.plainNumber = plainNumber;
const lexicon_1 = require("./lexicon");
const DIGIT = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';
/** 1–3 digits, then groups of exactly 3 after one repeated separator: 5,000 · ٥٬٠٠٠ · 1 000 (also no-break spaces). */
const GROUPED_NUMBER = new RegExp(`${DIGIT}{1,3}([,\\u066C\\u00A0\\u202F\\u2009 ])${DIGIT}{3}(?:\\1${DIGIT}{3})*(?!${DIGIT})`, 'y');
const PLAIN_NUMBER = new RegExp(`${DIGIT}+`, 'y');
/**
 * Decimal part: "." or the Arabic decimal separator ٫; also a comma before one
 * or two digits ("5,5 مليون"), which cannot be a thousands group — unless
 * another comma follows, as in the list "1,2,3".
 */
const DECIMAL_PART = new RegExp(`[.\\u066B]${DIGIT}+|,${DIGIT}{1,2}(?![0-9\\u0660-\\u0669\\u06F0-\\u06F9,])`, 'y');
/** A second decimal part makes a version number or an IP address, not a quantity. */
const DOTTED_TAIL = new RegExp(`(?:[.\\u066B]${DIGIT}+)+`, 'y');
const LATIN_LETTERS = /[A-Za-z]+/y;
const ID_TAIL = /[\w-]*/y;
/** Letters that may be glued to a number: scales ("5bn", "€3m", "10k") and English ordinal suffixes ("14th"). */
const GLUED_SUFFIXES = new Set(['k', 'm', 'mn', 'bn', 'tn', 'st', 'nd', 'rd', 'th']);
const WORD = /[\p{L}\p{M}\u200C\u200D]+/uy;
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/;
/** Spans that hold digits but no quantity; each becomes one 'skip' token. */
const SKIPPED_SPANS = [
    /(?:https?:\/\/|www\.)\S+/y, // URLs
    /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/y, // e-mail addresses
    /[#@][\p{L}\p{N}_]+/uy, // hashtags and mentions
    new RegExp(`${DIGIT}{1,2}:${DIGIT}{2}(?::${DIGIT}{2})?`, 'y'), // clock times: 20:17
    /[A-Za-z]+_?[0-9][0-9A-Za-z_]*/y, // ids and model numbers: A320, G20, F16
];
function matchSticky(re, text, pos) {
    re.lastIndex = pos;
    return re.exec(text)?.[0];
}
function digitValue(c) {
    const code = c.charCodeAt(0);
    if (code >= 0x660 && code <= 0x669)
        return String(code - 0x660);
    if (code >= 0x6f0 && code <= 0x6f9)
        return String(code - 0x6f0);
    return c;
}
/** Reads a number at `pos`; `skip` when it is part of an id ("1990s", "5G", "1.2.3"). */
function readNumber(text, pos) {
    const grouped = matchSticky(GROUPED_NUMBER, text, pos);
    const integer = grouped ?? matchSticky(PLAIN_NUMBER, text, pos);
    if (!integer)
        return undefined;
    let end = pos + integer.length;
    // A decimal comma only after a plain number that is not itself in a list ("1,2,3")
    const commaAllowed = !grouped && !/[,\p{Nd}]/u.test(text.charAt(pos - 1));
    const decimals = !commaAllowed && text.charAt(end) === ',' ? undefined : matchSticky(DECIMAL_PART, text, end);
    if (decimals)
        end += decimals.length;
    const intDigits = [...integer].filter((c) => /\p{Nd}/u.test(c));
    const value = Number(intDigits.map(digitValue).join('') + (decimals ? '.' + [...decimals.slice(1)].map(digitValue).join('') : ''));
    const number = { value, intDigits: intDigits.length, plain: !grouped && !decimals, skip: false };
    const dotted = decimals ? matchSticky(DOTTED_TAIL, text, end) : undefined;
    const letters = matchSticky(LATIN_LETTERS, text, end);
    if (dotted || (letters && !GLUED_SUFFIXES.has(letters.toLowerCase()))) {
        end += dotted?.length ?? 0;
        return { ...number, end: end + (matchSticky(ID_TAIL, text, end) ?? '').length, skip: true };
    }
    return { ...number, end };
}
function wordForms(raw, start) {
    const { key, offsets } = (0, lexicon_1.normaliseWithOffsets)(raw);
    if (!lexicon_1.ARABIC_LETTER.test(raw))
        return [{ key, article: false, clitic: false, prefix: '', textStart: start }];
    return lexicon_1.ARABIC_PREFIXES.filter((p) => key.startsWith(p.prefix) && key.length - p.prefix.length >= 2).map((p) => ({
        key: key.slice(p.prefix.length),
        article: p.article,
        clitic: p.clitic,
        prefix: p.prefix,
        textStart: start + (offsets[p.textOffset] ?? 0),
    }));
}
function tokenize(text) {
    const tokens = [];
    let pos = 0;
    let spaced = true;
    const push = (type, end, extra = {}) => {
        tokens.push({ type, raw: text.slice(pos, end), start: pos, end, spaced, value: 0, intDigits: 0, plain: false, forms: [], ...extra });
        spaced = false;
        pos = end;
    };
    scan: while (pos < text.length) {
        const c = text.charAt(pos);
        if (/\s/.test(c)) {
            spaced = true;
            pos++;
            continue;
        }
        if (BIDI_MARKS.test(c)) {
            pos++;
            continue;
        }
        for (const span of SKIPPED_SPANS) {
            const m = matchSticky(span, text, pos);
            if (m) {
                push('skip', pos + m.length);
                continue scan;
            }
        }
        const number = readNumber(text, pos);
        if (number) {
            push(number.skip ? 'skip' : 'num', number.end, { value: number.value, intDigits: number.intDigits, plain: number.plain });
            continue;
        }
        const word = matchSticky(WORD, text, pos);
        if (word) {
            push('word', pos + word.length, { forms: wordForms(word, pos) });
            continue;
        }
        push('punct', pos + ((text.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1));
    }
    return tokens;
}
/** The first reading of token `i` (whole word first) found in `map`. */
function lookup(toks, i, map, options = {}) {
    const t = toks[i];
    if (t?.type !== 'word')
        return undefined;
    const { article = false, clitic = true } = options;
    for (const form of t.forms) {
        if (form.article ? article === false : article === 'only')
            continue;
        if (form.clitic && !clitic)
            continue;
        const value = map.get(form.key);
        if (value !== undefined)
            return { value, form };
    }
    return undefined;
}
/** Token `i` is the word `key` (already normalised), written without clitics. */
function isWord(toks, i, ...keys) {
    const t = toks[i];
    return t?.type === 'word' && keys.includes(t.forms[0]?.key ?? '');
}
function isPunct(toks, i, ...chars) {
    const t = toks[i];
    return t?.type === 'punct' && chars.includes(t.raw);
}
/** Token `i` touches the token before it (no whitespace between). */
const glued = (toks, i) => toks[i]?.spaced === false;
exports.glued = glued;
function isLatinWord(toks, i) {
    const t = toks[i];
    return t?.type === 'word' && /[A-Za-z]/.test(t.raw);
}
/** The value of token `i` if it is a number written as plain digits (no separator, no decimals) within [min, max]. */
function plainNumber(toks, i, min, max) {
    const t = toks[i];
    return t?.type === 'num' && t.plain && t.value >= min && t.value <= max ? t.value : undefined;
}
/** Multiplies without float noise (3.2 × 10^6 = 3200000, not 3200000.0000000005). */
const scaled = (value, factor) => Number((value * factor).toPrecision(15));
exports.scaled = scaled;
const round4 = (value) => Math.round(value * 1e4) / 1e4;
exports.round4 = round4;
//# sourceMappingURL=tokenize.js.map