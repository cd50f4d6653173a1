import { foldForSearch, searchTerms } from '../../src/text/fold';

describe('foldForSearch', () => {
  // [behaviour, input, expected]
  const cases: [string, string, string][] = [
    // DESIGN §5 examples
    ['folds the hamza on alef so اذربيجان finds أذربيجان', 'أذربيجان', 'اذربيجان'],
    ['folds Arabic-Indic digits so ٥ مليار finds 5 مليار', '٥ مليار', '5 مليار'],
    ['matches the JSDoc example (hamza and damma)', 'أذربيجانُ', 'اذربيجان'],

    // hamza forms
    ['folds alef with hamza above أ to ا', 'أمن', 'امن'],
    ['folds alef with hamza below إ to ا', 'إسرائيل', 'اسراييل'],
    ['folds alef with madda آ to ا', 'آيزنكوت', 'ايزنكوت'],
    ['folds alef wasla ٱ to ا', 'ٱلله', 'الله'],
    ['folds waw with hamza ؤ to و', 'المسؤولين', 'المسوولين'],
    ['folds yeh with hamza ئ to ي', 'رئيس', 'رييس'],
    ['keeps a standalone hamza ء', 'سماء', 'سماء'],
    ['folds hamza written as a combining mark after alef the same as precomposed أ', 'ا\u0654من', 'امن'],

    // tashkeel and tatweel
    ['strips fatha, damma, kasra and sukun', 'مُحَمَّدٌ', 'محمد'],
    ['strips tanween and shadda', 'شُكْرًا جَزِيلًا', 'شكرا جزيلا'],
    ['strips superscript alef U+0670', 'هٰذا', 'هذا'],
    ['strips Quranic annotation marks U+06D6–U+06ED', 'الرَّحِيمِ\u06D6', 'الرحيم'],
    ['strips tatweel used to stretch a word', 'مـــدرســـة', 'مدرسه'],

    // ى / ي, ة / ه
    ['folds alef maksura ى to ي', 'على مدى', 'علي مدي'],
    ['folds Persian yeh ی to ي', 'علی', 'علي'],
    ['folds teh marbuta ة to ه', 'الحكومة', 'الحكومه'],

    // digits and separators
    ['folds all ten Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['folds all ten Persian digits', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['folds the Arabic decimal separator ٫ to a dot', '٥٫٥', '5.5'],
    ['folds the Arabic thousands separator ٬ to a comma', '٥٬٠٠٠', '5,000'],
    ['leaves Western digits and separators as they are', '5,000.25', '5,000.25'],

    // Latin, Greek, Cyrillic
    ['lower-cases Latin', 'Hello WORLD', 'hello world'],
    ['removes Latin accents', 'Crème Brûlée à São Paulo', 'creme brulee a sao paulo'],
    ['removes accents given as combining marks', 'Cre\u0300me', 'creme'],
    ['folds dotted capital İ to plain i', 'İstanbul', 'istanbul'],
    ['folds ß to ss', 'Straße', 'strasse'],
    ['folds capital ẞ to ss', 'STRAẞE', 'strasse'],
    ['maps stroked letters that have no decomposition', 'Łódź Ørsted Đakovo Æsir Œuvre', 'lodz orsted dakovo aesir oeuvre'],
    ['lower-cases Greek, removes tonos and folds final sigma', 'ΟΔΌΣ', 'οδοσ'],
    ['lower-cases Cyrillic and removes diaeresis', 'Ёлка', 'елка'],

    // NFKC
    ['expands the lam-alef presentation ligature ﻻ', 'ﻻ', 'لا'],
    ['expands lam-alef-with-hamza presentation forms and drops the hamza', 'ﻹسرائيل', 'لاسراييل'],
    ['maps isolated/final Arabic presentation forms to letters', 'ﺑﻴﺖ', 'بيت'],
    ['expands the Allah ligature ﷲ', 'ﷲ', 'الله'],
    ['maps fullwidth Latin and digits', 'ＡＢＣ１２３', 'abc123'],
    ['expands Latin ligatures', 'ﬁnal ﬂow', 'final flow'],

    // whitespace and invisible characters
    ['collapses runs of whitespace and trims', '  a \t\n  b  ', 'a b'],
    ['treats no-break and ideographic spaces as spaces', 'a\u00A0\u3000b', 'a b'],
    ['removes zero-width and bidi characters a reader cannot see', '\u200Fأذر\u200Bبيجان\u200E\uFEFF', 'اذربيجان'],
    ['returns an empty string for whitespace only', ' \n\t ', ''],

    // scripts it does not fold
    ['leaves Hangul syllables composed', '한국어', '한국어'],
    ['keeps Devanagari vowel signs', 'हिन्दी', 'हिन्दी'],
  ];

  it.each(cases)('%s', (_behaviour, input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  const samples = [
    ...cases.map(([, input]) => input),
    'وكان الرئيس الأذري، إلهام علييف، قد كشف لدى زيارة نتنياهو لباكو في العام 2016، أن بلاده قد عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار.',
    'ﻟﻠﻪ ﷺ ﷽',
    'ǅemal ǈubljana Ⅻ ① ½ ㎞',
    'ΣΊΣΥΦΟΣ Ὀδυσσεύς',
    'Iı İi',
    '👨‍👩‍👧 𝕏 𝒜 ',
    'a\u0301\u0327 o\u0308\u0304',
  ];

  it.each(samples.map((s) => [s]))('is idempotent: folding %j twice equals folding it once', (sample) => {
    const once = foldForSearch(sample);
    expect(foldForSearch(once)).toBe(once);
  });
});

describe('searchTerms', () => {
  const cases: [string, string, string[]][] = [
    ['splits an English sentence into lower-case words', 'The Minister said: "Five billion!"', ['the', 'minister', 'said', 'five', 'billion']],
    [
      'splits an Arabic sentence into folded words',
      'أذربيجان حافظت على علاقات وثيقة مع إسرائيل',
      ['اذربيجان', 'حافظت', 'علي', 'علاقات', 'وثيقه', 'مع', 'اسراييل'],
    ],
    ['drops Arabic guillemets «»', '«صفقة» بقيمة', ['صفقه', 'بقيمه']],
    ['drops the Arabic comma ، and question mark ؟', 'أين، ومتى؟', ['اين', 'ومتي']],
    ['drops the Arabic semicolon ؛ and Latin punctuation', 'أولا؛ ثانيا... (ثالثا)!', ['اولا', 'ثانيا', 'ثالثا']],
    ['drops straight and curly quotes', '“quoted” \'single\' "double"', ['quoted', 'single', 'double']],
    ['splits numbers at their separators', '5,000 and 5.5', ['5', '000', 'and', '5', '5']],
    ['gives the same terms for ٥٫٥ and 5.5', '٥٫٥', ['5', '5']],
    ['gives the same terms for ٥٬٠٠٠ and 5,000', '٥٬٠٠٠', ['5', '000']],
    ['keeps a number next to Arabic words', 'بقيمة ٥ مليار دولار', ['بقيمه', '5', 'مليار', 'دولار']],
    ['splits on slashes and hyphens', 'أيار/ مايو e-mail', ['ايار', 'مايو', 'e', 'mail']],
    ['returns no terms for punctuation only', '؟ ، « » ...', []],
    ['returns no terms for an empty string', '', []],
    ['removes tatweel without splitting the word', 'إســرائيــل', ['اسراييل']],
    ['keeps letters and digits together within a term', 'F-35I COVID19', ['f', '35i', 'covid19']],
  ];

  it.each(cases)('%s', (_behaviour, input, expected) => {
    expect(searchTerms(input)).toEqual(expected);
  });

  it('folds a query and a document to the same terms (DESIGN §5)', () => {
    expect(searchTerms('اذربيجان ٥ مليار')).toEqual(searchTerms('أذربيجانُ 5 مليار'));
  });
});
