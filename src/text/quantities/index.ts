/**
 * Quantity extraction (DESIGN §3): the numbers a claim rests on, read from its
 * Arabic or English text. Pure and table-driven: the text is cut into tokens
 * (numbers, words, punctuation), and a handful of small matchers are tried at
 * each token, most specific first — numeric dates, written dates, years,
 * amounts with a currency before them, amounts (with an optional currency or
 * percent after them) and finally fractions ("shares").
 *
 * Conventions (what a caller can rely on):
 * - `text` is the exact substring the quantity was read from. It covers the
 *   number, its scale word and its unit ("5 مليار دولار", "$5bn", "40 في المئة",
 *   "مئات ملايين الدولارات") but not the thing counted ("1,200" of "1,200 troops",
 *   "ثلاثة" of "ثلاثة أيام"), not prepositions ("1992" of "since 1992"/"منذ 1992")
 *   and not Arabic clitics (و ف ب ل ك: "ثلثي" of "بثلثي"). A year keeps its year
 *   word, which acts as its unit: "عام 1992", "العام 2016", "year 2016".
 * - Digits: Western, Arabic-Indic (٠-٩) and Persian (۰-۹). Thousands groups use
 *   one separator throughout ("5,000", "٥٬٠٠٠", "1 000"); "." and "٫" are decimal
 *   points ("5.000" is 5), and so is a comma before 1–2 digits ("5,5 مليون").
 * - Counts and plain quantities have unit ''. kind is 'count' when the value is
 *   whole ("ثلاثة", "٥٫٥ مليون" = 5,500,000) and 'quantity' when it is not ("2.5").
 * - Ranges ("hundreds of millions", "عشرات الآلاف", "thousands"): low/high are the
 *   smallest and largest numbers the words allow and value = low. A multiplier
 *   word spans its decade ("tens" 10–99, "hundreds" 100–999); a plural scale
 *   word alone spans up to the next scale ("thousands" 1,000–999,999).
 * - Shares are ratios rounded to 4 decimals (two-thirds → 0.6667), unit 'ratio'.
 * - Money: an unqualified dollar (دولار, "$") is read as USD; "bn", "m", "mn",
 *   "k" glued to a number are scales ("$5bn", "€3.2m"); billion and بليون = 10^9.
 * - Years: a plain 4-digit number 1000–2199 is a year (kind 'date', unit 'year')
 *   only after a year word or preposition ("in", "since", "عام", "منذ", "في"…) or
 *   a month name; otherwise it is a count.
 * - Full dates (kind 'date', unit 'date', value = the year, date 'YYYY-MM-DD'):
 *   "24 October 2018", "October 24, 2018", "24 أكتوبر 2018", "2018-10-24",
 *   "24/10/2018" (day first; month first only when the middle part exceeds 12).
 * - A day and month without a year ("14 May", "الرابع عشر من أيار/ مايو") is
 *   kept as kind 'date', unit 'date', value 0 ("year unknown") and no `date`,
 *   because `date` is always a full ISO date; the day and month stay in `text`.
 *   A month with a year but no day yields the year only.
 * - Duplicates: a quantity identical in every field to an earlier one is dropped.
 * - Not read: clock times ("20:17"), numbers inside URLs, e-mails, hashtags and
 *   ids ("A320", "F-35", "COVID-19", "24/7"), decades ("1990s", "تسعينيات"),
 *   ordinals ("الأولى", "first"), "one"/"a" on their own ("one of them"), and
 *   definite fractions (النصف, الربع), which usually name periods ("الربع الأول").
 */

export type QuantityKind = 'money' | 'share' | 'percent' | 'count' | 'date' | 'quantity';

export interface Quantity {
  /** The exact substring of the input it was read from. */
  text: string;
  /** Normalised value: 5 مليار → 5000000000; ثلثي → 0.6667; 40% → 40; a date → its year. */
  value: number;
  /** ISO 4217 for money; 'ratio' for shares; 'percent'; 'year' for a bare year; 'date' for a date; '' otherwise. */
  unit: string;
  kind: QuantityKind;
  /** Bounds of a range ("hundreds of millions"); value = low. */
  low?: number;
  high?: number;
  /** 'YYYY-MM-DD' for a date with day, month and year. */
  date?: string;
}

// ---------------------------------------------------------------------------
// Word tables. Arabic keys are written naturally here and normalised (see
// `normaliseWord`) when the lookup maps are built; English keys are lower case.
// ---------------------------------------------------------------------------

/** English number words read on their own as counts. "one", "a", "an" are in ENGLISH_ONE_WORDS. */
export const ENGLISH_NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Words meaning 1, read only before a scale or a fraction ("a million", "one third"), never alone ("one of the…"). */
export const ENGLISH_ONE_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1 };

/** Hundreds written as one word in Arabic: ثلاثمئة/ثلاثمائة … تسعمئة. */
const ARABIC_HUNDREDS: Record<string, number> = Object.fromEntries(
  Object.entries({ ثلاث: 3, أربع: 4, خمس: 5, ست: 6, سبع: 7, ثمان: 8, تسع: 9 }).flatMap(([unit, n]) => [
    [`${unit}مئة`, n * 100],
    [`${unit}مائة`, n * 100],
  ]),
);

/**
 * Arabic cardinal words (both genders, nominative and oblique). "واحد" is left
 * out: it mostly means "one of" (واحد من), not a count. 100 and the scales are
 * in ARABIC_SCALE_WORDS.
 */
export const ARABIC_NUMBER_WORDS: Readonly<Record<string, number>> = {
  اثنان: 2, اثنين: 2, اثنتان: 2, اثنتين: 2,
  ثلاث: 3, ثلاثة: 3, أربع: 4, أربعة: 4, خمس: 5, خمسة: 5, ست: 6, ستة: 6,
  سبع: 7, سبعة: 7, ثمان: 8, ثماني: 8, ثمانية: 8, تسع: 9, تسعة: 9, عشر: 10, عشرة: 10,
  عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, أربعون: 40, أربعين: 40, خمسون: 50, خمسين: 50,
  ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
  ...ARABIC_HUNDREDS,
};

