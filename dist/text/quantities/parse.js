"use strict";
// Quantity extraction: the matchers (dates, years, amounts with their currency or percent, shares)
// and extractQuantities, which runs them over the tokens.
Object.defineProperty(exports, "__esModule", { value: true });
exports.extractQuantities = extractQuantities;
const lexicon_1 = require("./lexicon");
const tokenize_1 = require("./tokenize");
function reading(toks, start, next, fields) {
    return { start, end: toks[next - 1]?.end ?? start, next, fields };
}
// --- dates ---------------------------------------------------------------
function isValidDate(year, month, day) {
    const d = new Date(Date.UTC(year ?? 2000, month - 1, day)); // 2000 is a leap year: 29 February is allowed without a year
    return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
const pad2 = (n) => String(n).padStart(2, '0');
function dateFields(year, month, day) {
    if (!isValidDate(year, month, day))
        return undefined;
    if (year === undefined)
        return { value: 0, unit: 'date', kind: 'date' };
    return { value: year, unit: 'date', kind: 'date', date: `${year}-${pad2(month)}-${pad2(day)}` };
}
/** Tokens i, i+1, … are glued together (no spaces), as in "2018-10-24". */
const allGlued = (toks, from, to) => {
    for (let k = from; k <= to; k++)
        if (!(0, tokenize_1.glued)(toks, k))
            return false;
    return true;
};
/** "2018-10-24" (ISO) and "24/10/2018" (day first, unless the middle part cannot be a month). */
function matchNumericDate(toks, i) {
    if (!allGlued(toks, i + 1, i + 4) || (0, tokenize_1.glued)(toks, i + 5))
        return undefined;
    const year = (0, tokenize_1.plainNumber)(toks, i, 1000, 2999);
    if (year !== undefined && (0, tokenize_1.isPunct)(toks, i + 1, '-') && (0, tokenize_1.isPunct)(toks, i + 3, '-')) {
        const month = (0, tokenize_1.plainNumber)(toks, i + 2, 1, 12);
        const day = (0, tokenize_1.plainNumber)(toks, i + 4, 1, 31);
        const fields = month && day ? dateFields(year, month, day) : undefined;
        return fields && reading(toks, toks[i]?.start ?? 0, i + 5, fields);
    }
    if ((0, tokenize_1.isPunct)(toks, i + 1, '/') && (0, tokenize_1.isPunct)(toks, i + 3, '/')) {
        const first = (0, tokenize_1.plainNumber)(toks, i, 1, 31);
        const second = (0, tokenize_1.plainNumber)(toks, i + 2, 1, 31);
        const y = (0, tokenize_1.plainNumber)(toks, i + 4, 1000, 2999);
        if (first === undefined || second === undefined || y === undefined)
            return undefined;
        const [day, month] = second > 12 ? [second, first] : [first, second];
        const fields = dateFields(y, month, day);
        return fields && reading(toks, toks[i]?.start ?? 0, i + 5, fields);
    }
    return undefined;
}
/** A month name at `i`, also doubled as "أيار/ مايو" or "أيار (مايو)"; returns the month and the next index. */
function monthAt(toks, i) {
    const single = singleMonthAt(toks, i);
    if (!single)
        return undefined;
    // Levantine and Egyptian names side by side: "كانون الأول/ ديسمبر"
    if ((0, tokenize_1.isPunct)(toks, single.next, '/', '(')) {
        const second = singleMonthAt(toks, single.next + 1);
        if (second?.month === single.month) {
            const close = (0, tokenize_1.isPunct)(toks, second.next, ')') && (0, tokenize_1.isPunct)(toks, single.next, '(');
            return { month: single.month, next: close ? second.next + 1 : second.next };
        }
    }
    return single;
}
function singleMonthAt(toks, i) {
    const t = toks[i];
    if (t?.type !== 'word')
        return undefined;
    const english = lexicon_1.EN_MONTHS.get(t.raw);
    if (english !== undefined)
        return { month: english, next: (0, tokenize_1.isPunct)(toks, i + 1, '.') && (0, tokenize_1.glued)(toks, i + 1) && t.raw.length <= 4 ? i + 2 : i + 1 };
    // Two-word Levantine names: كانون الأول, تشرين الثاني
    const next = toks[i + 1];
    for (const form of t.forms) {
        if (form.article)
            continue;
        if (next?.type === 'word') {
            const two = lexicon_1.AR_MONTHS.get(`${form.key} ${next.forms[0]?.key ?? ''}`);
            if (two !== undefined)
                return { month: two, next: i + 2 };
        }
        const one = lexicon_1.AR_MONTHS.get(form.key);
        if (one !== undefined)
            return { month: one, next: i + 1 };
    }
    return undefined;
}
/** A day number at `i`: "14", "14th", or an Arabic ordinal "الرابع عشر", "الحادي والعشرين". */
function dayAt(toks, i) {
    const n = (0, tokenize_1.plainNumber)(toks, i, 1, 31);
    if (n !== undefined) {
        const suffix = (0, tokenize_1.glued)(toks, i + 1) && (0, tokenize_1.isWord)(toks, i + 1, 'st', 'nd', 'rd', 'th');
        return { day: n, next: suffix ? i + 2 : i + 1, start: toks[i]?.start ?? 0 };
    }
    const ordinal = (0, tokenize_1.lookup)(toks, i, lexicon_1.AR_ORDINAL_DAYS, { article: 'only' });
    if (!ordinal)
        return undefined;
    const base = ordinal.value;
    const start = ordinal.form.textStart;
    const isUnit = ordinal.form.key !== lexicon_1.TENTH_ORDINAL_KEY && base < 10;
    if (isUnit && (0, tokenize_1.lookup)(toks, i + 1, lexicon_1.TEN, { clitic: false }))
        return { day: base + 10, next: i + 2, start };
    // "والعشرين" / "والثلاثين": unit + tens
    const tens = (0, tokenize_1.lookup)(toks, i + 1, lexicon_1.AR_ORDINAL_DAYS, { article: 'only' });
    if (isUnit && tens && tens.form.prefix === 'وال' && tens.value >= 20)
        return { day: base + tens.value, next: i + 2, start };
    if (ordinal.form.key === lexicon_1.ELEVENTH_UNIT_KEY)
        return undefined; // الحادي only in compounds
    return { day: base, next: i + 1, start };
}
/** After a day and month: an optional year, as in ", 2018", " 2018", "من العام 2018". */
function yearAfterMonth(toks, i) {
    let k = i;
    if ((0, tokenize_1.isPunct)(toks, k, ',', '،'))
        k++;
    if ((0, tokenize_1.isWord)(toks, k, lexicon_1.FROM_KEY))
        k++;
    if ((0, tokenize_1.lookup)(toks, k, lexicon_1.YEAR_NOUN, { article: true, clitic: false }))
        k++;
    const year = (0, tokenize_1.plainNumber)(toks, k, 1000, 2999);
    return year === undefined || (toks[k]?.intDigits ?? 0) !== 4 ? undefined : { year, next: k + 1 };
}
/** "24 October 2018", "14th of May", "الرابع عشر من أيار/ مايو", and month first: "October 24, 2018". */
function matchWrittenDate(toks, i) {
    const day = dayAt(toks, i);
    if (day) {
        let k = day.next;
        if ((0, tokenize_1.isWord)(toks, k, 'of', lexicon_1.FROM_KEY))
            k++;
        const month = monthAt(toks, k);
        if (!month)
            return undefined;
        const year = yearAfterMonth(toks, month.next);
        const fields = dateFields(year?.year, month.month, day.day);
        return fields && reading(toks, day.start, year?.next ?? month.next, fields);
    }
    const month = (0, tokenize_1.isLatinWord)(toks, i) ? monthAt(toks, i) : undefined;
    const dayAfter = month && (0, tokenize_1.plainNumber)(toks, month.next, 1, 31);
    if (!month || dayAfter === undefined)
        return undefined;
    let next = month.next + 1;
    if ((0, tokenize_1.glued)(toks, next) && (0, tokenize_1.isWord)(toks, next, 'st', 'nd', 'rd', 'th'))
        next++;
    const year = yearAfterMonth(toks, next);
    const fields = dateFields(year?.year, month.month, dayAfter);
    return fields && reading(toks, toks[i]?.start ?? 0, year?.next ?? next, fields);
}
/** Some month name ends right before token `k`. */
function monthEndsAt(toks, k) {
    for (let s = Math.max(0, k - 5); s < k; s++)
        if (monthAt(toks, s)?.next === k)
            return true;
    return false;
}
/**
 * A year: a plain 4-digit number after a cue word or a month name. A year word
 * ("عام", "year") is kept in `text`; prepositions ("in", "منذ") are not.
 */
function matchYear(toks, i) {
    const year = (0, tokenize_1.plainNumber)(toks, i, 1000, 2199);
    if (year === undefined || toks[i]?.intDigits !== 4)
        return undefined;
    if (suffixAt(toks, i + 1) || scaleAt(toks, i + 1, false))
        return undefined; // "in 2000 dollars" is money
    const fields = { value: year, unit: 'year', kind: 'date' };
    let k = i - 1;
    if ((0, tokenize_1.isPunct)(toks, k, '-') && (0, tokenize_1.glued)(toks, i))
        k--; // "mid-2016"
    const yearWord = (0, tokenize_1.lookup)(toks, k, lexicon_1.YEAR_WORD_KEYS, { article: true });
    if (yearWord)
        return reading(toks, yearWord.form.textStart, i + 1, fields);
    const cue = (0, tokenize_1.lookup)(toks, k, lexicon_1.YEAR_CUES, { article: true });
    if (cue || monthEndsAt(toks, (0, tokenize_1.isPunct)(toks, k, ',', '،') ? k : k + 1))
        return reading(toks, toks[i]?.start ?? 0, i + 1, fields);
    return undefined;
}
/** A scale word at `i` ("million", "مليار", glued "bn"), with the grammar of its form. */
function scaleAt(toks, i, articleAllowed) {
    const t = toks[i];
    if (t?.type !== 'word')
        return undefined;
    const english = lexicon_1.EN_SCALES.get(t.forms[0]?.key ?? '');
    if (english && (0, tokenize_1.isLatinWord)(toks, i)) {
        // "5m"/"10k" only glued to a digit; "5 m" is more likely metres
        if (english.gluedOnly && !((0, tokenize_1.glued)(toks, i) && toks[i - 1]?.type === 'num'))
            return undefined;
        return english;
    }
    return (0, tokenize_1.lookup)(toks, i, lexicon_1.AR_SCALES, { article: articleAllowed, clitic: false })?.value;
}
/** "ونصف" or "and a half" at `i`: adds half of the last unit. */
function halfAt(toks, i) {
    if ((0, tokenize_1.lookup)(toks, i, lexicon_1.HALF)?.form.prefix === 'و')
        return i + 1;
    if ((0, tokenize_1.isWord)(toks, i, 'and') && (0, tokenize_1.isWord)(toks, i + 1, 'a') && (0, tokenize_1.isWord)(toks, i + 2, 'half'))
        return i + 3;
    return undefined;
}
/** A number glued to an id or a path is not a quantity: "F-35", "COVID-19", "24/7", "3/4". */
function isPartOfId(toks, i) {
    if ((0, tokenize_1.glued)(toks, i) && (0, tokenize_1.isPunct)(toks, i - 1, '/'))
        return true;
    if ((0, tokenize_1.glued)(toks, i + 1) && (0, tokenize_1.isPunct)(toks, i + 1, '/'))
        return true;
    return (0, tokenize_1.glued)(toks, i) && (0, tokenize_1.isPunct)(toks, i - 1, '-') && (0, tokenize_1.glued)(toks, i - 1) && (0, tokenize_1.isLatinWord)(toks, i - 2);
}
/** An Arabic number phrase: ثلاثة, خمسة عشر, خمسة وعشرون, ثلاثمئة. */
function arabicNumberAt(toks, i) {
    const t = toks[i];
    if (t?.type !== 'word' || lexicon_1.AR_FALSE_FRIENDS.has(t.forms[0]?.key ?? ''))
        return undefined;
    const teenUnit = (0, tokenize_1.lookup)(toks, i, lexicon_1.AR_TEEN_UNITS, { article: true });
    const unit = teenUnit ?? (0, tokenize_1.lookup)(toks, i, lexicon_1.AR_NUMBERS, { article: true });
    if (!unit)
        return undefined;
    if (unit.form.article && unit.value === 2 && !teenUnit)
        return undefined; // الاثنين is Monday
    const isTen = (k) => (0, tokenize_1.lookup)(toks, k, lexicon_1.TEN, { clitic: false }) !== undefined;
    const start = unit.form.textStart;
    if (unit.value < 10 && isTen(i + 1))
        return { value: unit.value + 10, next: i + 2, start }; // خمسة عشر = 15
    if (teenUnit)
        return undefined; // أحد/اثنا only before عشر ("الأحد" is Sunday)
    const tens = (0, tokenize_1.lookup)(toks, i + 1, lexicon_1.AR_NUMBERS);
    if (unit.value < 10 && tens?.form.prefix === 'و' && tens.value >= 20 && tens.value < 100 && tens.value % 10 === 0) {
        return { value: unit.value + tens.value, next: i + 2, start }; // خمسة وعشرون = 25
    }
    // "عشر" after an ordinal is part of it: "القرن التاسع عشر" (19th century) is no count
    if (lexicon_1.TEN.has(unit.form.key) && (0, tokenize_1.lookup)(toks, i - 1, lexicon_1.AR_ORDINAL_DAYS, { article: true }))
        return undefined;
    // "القرن العشرين": an ordinal century, not a count
    if (unit.form.article && (0, tokenize_1.lookup)(toks, i - 1, lexicon_1.CENTURY, { article: true }))
        return undefined;
    return { value: unit.value, next: i + 1, start };
}
/** An English number phrase: "three", "twenty-five", "twenty five". */
function englishNumberAt(toks, i) {
    if (!(0, tokenize_1.isLatinWord)(toks, i))
        return undefined;
    const value = (0, tokenize_1.lookup)(toks, i, lexicon_1.EN_NUMBERS)?.value;
    const start = toks[i]?.start ?? 0;
    if (value === undefined)
        return undefined;
    if (value >= 20 && value % 10 === 0) {
        const k = (0, tokenize_1.isPunct)(toks, i + 1, '-') && (0, tokenize_1.glued)(toks, i + 1) ? i + 2 : i + 1;
        const unit = (0, tokenize_1.lookup)(toks, k, lexicon_1.EN_NUMBERS)?.value ?? (0, tokenize_1.lookup)(toks, k, lexicon_1.EN_ONES)?.value;
        if (unit !== undefined && unit < 10 && !(0, tokenize_1.isWord)(toks, k, 'a', 'an'))
            return { value: value + unit, next: k + 1, start };
    }
    return { value, next: i + 1, start };
}
/** A fraction: "half", "a third", "two-thirds", "ثلثي", "ثلاثة أرباع". */
function shareAt(toks, i) {
    const arabic = (0, tokenize_1.lookup)(toks, i, lexicon_1.AR_FRACTIONS);
    if (arabic)
        return { value: arabic.value, next: i + 1, start: arabic.form.textStart };
    const numerator = (0, tokenize_1.lookup)(toks, i, lexicon_1.AR_NUMBERS, { article: true });
    const plural = (0, tokenize_1.lookup)(toks, i + 1, lexicon_1.AR_PLURAL_FRACTIONS, { clitic: false });
    if (numerator && plural && numerator.value < plural.value) {
        return { value: numerator.value / plural.value, next: i + 2, start: numerator.form.textStart };
    }
    if (!(0, tokenize_1.isLatinWord)(toks, i))
        return undefined;
    const start = toks[i]?.start ?? 0;
    if ((0, tokenize_1.isWord)(toks, i, 'half'))
        return (0, tokenize_1.isPunct)(toks, i + 1, '-') && (0, tokenize_1.glued)(toks, i + 1) ? undefined : { value: 0.5, next: i + 1, start }; // not "half-brother"
    const count = (0, tokenize_1.lookup)(toks, i, lexicon_1.EN_ONES)?.value ?? (0, tokenize_1.lookup)(toks, i, lexicon_1.EN_NUMBERS)?.value;
    if (count === undefined || count >= 10)
        return undefined;
    const k = (0, tokenize_1.isPunct)(toks, i + 1, '-') && (0, tokenize_1.glued)(toks, i + 1) ? i + 2 : i + 1;
    const denominator = (0, tokenize_1.lookup)(toks, k, lexicon_1.EN_FRACTIONS)?.value;
    return denominator && count < denominator ? { value: count / denominator, next: k + 1, start } : undefined;
}
/** The leading part of an amount: a number, number words, a range word or a bare scale word. */
function baseAt(toks, i) {
    const t = toks[i];
    if (t?.type === 'num') {
        // "14th" outside a date is an ordinal, not a count
        if (isPartOfId(toks, i) || ((0, tokenize_1.glued)(toks, i + 1) && (0, tokenize_1.isWord)(toks, i + 1, 'st', 'nd', 'rd', 'th')))
            return undefined;
        return { kind: 'exact', start: t.start, next: i + 1, value: t.value, scale: 1, needsScale: false };
    }
    if (t?.type !== 'word')
        return undefined;
    // A fraction is an amount only before a scale ("نصف مليون", "half a million"); otherwise it is a share.
    const share = shareAt(toks, i);
    if (share) {
        const k = (0, tokenize_1.isWord)(toks, share.next, 'a', 'an') ? share.next + 1 : share.next;
        const scale = scaleAt(toks, k, false);
        if (!scale || scale.form !== 'singular')
            return undefined;
        return { kind: 'exact', start: share.start, next: k + 1, value: (0, tokenize_1.scaled)(share.value, scale.factor), scale: scale.factor, needsScale: false };
    }
    const words = arabicNumberAt(toks, i) ?? englishNumberAt(toks, i);
    if (words)
        return { kind: 'exact', ...words, scale: 1, needsScale: false };
    if ((0, tokenize_1.isLatinWord)(toks, i) && (0, tokenize_1.lookup)(toks, i, lexicon_1.EN_ONES))
        return { kind: 'exact', start: t.start, next: i + 1, value: 1, scale: 1, needsScale: true };
    const range = (0, tokenize_1.lookup)(toks, i, lexicon_1.RANGES, { article: true });
    if (range) {
        const [low, high] = range.value;
        return { kind: 'range', start: range.form.textStart, next: i + 1, low, high, scale: 1, needsScale: range.form.key === 'tens' };
    }
    // A scale word alone: Arabic "مليار دولار" = 1 billion, "ألفين" = 2,000, "آلاف"/"thousands" = a range.
    // ألّف (with shadda) is the verb "wrote", not ألف; no scale word carries a shadda
    const arabicScale = t.raw.includes('\u0651') ? undefined : (0, tokenize_1.lookup)(toks, i, lexicon_1.AR_SCALES, { article: true });
    const englishScale = (0, tokenize_1.isLatinWord)(toks, i) ? lexicon_1.EN_SCALES.get(t.forms[0]?.key ?? '') : undefined;
    const scale = arabicScale?.value ?? englishScale;
    if (!scale)
        return undefined;
    const start = arabicScale?.form.textStart ?? t.start;
    if (scale.form === 'plural') {
        return { kind: 'range', start, next: i + 1, low: scale.factor, high: scale.factor * 1000 - 1, scale: scale.factor, needsScale: false };
    }
    if (!arabicScale || arabicScale.form.article)
        return undefined; // "the thousand", "million" alone: no amount
    const value = scale.form === 'singular' ? scale.factor : 2 * scale.factor;
    return { kind: 'exact', start, next: i + 1, value, scale: scale.factor, needsScale: false };
}
/** A whole amount: base, "and a half", scale words ("two hundred thousand"), and ranges "hundreds of millions". */
function amountAt(toks, i) {
    const base = baseAt(toks, i);
    if (!base)
        return undefined;
    const { start } = base;
    if (base.kind === 'range') {
        let next = base.next;
        // English "hundreds of millions"; Arabic "مئات ملايين", "عشرات الآلاف" (no "of", article allowed)
        const of = (0, tokenize_1.isWord)(toks, next, 'of') ? 1 : 0;
        const scale = scaleAt(toks, next + of, of === 0);
        let { low, high } = base;
        // English needs "of" between the words, Arabic has none
        if (base.scale === 1 && scale?.form === 'plural' && (of === 1) === (0, tokenize_1.isLatinWord)(toks, next + of)) {
            low = (0, tokenize_1.scaled)(low, scale.factor);
            high = (0, tokenize_1.scaled)(high + 1, scale.factor) - 1;
            next += of + 1;
        }
        else if (base.needsScale)
            return undefined;
        return { start, next, value: low, low, high };
    }
    let { value, scale: lastScale, next } = base;
    let halved = false;
    const addHalf = () => {
        const after = halfAt(toks, next);
        if (after === undefined || halved)
            return;
        value += 0.5 * lastScale;
        next = after;
        halved = true;
    };
    addHalf(); // "one and a half million"
    let sawScale = false;
    for (let scale = scaleAt(toks, next, false); scale; scale = scaleAt(toks, next, false)) {
        // Scales only grow ("مئة ألف"); a dual after a number is not its scale.
        if (scale.factor <= lastScale || scale.form === 'dual')
            break;
        value = (0, tokenize_1.scaled)(value, scale.factor);
        lastScale = scale.factor;
        next++;
        sawScale = true;
    }
    if (base.needsScale && !sawScale)
        return undefined; // "a", "one" alone
    addHalf(); // "مليون ونصف"
    return { start, next, value };
}
/** Percent after an amount: "%", "٪", "percent", "per cent", "بالمئة", "في المئة". */
function percentAt(toks, i) {
    const percent = (next) => ({ kind: 'percent', unit: 'percent', next });
    if ((0, tokenize_1.isPunct)(toks, i, '%', '٪'))
        return percent(i + 1);
    if ((0, tokenize_1.isWord)(toks, i, 'percent', 'pct'))
        return percent(i + 1);
    if ((0, tokenize_1.isWord)(toks, i, 'per') && (0, tokenize_1.isWord)(toks, i + 1, 'cent'))
        return percent(i + 2);
    if ((0, tokenize_1.lookup)(toks, i, lexicon_1.AR_PERCENT, { article: 'only' })?.form.prefix === 'بال')
        return percent(i + 1);
    if ((0, tokenize_1.isWord)(toks, i, lexicon_1.IN_KEY) && (0, tokenize_1.lookup)(toks, i + 1, lexicon_1.AR_PERCENT, { article: 'only', clitic: false }))
        return percent(i + 2);
    return undefined;
}
/** A currency after an amount: "$", "dollars", "of dollars", "US dollars", "USD", "دولار أمريكي", "الدولارات". */
function currencyAfter(toks, i) {
    const money = (unit, next) => ({ kind: 'money', unit, next });
    const t = toks[i];
    const coded = t?.type === 'punct' ? lexicon_1.SYMBOLS.get(t.raw) : t?.type === 'word' ? lexicon_1.CODES.get(t.raw) : undefined;
    if (coded)
        return money(coded, i + 1);
    if ((0, tokenize_1.isLatinWord)(toks, i)) {
        let k = (0, tokenize_1.isWord)(toks, i, 'of') ? i + 1 : i;
        if (toks[k]?.raw === 'US')
            k++;
        const two = lexicon_1.EN_CURRENCIES.get(`${toks[k]?.forms[0]?.key ?? ''} ${toks[k + 1]?.forms[0]?.key ?? ''}`);
        if (two)
            return money(two, k + 2);
        const one = (0, tokenize_1.isLatinWord)(toks, k) ? lexicon_1.EN_CURRENCIES.get(toks[k]?.forms[0]?.key ?? '') : undefined;
        return one ? money(one, k + 1) : undefined;
    }
    const arabicTwo = t?.type === 'word' ? lexicon_1.AR_CURRENCIES.get(`${t.forms[0]?.key ?? ''} ${toks[i + 1]?.forms[0]?.key ?? ''}`) : undefined;
    if (arabicTwo)
        return money(arabicTwo, i + 2);
    const arabic = (0, tokenize_1.lookup)(toks, i, lexicon_1.AR_CURRENCIES, { article: true, clitic: false });
    if (!arabic)
        return undefined;
    const adjective = (0, tokenize_1.lookup)(toks, i + 1, lexicon_1.AR_DOLLAR_ADJECTIVES, { article: true, clitic: false });
    return money(arabic.value, arabic.value === 'USD' && adjective ? i + 2 : i + 1);
}
function suffixAt(toks, i) {
    return percentAt(toks, i) ?? currencyAfter(toks, i);
}
/** A currency before an amount: "$", "€", "US$", "USD", "NIS". */
function currencyBefore(toks, i) {
    const t = toks[i];
    if (t?.raw === 'US' && (0, tokenize_1.isPunct)(toks, i + 1, '$') && (0, tokenize_1.glued)(toks, i + 1))
        return { unit: 'USD', next: i + 2 };
    const coded = t?.type === 'punct' ? lexicon_1.SYMBOLS.get(t.raw) : t?.type === 'word' ? lexicon_1.CODES.get(t.raw) : undefined;
    return coded ? { unit: coded, next: i + 1 } : undefined;
}
function amountFields(amount, unit, kind) {
    const range = amount.low !== undefined ? { low: amount.low, high: amount.high } : {};
    const plainKind = Number.isInteger(amount.value) ? 'count' : 'quantity';
    return { value: amount.value, unit, kind: kind ?? plainKind, ...range };
}
/** "$5bn", "€3.2m", "USD 5 million". */
function matchLeadingCurrency(toks, i) {
    const currency = currencyBefore(toks, i);
    const amount = currency && amountAt(toks, currency.next);
    if (!currency || !amount)
        return undefined;
    return reading(toks, toks[i]?.start ?? 0, amount.next, amountFields(amount, currency.unit, 'money'));
}
/** An amount and what follows it: percent, currency, or nothing (a count). */
function matchAmount(toks, i) {
    const amount = amountAt(toks, i);
    if (!amount)
        return undefined;
    const suffix = suffixAt(toks, amount.next);
    if (!suffix)
        return reading(toks, amount.start, amount.next, amountFields(amount, '', undefined));
    return reading(toks, amount.start, suffix.next, amountFields(amount, suffix.unit, suffix.kind));
}
function matchShare(toks, i) {
    const share = shareAt(toks, i);
    return share && reading(toks, share.start, share.next, { value: (0, tokenize_1.round4)(share.value), unit: 'ratio', kind: 'share' });
}
/** Matchers, most specific first: a date's day must not be read as a count. */
const MATCHERS = [
    matchNumericDate,
    matchWrittenDate,
    matchYear,
    matchLeadingCurrency,
    matchAmount,
    matchShare,
];
/** Reads the quantities in `text`, in order of appearance, without duplicates. */
function extractQuantities(text) {
    const toks = (0, tokenize_1.tokenize)(text);
    const found = [];
    const seen = new Set();
    let i = 0;
    while (i < toks.length) {
        let match;
        for (const matcher of MATCHERS)
            if ((match = matcher(toks, i)))
                break;
        if (!match) {
            i++;
            continue;
        }
        const quantity = { text: text.slice(match.start, match.end), ...match.fields };
        const key = JSON.stringify(quantity);
        if (!seen.has(key)) {
            seen.add(key);
            found.push(quantity);
        }
        i = match.next;
    }
    return found;
}
//# sourceMappingURL=parse.js.map