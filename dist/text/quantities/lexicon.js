"use strict";
// Quantity extraction: the word tables (number words, scales, fractions, currencies, months, year cues),
// the Arabic normalisation and clitic prefixes, and the normalised lookup maps built from the tables.
Object.defineProperty(exports, "__esModule", { value: true });
exports.FROM_KEY = exports.HALF = exports.YEAR_NOUN = exports.CENTURY = exports.TEN = exports.CODES = exports.SYMBOLS = exports.EN_MONTHS = exports.RANGES = exports.EN_CURRENCIES = exports.EN_FRACTIONS = exports.EN_SCALES = exports.EN_ONES = exports.EN_NUMBERS = exports.YEAR_WORD_KEYS = exports.YEAR_CUES = exports.AR_ORDINAL_DAYS = exports.AR_MONTHS = exports.AR_PERCENT = exports.AR_DOLLAR_ADJECTIVES = exports.AR_CURRENCIES = exports.AR_PLURAL_FRACTIONS = exports.AR_FRACTIONS = exports.AR_SCALES = exports.AR_FALSE_FRIENDS = exports.AR_TEEN_UNITS = exports.AR_NUMBERS = exports.ARABIC_LETTER = exports.YEAR_WORDS = exports.ARABIC_YEAR_CUES = exports.ENGLISH_YEAR_CUES = exports.ARABIC_ORDINAL_DAYS = exports.ARABIC_MONTHS = exports.ENGLISH_MONTHS = exports.ARABIC_PERCENT_WORDS = exports.ARABIC_CURRENCY_WORDS = exports.ENGLISH_CURRENCY_WORDS = exports.CURRENCY_CODES = exports.CURRENCY_SYMBOLS = exports.ARABIC_PLURAL_FRACTION_WORDS = exports.ARABIC_FRACTION_WORDS = exports.ENGLISH_FRACTION_WORDS = exports.RANGE_WORDS = exports.ARABIC_SCALE_WORDS = exports.ENGLISH_SCALE_WORDS = exports.ARABIC_FALSE_FRIENDS = exports.ARABIC_TEEN_UNITS = exports.ARABIC_NUMBER_WORDS = exports.ENGLISH_ONE_WORDS = exports.ENGLISH_NUMBER_WORDS = void 0;
exports.ARABIC_PREFIXES = exports.ELEVENTH_UNIT_KEY = exports.TENTH_ORDINAL_KEY = exports.IN_KEY = void 0;
exports.normaliseWithOffsets = normaliseWithOffsets;
exports.normaliseWord = normaliseWord;
// ---------------------------------------------------------------------------
// Word tables. Arabic keys are written naturally here and normalised (see
// `normaliseWord`) when the lookup maps are built; English keys are lower case.
// ---------------------------------------------------------------------------
/** English number words read on their own as counts. "one", "a", "an" are in ENGLISH_ONE_WORDS. */
exports.ENGLISH_NUMBER_WORDS = {
    two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
    twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Words meaning 1, read only before a scale or a fraction ("a million", "one third"), never alone ("one of the…"). */
exports.ENGLISH_ONE_WORDS = { a: 1, an: 1, one: 1 };
/** Hundreds written as one word in Arabic: ثلاثمئة/ثلاثمائة … تسعمئة. */
const ARABIC_HUNDREDS = Object.fromEntries(Object.entries({ ثلاث: 3, أربع: 4, خمس: 5, ست: 6, سبع: 7, ثمان: 8, تسع: 9 }).flatMap(([unit, n]) => [
    [`${unit}مئة`, n * 100],
    [`${unit}مائة`, n * 100],
]));
/**
 * Arabic cardinal words (both genders, nominative and oblique). "واحد" is left
 * out: it mostly means "one of" (واحد من), not a count. 100 and the scales are
 * in ARABIC_SCALE_WORDS.
 */
exports.ARABIC_NUMBER_WORDS = {
    اثنان: 2, اثنين: 2, اثنتان: 2, اثنتين: 2,
    ثلاث: 3, ثلاثة: 3, أربع: 4, أربعة: 4, خمس: 5, خمسة: 5, ست: 6, ستة: 6,
    سبع: 7, سبعة: 7, ثمان: 8, ثماني: 8, ثمانية: 8, تسع: 9, تسعة: 9, عشر: 10, عشرة: 10,
    عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, أربعون: 40, أربعين: 40, خمسون: 50, خمسين: 50,
    ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
    ...ARABIC_HUNDREDS,
};
/** Units that only occur in Arabic teens, before عشر/عشرة: أحد عشر = 11, اثنا عشر = 12. */
exports.ARABIC_TEEN_UNITS = {
    أحد: 1, إحدى: 1, اثنا: 2, اثني: 2, اثنتا: 2, اثنتي: 2,
};
/** Whole words that look like a number word with a clitic but are not one: لست "I am not" (ل + ست). */
exports.ARABIC_FALSE_FRIENDS = ['لست', 'ولست', 'فلست', 'لستم', 'لستن'];
exports.ENGLISH_SCALE_WORDS = {
    dozen: { factor: 12, form: 'singular' },
    hundred: { factor: 100, form: 'singular' },
    thousand: { factor: 1e3, form: 'singular' },
    thousands: { factor: 1e3, form: 'plural' },
    million: { factor: 1e6, form: 'singular' },
    millions: { factor: 1e6, form: 'plural' },
    billion: { factor: 1e9, form: 'singular' },
    billions: { factor: 1e9, form: 'plural' },
    trillion: { factor: 1e12, form: 'singular' },
    trillions: { factor: 1e12, form: 'plural' },
    k: { factor: 1e3, form: 'singular', gluedOnly: true },
    m: { factor: 1e6, form: 'singular', gluedOnly: true },
    mn: { factor: 1e6, form: 'singular' },
    bn: { factor: 1e9, form: 'singular' },
    tn: { factor: 1e12, form: 'singular' },
};
exports.ARABIC_SCALE_WORDS = {
    مئة: { factor: 100, form: 'singular' },
    مائة: { factor: 100, form: 'singular' },
    مئتان: { factor: 100, form: 'dual' },
    مئتين: { factor: 100, form: 'dual' },
    مئتا: { factor: 100, form: 'dual' },
    مئتي: { factor: 100, form: 'dual' },
    مائتان: { factor: 100, form: 'dual' },
    مائتين: { factor: 100, form: 'dual' },
    مائتا: { factor: 100, form: 'dual' },
    مائتي: { factor: 100, form: 'dual' },
    ألف: { factor: 1e3, form: 'singular' },
    آلاف: { factor: 1e3, form: 'plural' },
    ألوف: { factor: 1e3, form: 'plural' },
    ألفا: { factor: 1e3, form: 'dualOrAccusative' },
    ألفان: { factor: 1e3, form: 'dual' },
    ألفين: { factor: 1e3, form: 'dual' },
    ألفي: { factor: 1e3, form: 'dual' },
    مليون: { factor: 1e6, form: 'singular' },
    ملايين: { factor: 1e6, form: 'plural' },
    مليونا: { factor: 1e6, form: 'dualOrAccusative' },
    مليونان: { factor: 1e6, form: 'dual' },
    مليونين: { factor: 1e6, form: 'dual' },
    مليوني: { factor: 1e6, form: 'dual' },
    مليار: { factor: 1e9, form: 'singular' },
    مليارات: { factor: 1e9, form: 'plural' },
    مليارا: { factor: 1e9, form: 'dualOrAccusative' },
    ملياران: { factor: 1e9, form: 'dual' },
    مليارين: { factor: 1e9, form: 'dual' },
    ملياري: { factor: 1e9, form: 'dual' },
    بليون: { factor: 1e9, form: 'singular' },
    بلايين: { factor: 1e9, form: 'plural' },
    تريليون: { factor: 1e12, form: 'singular' },
    ترليون: { factor: 1e12, form: 'singular' },
    تريليونات: { factor: 1e12, form: 'plural' },
    ترليونات: { factor: 1e12, form: 'plural' },
};
/** Multiplier words that make a range: "tens of thousands" = 10,000–99,999. "tens" needs a scale after it. */
exports.RANGE_WORDS = {
    tens: [10, 99],
    hundreds: [100, 999],
    عشرات: [10, 99],
    مئات: [100, 999],
};
/** English fraction denominators, read after a numerator ("a third", "two-thirds"); "half" also alone. */
exports.ENGLISH_FRACTION_WORDS = {
    half: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10,
};
/** Arabic fractions read on their own (indefinite: النصف/الربع usually name a period). خمس/عشر are numbers here, not fifths/tenths. */
exports.ARABIC_FRACTION_WORDS = {
    نصف: 1 / 2, ثلث: 1 / 3, ثلثا: 2 / 3, ثلثي: 2 / 3, ثلثين: 2 / 3, ربع: 1 / 4,
};
/** Arabic plural denominators read after a numerator: ثلاثة أرباع = 3/4. */
exports.ARABIC_PLURAL_FRACTION_WORDS = { أرباع: 4, أثلاث: 3 };
exports.CURRENCY_SYMBOLS = { $: 'USD', '€': 'EUR', '£': 'GBP', '₪': 'ILS', '₼': 'AZN' };
/** ISO codes as written in news copy (upper case only); NIS is the Israeli new shekel. */
exports.CURRENCY_CODES = {
    USD: 'USD', EUR: 'EUR', GBP: 'GBP', ILS: 'ILS', NIS: 'ILS', AZN: 'AZN', JOD: 'JOD', EGP: 'EGP', SAR: 'SAR', AED: 'AED', RUB: 'RUB',
};
/** English currency names after an amount. "pounds" alone is left out: it is also a weight. */
exports.ENGLISH_CURRENCY_WORDS = {
    dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', 'pound sterling': 'GBP', 'pounds sterling': 'GBP', sterling: 'GBP',
    shekel: 'ILS', shekels: 'ILS', sheqel: 'ILS', sheqels: 'ILS', manat: 'AZN', manats: 'AZN', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
};
/** Arabic currency names after an amount (the article is allowed: ملايين الدولارات). جنيه alone is ambiguous and left out. */
exports.ARABIC_CURRENCY_WORDS = {
    دولار: 'USD', دولارا: 'USD', دولارات: 'USD', يورو: 'EUR',
    شيكل: 'ILS', شيكلا: 'ILS', شيكلات: 'ILS', شيقل: 'ILS', شيقلا: 'ILS', شواقل: 'ILS', مانات: 'AZN', روبل: 'RUB',
    'جنيه إسترليني': 'GBP', 'جنيه استرليني': 'GBP',
};
/** Adjectives that may follow دولار and are read as part of the amount ("دولار أمريكي"). */
const ARABIC_DOLLAR_ADJECTIVES = ['أمريكي', 'أميركي'];
/** Percent written as a word: "40 percent", "40 بالمئة", "40 في المئة" (see percentAt). */
exports.ARABIC_PERCENT_WORDS = ['مئة', 'مائة'];
/** English month names, matched case-sensitively (capitalised) so "may" the verb is not a month. */
exports.ENGLISH_MONTHS = {
    January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10, November: 11, December: 12,
    Jan: 1, Feb: 2, Mar: 3, Apr: 4, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Sept: 9, Oct: 10, Nov: 11, Dec: 12,
};
/** Arabic month names: the Egyptian/Gulf transliterations and the Levantine (Syriac) names, two of them two words long. */
exports.ARABIC_MONTHS = {
    يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
    أغسطس: 8, سبتمبر: 9, أكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
    'كانون الثاني': 1, شباط: 2, آذار: 3, نيسان: 4, أيار: 5, حزيران: 6, تموز: 7, آب: 8, أيلول: 9,
    'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
};
/** Arabic ordinals that name a day of the month (with the article): الرابع عشر = 14, الحادي والعشرين = 21. */
exports.ARABIC_ORDINAL_DAYS = {
    أول: 1, حادي: 1, ثاني: 2, ثالث: 3, رابع: 4, خامس: 5, سادس: 6, سابع: 7, ثامن: 8, تاسع: 9, عاشر: 10, عشرين: 20, ثلاثين: 30,
};
/** Words after which a 4-digit number is a year. "by" and "around" are left out ("by 2000 votes"). */
exports.ENGLISH_YEAR_CUES = [
    'in', 'since', 'from', 'until', 'till', 'through', 'before', 'after', 'during', 'of', 'year', 'early', 'late', 'mid', 'circa',
];
exports.ARABIC_YEAR_CUES = [
    'منذ', 'في', 'حتى', 'خلال', 'قبل', 'بعد', 'مطلع', 'أواخر', 'أوائل', 'منتصف', 'بداية', 'نهاية',
];
/** Year words: a cue that is also kept in `text`, as the year's unit ("عام 1992"). */
exports.YEAR_WORDS = ['عام', 'سنة', 'عامي', 'year'];
// ---------------------------------------------------------------------------
// Normalisation of Arabic words for lookup
// ---------------------------------------------------------------------------
/** Tashkeel, Quranic marks, tatweel and zero-width joiners: invisible to a reader, dropped for lookup. */
const DROPPED_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D]/;
/** Letters folded together for lookup: hamza-carrying alefs, alef maksura, teh marbuta, Persian yeh/kaf. */
const FOLDED_LETTERS = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ی': 'ي', 'ک': 'ك' };
exports.ARABIC_LETTER = /[\u0600-\u06FF]/;
/** A word's lookup key, with `offsets[k]` = index in `raw` of the key's k-th character. */
function normaliseWithOffsets(raw) {
    let key = '';
    const offsets = [];
    for (let k = 0; k < raw.length; k++) {
        const c = raw.charAt(k);
        if (DROPPED_MARKS.test(c))
            continue;
        key += FOLDED_LETTERS[c] ?? c.toLowerCase();
        offsets.push(k);
    }
    return { key, offsets };
}
/** The lookup key of a word or a two-word phrase: no tashkeel, folded letters, lower case. */
function normaliseWord(word) {
    return word.split(' ').map((w) => normaliseWithOffsets(w).key).join(' ');
}
function lookupMap(table) {
    return new Map(Object.entries(table).map(([k, v]) => [normaliseWord(k), v]));
}
/** A set of words as a lookup map (so `lookup` can match it with clitics and the article). */
const keyMap = (words) => new Map([...words].map((w) => [normaliseWord(w), true]));
/** Exact-spelling maps (symbols, codes, English months): own keys only, so "constructor" is no currency. */
const exactMap = (table) => new Map(Object.entries(table));
exports.AR_NUMBERS = lookupMap(exports.ARABIC_NUMBER_WORDS);
exports.AR_TEEN_UNITS = lookupMap(exports.ARABIC_TEEN_UNITS);
exports.AR_FALSE_FRIENDS = keyMap(exports.ARABIC_FALSE_FRIENDS);
exports.AR_SCALES = lookupMap(exports.ARABIC_SCALE_WORDS);
exports.AR_FRACTIONS = lookupMap(exports.ARABIC_FRACTION_WORDS);
exports.AR_PLURAL_FRACTIONS = lookupMap(exports.ARABIC_PLURAL_FRACTION_WORDS);
exports.AR_CURRENCIES = lookupMap(exports.ARABIC_CURRENCY_WORDS);
exports.AR_DOLLAR_ADJECTIVES = keyMap(ARABIC_DOLLAR_ADJECTIVES);
exports.AR_PERCENT = keyMap(exports.ARABIC_PERCENT_WORDS);
exports.AR_MONTHS = lookupMap(exports.ARABIC_MONTHS);
exports.AR_ORDINAL_DAYS = lookupMap(exports.ARABIC_ORDINAL_DAYS);
exports.YEAR_CUES = keyMap([...exports.ARABIC_YEAR_CUES, ...exports.ENGLISH_YEAR_CUES]);
exports.YEAR_WORD_KEYS = keyMap(exports.YEAR_WORDS);
exports.EN_NUMBERS = lookupMap(exports.ENGLISH_NUMBER_WORDS);
exports.EN_ONES = lookupMap(exports.ENGLISH_ONE_WORDS);
exports.EN_SCALES = lookupMap(exports.ENGLISH_SCALE_WORDS);
exports.EN_FRACTIONS = lookupMap(exports.ENGLISH_FRACTION_WORDS);
exports.EN_CURRENCIES = lookupMap(exports.ENGLISH_CURRENCY_WORDS);
exports.RANGES = lookupMap(exports.RANGE_WORDS);
exports.EN_MONTHS = exactMap(exports.ENGLISH_MONTHS);
exports.SYMBOLS = exactMap(exports.CURRENCY_SYMBOLS);
exports.CODES = exactMap(exports.CURRENCY_CODES);
exports.TEN = keyMap(['عشر', 'عشرة']);
exports.CENTURY = keyMap(['قرن']);
exports.YEAR_NOUN = keyMap(['عام']);
exports.HALF = keyMap(['نصف']);
exports.FROM_KEY = normaliseWord('من');
exports.IN_KEY = normaliseWord('في');
exports.TENTH_ORDINAL_KEY = normaliseWord('عاشر');
exports.ELEVENTH_UNIT_KEY = normaliseWord('حادي');
/**
 * Arabic clitics that may be glued before a word: a conjunction (و, ف), then a
 * preposition (ب, ل, ك), then the article (ال); ل + ال is written لل.
 * `textOffset` = how many key characters to leave out of `text` (conjunction
 * and preposition; the article stays: "الرابع عشر").
 */
exports.ARABIC_PREFIXES = (() => {
    const list = [];
    for (const conj of ['', 'و', 'ف'])
        for (const prep of ['', 'ب', 'ل', 'ك'])
            for (const article of [false, true]) {
                const merged = prep === 'ل' && article; // ل + ال → لل
                const prefix = conj + (merged ? 'لل' : prep + (article ? 'ال' : ''));
                list.push({ prefix, article, clitic: conj + prep !== '', textOffset: merged ? prefix.length : (conj + prep).length });
            }
    return list.sort((a, b) => a.prefix.length - b.prefix.length); // the whole word is tried first
})();
//# sourceMappingURL=lexicon.js.map