/** Units that only occur in Arabic teens, before عشر/عشرة: أحد عشر = 11, اثنا عشر = 12. */
export const ARABIC_TEEN_UNITS: Readonly<Record<string, number>> = {
  أحد: 1, إحدى: 1, اثنا: 2, اثني: 2, اثنتا: 2, اثنتي: 2,
};

/** Whole words that look like a number word with a clitic but are not one: لست "I am not" (ل + ست). */
export const ARABIC_FALSE_FRIENDS: readonly string[] = ['لست', 'ولست', 'فلست', 'لستم', 'لستن'];

export type ScaleForm = 'singular' | 'plural' | 'dual' | 'dualOrAccusative';
export interface ScaleWord {
  factor: number;
  /**
   * Arabic grammar matters: a dual (ألفين, ملياري) means "two thousand" on its
   * own; ألفا/مليونا is a dual on its own but the accusative singular after a
   * number (عشرين ألفا = 20,000); a plural alone is a range (آلاف = thousands).
   */
  form: ScaleForm;
  /** Only when glued to a digit ("5m", "10k"): alone these letters mean something else. */
  gluedOnly?: boolean;
}

export const ENGLISH_SCALE_WORDS: Readonly<Record<string, ScaleWord>> = {
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

export const ARABIC_SCALE_WORDS: Readonly<Record<string, ScaleWord>> = {
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
export const RANGE_WORDS: Readonly<Record<string, readonly [number, number]>> = {
  tens: [10, 99],
  hundreds: [100, 999],
  عشرات: [10, 99],
  مئات: [100, 999],
};

/** English fraction denominators, read after a numerator ("a third", "two-thirds"); "half" also alone. */
export const ENGLISH_FRACTION_WORDS: Readonly<Record<string, number>> = {
  half: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10,
};

/** Arabic fractions read on their own (indefinite: النصف/الربع usually name a period). خمس/عشر are numbers here, not fifths/tenths. */
export const ARABIC_FRACTION_WORDS: Readonly<Record<string, number>> = {
  نصف: 1 / 2, ثلث: 1 / 3, ثلثا: 2 / 3, ثلثي: 2 / 3, ثلثين: 2 / 3, ربع: 1 / 4,
};

/** Arabic plural denominators read after a numerator: ثلاثة أرباع = 3/4. */
export const ARABIC_PLURAL_FRACTION_WORDS: Readonly<Record<string, number>> = { أرباع: 4, أثلاث: 3 };

export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₪': 'ILS', '₼': 'AZN' };

/** ISO codes as written in news copy (upper case only); NIS is the Israeli new shekel. */
export const CURRENCY_CODES: Readonly<Record<string, string>> = {
  USD: 'USD', EUR: 'EUR', GBP: 'GBP', ILS: 'ILS', NIS: 'ILS', AZN: 'AZN', JOD: 'JOD', EGP: 'EGP', SAR: 'SAR', AED: 'AED', RUB: 'RUB',
};

/** English currency names after an amount. "pounds" alone is left out: it is also a weight. */
export const ENGLISH_CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', 'pound sterling': 'GBP', 'pounds sterling': 'GBP', sterling: 'GBP',
  shekel: 'ILS', shekels: 'ILS', sheqel: 'ILS', sheqels: 'ILS', manat: 'AZN', manats: 'AZN', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
};

/** Arabic currency names after an amount (the article is allowed: ملايين الدولارات). جنيه alone is ambiguous and left out. */
export const ARABIC_CURRENCY_WORDS: Readonly<Record<string, string>> = {
  دولار: 'USD', دولارا: 'USD', دولارات: 'USD', يورو: 'EUR',
  شيكل: 'ILS', شيكلا: 'ILS', شيكلات: 'ILS', شيقل: 'ILS', شيقلا: 'ILS', شواقل: 'ILS', مانات: 'AZN', روبل: 'RUB',
  'جنيه إسترليني': 'GBP', 'جنيه استرليني': 'GBP',
};

/** Adjectives that may follow دولار and are read as part of the amount ("دولار أمريكي"). */
const ARABIC_DOLLAR_ADJECTIVES = ['أمريكي', 'أميركي'];

/** Percent written as a word: "40 percent", "40 بالمئة", "40 في المئة" (see percentAt). */
export const ARABIC_PERCENT_WORDS: readonly string[] = ['مئة', 'مائة'];

/** English month names, matched case-sensitively (capitalised) so "may" the verb is not a month. */
export const ENGLISH_MONTHS: Readonly<Record<string, number>> = {
  January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10, November: 11, December: 12,
  Jan: 1, Feb: 2, Mar: 3, Apr: 4, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Sept: 9, Oct: 10, Nov: 11, Dec: 12,
};

/** Arabic month names: the Egyptian/Gulf transliterations and the Levantine (Syriac) names, two of them two words long. */
export const ARABIC_MONTHS: Readonly<Record<string, number>> = {
  يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  أغسطس: 8, سبتمبر: 9, أكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  'كانون الثاني': 1, شباط: 2, آذار: 3, نيسان: 4, أيار: 5, حزيران: 6, تموز: 7, آب: 8, أيلول: 9,
  'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
};

/** Arabic ordinals that name a day of the month (with the article): الرابع عشر = 14, الحادي والعشرين = 21. */
export const ARABIC_ORDINAL_DAYS: Readonly<Record<string, number>> = {
  أول: 1, حادي: 1, ثاني: 2, ثالث: 3, رابع: 4, خامس: 5, سادس: 6, سابع: 7, ثامن: 8, تاسع: 9, عاشر: 10, عشرين: 20, ثلاثين: 30,
};

/** Words after which a 4-digit number is a year. "by" and "around" are left out ("by 2000 votes"). */
export const ENGLISH_YEAR_CUES: readonly string[] = [
  'in', 'since', 'from', 'until', 'till', 'through', 'before', 'after', 'during', 'of', 'year', 'early', 'late', 'mid', 'circa',
];
export const ARABIC_YEAR_CUES: readonly string[] = [
  'منذ', 'في', 'حتى', 'خلال', 'قبل', 'بعد', 'مطلع', 'أواخر', 'أوائل', 'منتصف', 'بداية', 'نهاية',
];
/** Year words: a cue that is also kept in `text`, as the year's unit ("عام 1992"). */
export const YEAR_WORDS: readonly string[] = ['عام', 'سنة', 'عامي', 'year'];

// ---------------------------------------------------------------------------
// Normalisation of Arabic words for lookup
// ---------------------------------------------------------------------------

/** Tashkeel, Quranic marks, tatweel and zero-width joiners: invisible to a reader, dropped for lookup. */
const DROPPED_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D]/;
/** Letters folded together for lookup: hamza-carrying alefs, alef maksura, teh marbuta, Persian yeh/kaf. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ی': 'ي', 'ک': 'ك' };
const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** A word's lookup key, with `offsets[k]` = index in `raw` of the key's k-th character. */
function normaliseWithOffsets(raw: string): { key: string; offsets: number[] } {
  let key = '';
  const offsets: number[] = [];
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charAt(k);
    if (DROPPED_MARKS.test(c)) continue;
    key += FOLDED_LETTERS[c] ?? c.toLowerCase();
    offsets.push(k);
  }
  return { key, offsets };
}

