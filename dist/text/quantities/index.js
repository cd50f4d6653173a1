"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.extractQuantities = exports.normaliseWord = exports.YEAR_WORDS = exports.ARABIC_YEAR_CUES = exports.ENGLISH_YEAR_CUES = exports.ARABIC_ORDINAL_DAYS = exports.ARABIC_MONTHS = exports.ENGLISH_MONTHS = exports.ARABIC_PERCENT_WORDS = exports.ARABIC_CURRENCY_WORDS = exports.ENGLISH_CURRENCY_WORDS = exports.CURRENCY_CODES = exports.CURRENCY_SYMBOLS = exports.ARABIC_PLURAL_FRACTION_WORDS = exports.ARABIC_FRACTION_WORDS = exports.ENGLISH_FRACTION_WORDS = exports.RANGE_WORDS = exports.ARABIC_SCALE_WORDS = exports.ENGLISH_SCALE_WORDS = exports.ARABIC_FALSE_FRIENDS = exports.ARABIC_TEEN_UNITS = exports.ARABIC_NUMBER_WORDS = exports.ENGLISH_ONE_WORDS = exports.ENGLISH_NUMBER_WORDS = void 0;
var lexicon_1 = require("./lexicon");
Object.defineProperty(exports, "ENGLISH_NUMBER_WORDS", { enumerable: true, get: function () { return lexicon_1.ENGLISH_NUMBER_WORDS; } });
Object.defineProperty(exports, "ENGLISH_ONE_WORDS", { enumerable: true, get: function () { return lexicon_1.ENGLISH_ONE_WORDS; } });
Object.defineProperty(exports, "ARABIC_NUMBER_WORDS", { enumerable: true, get: function () { return lexicon_1.ARABIC_NUMBER_WORDS; } });
Object.defineProperty(exports, "ARABIC_TEEN_UNITS", { enumerable: true, get: function () { return lexicon_1.ARABIC_TEEN_UNITS; } });
Object.defineProperty(exports, "ARABIC_FALSE_FRIENDS", { enumerable: true, get: function () { return lexicon_1.ARABIC_FALSE_FRIENDS; } });
Object.defineProperty(exports, "ENGLISH_SCALE_WORDS", { enumerable: true, get: function () { return lexicon_1.ENGLISH_SCALE_WORDS; } });
Object.defineProperty(exports, "ARABIC_SCALE_WORDS", { enumerable: true, get: function () { return lexicon_1.ARABIC_SCALE_WORDS; } });
Object.defineProperty(exports, "RANGE_WORDS", { enumerable: true, get: function () { return lexicon_1.RANGE_WORDS; } });
Object.defineProperty(exports, "ENGLISH_FRACTION_WORDS", { enumerable: true, get: function () { return lexicon_1.ENGLISH_FRACTION_WORDS; } });
Object.defineProperty(exports, "ARABIC_FRACTION_WORDS", { enumerable: true, get: function () { return lexicon_1.ARABIC_FRACTION_WORDS; } });
Object.defineProperty(exports, "ARABIC_PLURAL_FRACTION_WORDS", { enumerable: true, get: function () { return lexicon_1.ARABIC_PLURAL_FRACTION_WORDS; } });
Object.defineProperty(exports, "CURRENCY_SYMBOLS", { enumerable: true, get: function () { return lexicon_1.CURRENCY_SYMBOLS; } });
Object.defineProperty(exports, "CURRENCY_CODES", { enumerable: true, get: function () { return lexicon_1.CURRENCY_CODES; } });
Object.defineProperty(exports, "ENGLISH_CURRENCY_WORDS", { enumerable: true, get: function () { return lexicon_1.ENGLISH_CURRENCY_WORDS; } });
Object.defineProperty(exports, "ARABIC_CURRENCY_WORDS", { enumerable: true, get: function () { return lexicon_1.ARABIC_CURRENCY_WORDS; } });
Object.defineProperty(exports, "ARABIC_PERCENT_WORDS", { enumerable: true, get: function () { return lexicon_1.ARABIC_PERCENT_WORDS; } });
Object.defineProperty(exports, "ENGLISH_MONTHS", { enumerable: true, get: function () { return lexicon_1.ENGLISH_MONTHS; } });
Object.defineProperty(exports, "ARABIC_MONTHS", { enumerable: true, get: function () { return lexicon_1.ARABIC_MONTHS; } });
Object.defineProperty(exports, "ARABIC_ORDINAL_DAYS", { enumerable: true, get: function () { return lexicon_1.ARABIC_ORDINAL_DAYS; } });
Object.defineProperty(exports, "ENGLISH_YEAR_CUES", { enumerable: true, get: function () { return lexicon_1.ENGLISH_YEAR_CUES; } });
Object.defineProperty(exports, "ARABIC_YEAR_CUES", { enumerable: true, get: function () { return lexicon_1.ARABIC_YEAR_CUES; } });
Object.defineProperty(exports, "YEAR_WORDS", { enumerable: true, get: function () { return lexicon_1.YEAR_WORDS; } });
Object.defineProperty(exports, "normaliseWord", { enumerable: true, get: function () { return lexicon_1.normaliseWord; } });
var parse_1 = require("./parse");
Object.defineProperty(exports, "extractQuantities", { enumerable: true, get: function () { return parse_1.extractQuantities; } });
//# sourceMappingURL=index.js.map