/** The lookup key of a word or a two-word phrase: no tashkeel, folded letters, lower case. */
export function normaliseWord(word: string): string {
  return word.split(' ').map((w) => normaliseWithOffsets(w).key).join(' ');
}

function lookupMap<T>(table: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(table).map(([k, v]) => [normaliseWord(k), v]));
}
/** A set of words as a lookup map (so `lookup` can match it with clitics and the article). */
const keyMap = (words: Iterable<string>): ReadonlyMap<string, true> => new Map([...words].map((w) => [normaliseWord(w), true]));
/** Exact-spelling maps (symbols, codes, English months): own keys only, so "constructor" is no currency. */
const exactMap = <T>(table: Readonly<Record<string, T>>): ReadonlyMap<string, T> => new Map(Object.entries(table));

const AR_NUMBERS = lookupMap(ARABIC_NUMBER_WORDS);
const AR_TEEN_UNITS = lookupMap(ARABIC_TEEN_UNITS);
const AR_FALSE_FRIENDS = keyMap(ARABIC_FALSE_FRIENDS);
const AR_SCALES = lookupMap(ARABIC_SCALE_WORDS);
const AR_FRACTIONS = lookupMap(ARABIC_FRACTION_WORDS);
const AR_PLURAL_FRACTIONS = lookupMap(ARABIC_PLURAL_FRACTION_WORDS);
const AR_CURRENCIES = lookupMap(ARABIC_CURRENCY_WORDS);
const AR_DOLLAR_ADJECTIVES = keyMap(ARABIC_DOLLAR_ADJECTIVES);
const AR_PERCENT = keyMap(ARABIC_PERCENT_WORDS);
const AR_MONTHS = lookupMap(ARABIC_MONTHS);
const AR_ORDINAL_DAYS = lookupMap(ARABIC_ORDINAL_DAYS);
const YEAR_CUES = keyMap([...ARABIC_YEAR_CUES, ...ENGLISH_YEAR_CUES]);
const YEAR_WORD_KEYS = keyMap(YEAR_WORDS);
const EN_NUMBERS = lookupMap(ENGLISH_NUMBER_WORDS);
const EN_ONES = lookupMap(ENGLISH_ONE_WORDS);
const EN_SCALES = lookupMap(ENGLISH_SCALE_WORDS);
const EN_FRACTIONS = lookupMap(ENGLISH_FRACTION_WORDS);
const EN_CURRENCIES = lookupMap(ENGLISH_CURRENCY_WORDS);
const RANGES = lookupMap(RANGE_WORDS);
const EN_MONTHS = exactMap(ENGLISH_MONTHS);
const SYMBOLS = exactMap(CURRENCY_SYMBOLS);
const CODES = exactMap(CURRENCY_CODES);
const TEN = keyMap(['عشر', 'عشرة']);
const CENTURY = keyMap(['قرن']);
const YEAR_NOUN = keyMap(['عام']);
const HALF = keyMap(['نصف']);
const FROM_KEY = normaliseWord('من');
const IN_KEY = normaliseWord('في');
const TENTH_ORDINAL_KEY = normaliseWord('عاشر');
const ELEVENTH_UNIT_KEY = normaliseWord('حادي');

/**
 * Arabic clitics that may be glued before a word: a conjunction (و, ف), then a
 * preposition (ب, ل, ك), then the article (ال); ل + ال is written لل.
 * `textOffset` = how many key characters to leave out of `text` (conjunction
 * and preposition; the article stays: "الرابع عشر").
 */
const ARABIC_PREFIXES: readonly { prefix: string; article: boolean; clitic: boolean; textOffset: number }[] = (() => {
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

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/** One reading of a word: its key with some clitics removed. */
interface WordForm {
  key: string;
  /** Has the article ال. */
  article: boolean;
  /** Has a conjunction or preposition (و ف ب ل ك) before it. */
  clitic: boolean;
  /** The clitic letters, normalised ('' if none). */
  prefix: string;
  /** Where the quantity's text starts if it starts at this word. */
  textStart: number;
}

interface Token {
  type: 'num' | 'word' | 'punct' | 'skip';
  raw: string;
  start: number;
  end: number;
  /** Whitespace separates this token from the one before. */
  spaced: boolean;
  /** num: the value and whether it was written as plain digits (no separator, no decimals). */
  value: number;
  intDigits: number;
  plain: boolean;
  /** word: its readings, whole word first. */
  forms: WordForm[];
}

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
const SKIPPED_SPANS: readonly RegExp[] = [
  /(?:https?:\/\/|www\.)\S+/y, // URLs
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/y, // e-mail addresses
  /[#@][\p{L}\p{N}_]+/uy, // hashtags and mentions
  new RegExp(`${DIGIT}{1,2}:${DIGIT}{2}(?::${DIGIT}{2})?`, 'y'), // clock times: 20:17
  /[A-Za-z]+_?[0-9][0-9A-Za-z_]*/y, // ids and model numbers: A320, G20, F16
];

function matchSticky(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  return re.exec(text)?.[0];
}

function digitValue(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x660 && code <= 0x669) return String(code - 0x660);
  if (code >= 0x6f0 && code <= 0x6f9) return String(code - 0x6f0);
  return c;
}

/** Reads a number at `pos`; `skip` when it is part of an id ("1990s", "5G", "1.2.3"). */
function readNumber(text: string, pos: number): { end: number; value: number; intDigits: number; plain: boolean; skip: boolean } | undefined {
  const grouped = matchSticky(GROUPED_NUMBER, text, pos);
  const integer = grouped ?? matchSticky(PLAIN_NUMBER, text, pos);
  if (!integer) return undefined;
  let end = pos + integer.length;
  // A decimal comma only after a plain number that is not itself in a list ("1,2,3")
  const commaAllowed = !grouped && !/[,\p{Nd}]/u.test(text.charAt(pos - 1));
  const decimals = !commaAllowed && text.charAt(end) === ',' ? undefined : matchSticky(DECIMAL_PART, text, end);
  if (decimals) end += decimals.length;
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

function wordForms(raw: string, start: number): WordForm[] {
  const { key, offsets } = normaliseWithOffsets(raw);
  if (!ARABIC_LETTER.test(raw)) return [{ key, article: false, clitic: false, prefix: '', textStart: start }];
  return ARABIC_PREFIXES.filter((p) => key.startsWith(p.prefix) && key.length - p.prefix.length >= 2).map((p) => ({
    key: key.slice(p.prefix.length),
    article: p.article,
    clitic: p.clitic,
    prefix: p.prefix,
    textStart: start + (offsets[p.textOffset] ?? 0),
  }));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let spaced = true;
  const push = (type: Token['type'], end: number, extra: Partial<Token> = {}) => {
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

// ---------------------------------------------------------------------------
// Token helpers
// ---------------------------------------------------------------------------

type Tokens = readonly Token[];

interface LookupOptions {
  /** Accept the article ال: false (default) = never, true = optional, 'only' = required. */
  article?: boolean | 'only';
  /** Accept a conjunction or preposition before the word (default true). */
  clitic?: boolean;
}

/** The first reading of token `i` (whole word first) found in `map`. */
function lookup<T>(toks: Tokens, i: number, map: ReadonlyMap<string, T>, options: LookupOptions = {}): { value: T; form: WordForm } | undefined {
  const t = toks[i];
  if (t?.type !== 'word') return undefined;
  const { article = false, clitic = true } = options;
  for (const form of t.forms) {
    if (form.article ? article === false : article === 'only') continue;
    if (form.clitic && !clitic) continue;
    const value = map.get(form.key);
    if (value !== undefined) return { value, form };
  }
  return undefined;
}

/** Token `i` is the word `key` (already normalised), written without clitics. */
function isWord(toks: Tokens, i: number, ...keys: string[]): boolean {
  const t = toks[i];
  return t?.type === 'word' && keys.includes(t.forms[0]?.key ?? '');
}

function isPunct(toks: Tokens, i: number, ...chars: string[]): boolean {
  const t = toks[i];
  return t?.type === 'punct' && chars.includes(t.raw);
}

/** Token `i` touches the token before it (no whitespace between). */
const glued = (toks: Tokens, i: number) => toks[i]?.spaced === false;

function isLatinWord(toks: Tokens, i: number): boolean {
  const t = toks[i];
  return t?.type === 'word' && /[A-Za-z]/.test(t.raw);
}

/** The value of token `i` if it is a number written as plain digits (no separator, no decimals) within [min, max]. */
function plainNumber(toks: Tokens, i: number, min: number, max: number): number | undefined {
  const t = toks[i];
  return t?.type === 'num' && t.plain && t.value >= min && t.value <= max ? t.value : undefined;
}

/** Multiplies without float noise (3.2 × 10^6 = 3200000, not 3200000.0000000005). */
const scaled = (value: number, factor: number) => Number((value * factor).toPrecision(15));
const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

// ---------------------------------------------------------------------------
// Readings. Each matcher reads from token `i` and returns the quantity and the
// index of the first token after it, or undefined.
// ---------------------------------------------------------------------------

type Fields = Omit<Quantity, 'text'>;
interface Reading {
  /** Text offsets of the quantity in the input. */
  start: number;
  end: number;
  next: number;
  fields: Fields;
}

function reading(toks: Tokens, start: number, next: number, fields: Fields): Reading {
  return { start, end: toks[next - 1]?.end ?? start, next, fields };
}


// --- dates ---------------------------------------------------------------

function isValidDate(year: number | undefined, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year ?? 2000, month - 1, day)); // 2000 is a leap year: 29 February is allowed without a year
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function dateFields(year: number | undefined, month: number, day: number): Fields | undefined {
  if (!isValidDate(year, month, day)) return undefined;
  if (year === undefined) return { value: 0, unit: 'date', kind: 'date' };
  return { value: year, unit: 'date', kind: 'date', date: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** Tokens i, i+1, … are glued together (no spaces), as in "2018-10-24". */
const allGlued = (toks: Tokens, from: number, to: number) => {
  for (let k = from; k <= to; k++) if (!glued(toks, k)) return false;
  return true;
};

/** "2018-10-24" (ISO) and "24/10/2018" (day first, unless the middle part cannot be a month). */
function matchNumericDate(toks: Tokens, i: number): Reading | undefined {
  if (!allGlued(toks, i + 1, i + 4) || glued(toks, i + 5)) return undefined;
  const year = plainNumber(toks, i, 1000, 2999);
  if (year !== undefined && isPunct(toks, i + 1, '-') && isPunct(toks, i + 3, '-')) {
    const month = plainNumber(toks, i + 2, 1, 12);
    const day = plainNumber(toks, i + 4, 1, 31);
    const fields = month && day ? dateFields(year, month, day) : undefined;
    return fields && reading(toks, toks[i]?.start ?? 0, i + 5, fields);
  }
  if (isPunct(toks, i + 1, '/') && isPunct(toks, i + 3, '/')) {
    const first = plainNumber(toks, i, 1, 31);
    const second = plainNumber(toks, i + 2, 1, 31);
    const y = plainNumber(toks, i + 4, 1000, 2999);
    if (first === undefined || second === undefined || y === undefined) return undefined;
    const [day, month] = second > 12 ? [second, first] : [first, second];
    const fields = dateFields(y, month, day);
    return fields && reading(toks, toks[i]?.start ?? 0, i + 5, fields);
  }
  return undefined;
}

/** A month name at `i`, also doubled as "أيار/ مايو" or "أيار (مايو)"; returns the month and the next index. */
function monthAt(toks: Tokens, i: number): { month: number; next: number } | undefined {
  const single = singleMonthAt(toks, i);
  if (!single) return undefined;
  // Levantine and Egyptian names side by side: "كانون الأول/ ديسمبر"
  if (isPunct(toks, single.next, '/', '(')) {
    const second = singleMonthAt(toks, single.next + 1);
    if (second?.month === single.month) {
      const close = isPunct(toks, second.next, ')') && isPunct(toks, single.next, '(');
      return { month: single.month, next: close ? second.next + 1 : second.next };
    }
  }
  return single;
}

function singleMonthAt(toks: Tokens, i: number): { month: number; next: number } | undefined {
  const t = toks[i];
  if (t?.type !== 'word') return undefined;
  const english = EN_MONTHS.get(t.raw);
  if (english !== undefined) return { month: english, next: isPunct(toks, i + 1, '.') && glued(toks, i + 1) && t.raw.length <= 4 ? i + 2 : i + 1 };
  // Two-word Levantine names: كانون الأول, تشرين الثاني
  const next = toks[i + 1];
  for (const form of t.forms) {
    if (form.article) continue;
    if (next?.type === 'word') {
      const two = AR_MONTHS.get(`${form.key} ${next.forms[0]?.key ?? ''}`);
      if (two !== undefined) return { month: two, next: i + 2 };
    }
    const one = AR_MONTHS.get(form.key);
    if (one !== undefined) return { month: one, next: i + 1 };
  }
  return undefined;
}

/** A day number at `i`: "14", "14th", or an Arabic ordinal "الرابع عشر", "الحادي والعشرين". */
function dayAt(toks: Tokens, i: number): { day: number; next: number; start: number } | undefined {
  const n = plainNumber(toks, i, 1, 31);
  if (n !== undefined) {
    const suffix = glued(toks, i + 1) && isWord(toks, i + 1, 'st', 'nd', 'rd', 'th');
    return { day: n, next: suffix ? i + 2 : i + 1, start: toks[i]?.start ?? 0 };
  }
  const ordinal = lookup(toks, i, AR_ORDINAL_DAYS, { article: 'only' });
  if (!ordinal) return undefined;
  const base = ordinal.value;
  const start = ordinal.form.textStart;
  const isUnit = ordinal.form.key !== TENTH_ORDINAL_KEY && base < 10;
  if (isUnit && lookup(toks, i + 1, TEN, { clitic: false })) return { day: base + 10, next: i + 2, start };
  // "والعشرين" / "والثلاثين": unit + tens
  const tens = lookup(toks, i + 1, AR_ORDINAL_DAYS, { article: 'only' });
  if (isUnit && tens && tens.form.prefix === 'وال' && tens.value >= 20) return { day: base + tens.value, next: i + 2, start };
  if (ordinal.form.key === ELEVENTH_UNIT_KEY) return undefined; // الحادي only in compounds
  return { day: base, next: i + 1, start };
}

/** After a day and month: an optional year, as in ", 2018", " 2018", "من العام 2018". */
function yearAfterMonth(toks: Tokens, i: number): { year: number; next: number } | undefined {
  let k = i;
  if (isPunct(toks, k, ',', '،')) k++;
  if (isWord(toks, k, FROM_KEY)) k++;
  if (lookup(toks, k, YEAR_NOUN, { article: true, clitic: false })) k++;
  const year = plainNumber(toks, k, 1000, 2999);
  return year === undefined || (toks[k]?.intDigits ?? 0) !== 4 ? undefined : { year, next: k + 1 };
}

/** "24 October 2018", "14th of May", "الرابع عشر من أيار/ مايو", and month first: "October 24, 2018". */
function matchWrittenDate(toks: Tokens, i: number): Reading | undefined {
  const day = dayAt(toks, i);
  if (day) {
    let k = day.next;
    if (isWord(toks, k, 'of', FROM_KEY)) k++;
    const month = monthAt(toks, k);
    if (!month) return undefined;
    const year = yearAfterMonth(toks, month.next);
    const fields = dateFields(year?.year, month.month, day.day);
    return fields && reading(toks, day.start, year?.next ?? month.next, fields);
  }
  const month = isLatinWord(toks, i) ? monthAt(toks, i) : undefined;
  const dayAfter = month && plainNumber(toks, month.next, 1, 31);
  if (!month || dayAfter === undefined) return undefined;
  let next = month.next + 1;
  if (glued(toks, next) && isWord(toks, next, 'st', 'nd', 'rd', 'th')) next++;
  const year = yearAfterMonth(toks, next);
  const fields = dateFields(year?.year, month.month, dayAfter);
  return fields && reading(toks, toks[i]?.start ?? 0, year?.next ?? next, fields);
}

/** Some month name ends right before token `k`. */
function monthEndsAt(toks: Tokens, k: number): boolean {
  for (let s = Math.max(0, k - 5); s < k; s++) if (monthAt(toks, s)?.next === k) return true;
  return false;
}

/**
 * A year: a plain 4-digit number after a cue word or a month name. A year word
 * ("عام", "year") is kept in `text`; prepositions ("in", "منذ") are not.
 */
function matchYear(toks: Tokens, i: number): Reading | undefined {
  const year = plainNumber(toks, i, 1000, 2199);
  if (year === undefined || toks[i]?.intDigits !== 4) return undefined;
  if (suffixAt(toks, i + 1) || scaleAt(toks, i + 1, false)) return undefined; // "in 2000 dollars" is money
  const fields: Fields = { value: year, unit: 'year', kind: 'date' };
  let k = i - 1;
  if (isPunct(toks, k, '-') && glued(toks, i)) k--; // "mid-2016"
  const yearWord = lookup(toks, k, YEAR_WORD_KEYS, { article: true });
  if (yearWord) return reading(toks, yearWord.form.textStart, i + 1, fields);
  const cue = lookup(toks, k, YEAR_CUES, { article: true });
  if (cue || monthEndsAt(toks, isPunct(toks, k, ',', '،') ? k : k + 1)) return reading(toks, toks[i]?.start ?? 0, i + 1, fields);
  return undefined;
}

// --- amounts ---------------------------------------------------------------

interface Amount {
  start: number;
  next: number;
  value: number;
  low?: number;
  high?: number;
}

/** A scale word at `i` ("million", "مليار", glued "bn"), with the grammar of its form. */
function scaleAt(toks: Tokens, i: number, articleAllowed: boolean): ScaleWord | undefined {
  const t = toks[i];
  if (t?.type !== 'word') return undefined;
  const english = EN_SCALES.get(t.forms[0]?.key ?? '');
  if (english && isLatinWord(toks, i)) {
    // "5m"/"10k" only glued to a digit; "5 m" is more likely metres
    if (english.gluedOnly && !(glued(toks, i) && toks[i - 1]?.type === 'num')) return undefined;
    return english;
  }
  return lookup(toks, i, AR_SCALES, { article: articleAllowed, clitic: false })?.value;
}

/** "ونصف" or "and a half" at `i`: adds half of the last unit. */
function halfAt(toks: Tokens, i: number): number | undefined {
  if (lookup(toks, i, HALF)?.form.prefix === 'و') return i + 1;
  if (isWord(toks, i, 'and') && isWord(toks, i + 1, 'a') && isWord(toks, i + 2, 'half')) return i + 3;
  return undefined;
}

/** A number glued to an id or a path is not a quantity: "F-35", "COVID-19", "24/7", "3/4". */
function isPartOfId(toks: Tokens, i: number): boolean {
  if (glued(toks, i) && isPunct(toks, i - 1, '/')) return true;
  if (glued(toks, i + 1) && isPunct(toks, i + 1, '/')) return true;
  return glued(toks, i) && isPunct(toks, i - 1, '-') && glued(toks, i - 1) && isLatinWord(toks, i - 2);
}

/** A number read from words: its value, the index after it and where its text starts (after clitics). */
interface WordNumber {
  value: number;
  next: number;
  start: number;
}

/** An Arabic number phrase: ثلاثة, خمسة عشر, خمسة وعشرون, ثلاثمئة. */
function arabicNumberAt(toks: Tokens, i: number): WordNumber | undefined {
  const t = toks[i];
  if (t?.type !== 'word' || AR_FALSE_FRIENDS.has(t.forms[0]?.key ?? '')) return undefined;
  const teenUnit = lookup(toks, i, AR_TEEN_UNITS, { article: true });
  const unit = teenUnit ?? lookup(toks, i, AR_NUMBERS, { article: true });
  if (!unit) return undefined;
  if (unit.form.article && unit.value === 2 && !teenUnit) return undefined; // الاثنين is Monday
  const isTen = (k: number) => lookup(toks, k, TEN, { clitic: false }) !== undefined;
  const start = unit.form.textStart;
  if (unit.value < 10 && isTen(i + 1)) return { value: unit.value + 10, next: i + 2, start }; // خمسة عشر = 15
  if (teenUnit) return undefined; // أحد/اثنا only before عشر ("الأحد" is Sunday)
  const tens = lookup(toks, i + 1, AR_NUMBERS);
  if (unit.value < 10 && tens?.form.prefix === 'و' && tens.value >= 20 && tens.value < 100 && tens.value % 10 === 0) {
    return { value: unit.value + tens.value, next: i + 2, start }; // خمسة وعشرون = 25
  }
  // "عشر" after an ordinal is part of it: "القرن التاسع عشر" (19th century) is no count
  if (TEN.has(unit.form.key) && lookup(toks, i - 1, AR_ORDINAL_DAYS, { article: true })) return undefined;
  // "القرن العشرين": an ordinal century, not a count
  if (unit.form.article && lookup(toks, i - 1, CENTURY, { article: true })) return undefined;
  return { value: unit.value, next: i + 1, start };
}

/** An English number phrase: "three", "twenty-five", "twenty five". */
function englishNumberAt(toks: Tokens, i: number): WordNumber | undefined {
  if (!isLatinWord(toks, i)) return undefined;
  const value = lookup(toks, i, EN_NUMBERS)?.value;
  const start = toks[i]?.start ?? 0;
  if (value === undefined) return undefined;
  if (value >= 20 && value % 10 === 0) {
    const k = isPunct(toks, i + 1, '-') && glued(toks, i + 1) ? i + 2 : i + 1;
    const unit = lookup(toks, k, EN_NUMBERS)?.value ?? lookup(toks, k, EN_ONES)?.value;
    if (unit !== undefined && unit < 10 && !isWord(toks, k, 'a', 'an')) return { value: value + unit, next: k + 1, start };
  }
  return { value, next: i + 1, start };
}

/** A fraction: "half", "a third", "two-thirds", "ثلثي", "ثلاثة أرباع". */
function shareAt(toks: Tokens, i: number): WordNumber | undefined {
  const arabic = lookup(toks, i, AR_FRACTIONS);
  if (arabic) return { value: arabic.value, next: i + 1, start: arabic.form.textStart };
  const numerator = lookup(toks, i, AR_NUMBERS, { article: true });
  const plural = lookup(toks, i + 1, AR_PLURAL_FRACTIONS, { clitic: false });
  if (numerator && plural && numerator.value < plural.value) {
    return { value: numerator.value / plural.value, next: i + 2, start: numerator.form.textStart };
  }
  if (!isLatinWord(toks, i)) return undefined;
  const start = toks[i]?.start ?? 0;
  if (isWord(toks, i, 'half')) return isPunct(toks, i + 1, '-') && glued(toks, i + 1) ? undefined : { value: 0.5, next: i + 1, start }; // not "half-brother"
  const count = lookup(toks, i, EN_ONES)?.value ?? lookup(toks, i, EN_NUMBERS)?.value;
  if (count === undefined || count >= 10) return undefined;
  const k = isPunct(toks, i + 1, '-') && glued(toks, i + 1) ? i + 2 : i + 1;
  const denominator = lookup(toks, k, EN_FRACTIONS)?.value;
  return denominator && count < denominator ? { value: count / denominator, next: k + 1, start } : undefined;
}

/** `scale`: the last scale factor read (1 if none); `needsScale`: "a"/"one"/"tens" mean nothing without one. */
type Base = { start: number; next: number; scale: number; needsScale: boolean } & (
  | { kind: 'exact'; value: number }
  | { kind: 'range'; low: number; high: number }
);

/** The leading part of an amount: a number, number words, a range word or a bare scale word. */
function baseAt(toks: Tokens, i: number): Base | undefined {
  const t = toks[i];
  if (t?.type === 'num') {
    // "14th" outside a date is an ordinal, not a count
    if (isPartOfId(toks, i) || (glued(toks, i + 1) && isWord(toks, i + 1, 'st', 'nd', 'rd', 'th'))) return undefined;
    return { kind: 'exact', start: t.start, next: i + 1, value: t.value, scale: 1, needsScale: false };
  }
  if (t?.type !== 'word') return undefined;

  // A fraction is an amount only before a scale ("نصف مليون", "half a million"); otherwise it is a share.
  const share = shareAt(toks, i);
  if (share) {
    const k = isWord(toks, share.next, 'a', 'an') ? share.next + 1 : share.next;
    const scale = scaleAt(toks, k, false);
    if (!scale || scale.form !== 'singular') return undefined;
    return { kind: 'exact', start: share.start, next: k + 1, value: scaled(share.value, scale.factor), scale: scale.factor, needsScale: false };
  }
  const words = arabicNumberAt(toks, i) ?? englishNumberAt(toks, i);
  if (words) return { kind: 'exact', ...words, scale: 1, needsScale: false };
  if (isLatinWord(toks, i) && lookup(toks, i, EN_ONES)) return { kind: 'exact', start: t.start, next: i + 1, value: 1, scale: 1, needsScale: true };

  const range = lookup(toks, i, RANGES, { article: true });
  if (range) {
    const [low, high] = range.value;
    return { kind: 'range', start: range.form.textStart, next: i + 1, low, high, scale: 1, needsScale: range.form.key === 'tens' };
  }
  // A scale word alone: Arabic "مليار دولار" = 1 billion, "ألفين" = 2,000, "آلاف"/"thousands" = a range.
  // ألّف (with shadda) is the verb "wrote", not ألف; no scale word carries a shadda
  const arabicScale = t.raw.includes('\u0651') ? undefined : lookup(toks, i, AR_SCALES, { article: true });
  const englishScale = isLatinWord(toks, i) ? EN_SCALES.get(t.forms[0]?.key ?? '') : undefined;
  const scale = arabicScale?.value ?? englishScale;
  if (!scale) return undefined;
  const start = arabicScale?.form.textStart ?? t.start;
  if (scale.form === 'plural') {
    return { kind: 'range', start, next: i + 1, low: scale.factor, high: scale.factor * 1000 - 1, scale: scale.factor, needsScale: false };
  }
  if (!arabicScale || arabicScale.form.article) return undefined; // "the thousand", "million" alone: no amount
  const value = scale.form === 'singular' ? scale.factor : 2 * scale.factor;
  return { kind: 'exact', start, next: i + 1, value, scale: scale.factor, needsScale: false };
}

/** A whole amount: base, "and a half", scale words ("two hundred thousand"), and ranges "hundreds of millions". */
function amountAt(toks: Tokens, i: number): Amount | undefined {
  const base = baseAt(toks, i);
  if (!base) return undefined;
  const { start } = base;
  if (base.kind === 'range') {
    let next = base.next;
    // English "hundreds of millions"; Arabic "مئات ملايين", "عشرات الآلاف" (no "of", article allowed)
    const of = isWord(toks, next, 'of') ? 1 : 0;
    const scale = scaleAt(toks, next + of, of === 0);
    let { low, high } = base;
    // English needs "of" between the words, Arabic has none
    if (base.scale === 1 && scale?.form === 'plural' && (of === 1) === isLatinWord(toks, next + of)) {
      low = scaled(low, scale.factor);
      high = scaled(high + 1, scale.factor) - 1;
      next += of + 1;
    } else if (base.needsScale) return undefined;
    return { start, next, value: low, low, high };
  }

  let { value, scale: lastScale, next } = base;
  let halved = false;
  const addHalf = () => {
    const after = halfAt(toks, next);
    if (after === undefined || halved) return;
    value += 0.5 * lastScale;
    next = after;
    halved = true;
  };
  addHalf(); // "one and a half million"
  let sawScale = false;
  for (let scale = scaleAt(toks, next, false); scale; scale = scaleAt(toks, next, false)) {
    // Scales only grow ("مئة ألف"); a dual after a number is not its scale.
    if (scale.factor <= lastScale || scale.form === 'dual') break;
    value = scaled(value, scale.factor);
    lastScale = scale.factor;
    next++;
    sawScale = true;
  }
  if (base.needsScale && !sawScale) return undefined; // "a", "one" alone
  addHalf(); // "مليون ونصف"
  return { start, next, value };
}

// --- units -----------------------------------------------------------------

type Suffix = { kind: 'percent' | 'money'; unit: string; next: number };

/** Percent after an amount: "%", "٪", "percent", "per cent", "بالمئة", "في المئة". */
function percentAt(toks: Tokens, i: number): Suffix | undefined {
  const percent = (next: number): Suffix => ({ kind: 'percent', unit: 'percent', next });
  if (isPunct(toks, i, '%', '٪')) return percent(i + 1);
  if (isWord(toks, i, 'percent', 'pct')) return percent(i + 1);
  if (isWord(toks, i, 'per') && isWord(toks, i + 1, 'cent')) return percent(i + 2);
  if (lookup(toks, i, AR_PERCENT, { article: 'only' })?.form.prefix === 'بال') return percent(i + 1);
  if (isWord(toks, i, IN_KEY) && lookup(toks, i + 1, AR_PERCENT, { article: 'only', clitic: false })) return percent(i + 2);
  return undefined;
}

/** A currency after an amount: "$", "dollars", "of dollars", "US dollars", "USD", "دولار أمريكي", "الدولارات". */
function currencyAfter(toks: Tokens, i: number): Suffix | undefined {
  const money = (unit: string, next: number): Suffix => ({ kind: 'money', unit, next });
  const t = toks[i];
  const coded = t?.type === 'punct' ? SYMBOLS.get(t.raw) : t?.type === 'word' ? CODES.get(t.raw) : undefined;
  if (coded) return money(coded, i + 1);
  if (isLatinWord(toks, i)) {
    let k = isWord(toks, i, 'of') ? i + 1 : i;
    if (toks[k]?.raw === 'US') k++;
    const two = EN_CURRENCIES.get(`${toks[k]?.forms[0]?.key ?? ''} ${toks[k + 1]?.forms[0]?.key ?? ''}`);
    if (two) return money(two, k + 2);
    const one = isLatinWord(toks, k) ? EN_CURRENCIES.get(toks[k]?.forms[0]?.key ?? '') : undefined;
    return one ? money(one, k + 1) : undefined;
  }
  const arabicTwo = t?.type === 'word' ? AR_CURRENCIES.get(`${t.forms[0]?.key ?? ''} ${toks[i + 1]?.forms[0]?.key ?? ''}`) : undefined;
  if (arabicTwo) return money(arabicTwo, i + 2);
  const arabic = lookup(toks, i, AR_CURRENCIES, { article: true, clitic: false });
  if (!arabic) return undefined;
  const adjective = lookup(toks, i + 1, AR_DOLLAR_ADJECTIVES, { article: true, clitic: false });
  return money(arabic.value, arabic.value === 'USD' && adjective ? i + 2 : i + 1);
}

function suffixAt(toks: Tokens, i: number): Suffix | undefined {
  return percentAt(toks, i) ?? currencyAfter(toks, i);
}

/** A currency before an amount: "$", "€", "US$", "USD", "NIS". */
function currencyBefore(toks: Tokens, i: number): { unit: string; next: number } | undefined {
  const t = toks[i];
  if (t?.raw === 'US' && isPunct(toks, i + 1, '$') && glued(toks, i + 1)) return { unit: 'USD', next: i + 2 };
  const coded = t?.type === 'punct' ? SYMBOLS.get(t.raw) : t?.type === 'word' ? CODES.get(t.raw) : undefined;
  return coded ? { unit: coded, next: i + 1 } : undefined;
}

function amountFields(amount: Amount, unit: string, kind: QuantityKind | undefined): Fields {
  const range = amount.low !== undefined ? { low: amount.low, high: amount.high } : {};
  const plainKind: QuantityKind = Number.isInteger(amount.value) ? 'count' : 'quantity';
  return { value: amount.value, unit, kind: kind ?? plainKind, ...range };
}

/** "$5bn", "€3.2m", "USD 5 million". */
function matchLeadingCurrency(toks: Tokens, i: number): Reading | undefined {
  const currency = currencyBefore(toks, i);
  const amount = currency && amountAt(toks, currency.next);
  if (!currency || !amount) return undefined;
  return reading(toks, toks[i]?.start ?? 0, amount.next, amountFields(amount, currency.unit, 'money'));
}

/** An amount and what follows it: percent, currency, or nothing (a count). */
function matchAmount(toks: Tokens, i: number): Reading | undefined {
  const amount = amountAt(toks, i);
  if (!amount) return undefined;
  const suffix = suffixAt(toks, amount.next);
  if (!suffix) return reading(toks, amount.start, amount.next, amountFields(amount, '', undefined));
  return reading(toks, amount.start, suffix.next, amountFields(amount, suffix.unit, suffix.kind));
}

function matchShare(toks: Tokens, i: number): Reading | undefined {
  const share = shareAt(toks, i);
  return share && reading(toks, share.start, share.next, { value: round4(share.value), unit: 'ratio', kind: 'share' });
}

/** Matchers, most specific first: a date's day must not be read as a count. */
const MATCHERS: readonly ((toks: Tokens, i: number) => Reading | undefined)[] = [
  matchNumericDate,
  matchWrittenDate,
  matchYear,
  matchLeadingCurrency,
  matchAmount,
  matchShare,
];

/** Reads the quantities in `text`, in order of appearance, without duplicates. */
export function extractQuantities(text: string): Quantity[] {
  const toks = tokenize(text);
  const found: Quantity[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < toks.length) {
    let match: Reading | undefined;
    for (const matcher of MATCHERS) if ((match = matcher(toks, i))) break;
    if (!match) {
      i++;
      continue;
    }
    const quantity: Quantity = { text: text.slice(match.start, match.end), ...match.fields };
    const key = JSON.stringify(quantity);
    if (!seen.has(key)) {
      seen.add(key);
      found.push(quantity);
    }
    i = match.next;
  }
  return found;
}
