"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.demoClaims = exports.demoSources = exports.demoArticle = void 0;
exports.readDemoBody = readDemoBody;
/**
 * Demo data set loaded by a fresh install: one Arabic news article (arab48-style,
 * 24 Oct 2018) about the first official visit of Azerbaijan's chief of staff,
 * Najmuddin Sadikov, to Israel, and the checkable claims it contains.
 *
 * The article body is stored byte-for-byte next to this file (article.ar.txt), so
 * the project runs without any external fixture directory.
 *
 * Quote offsets (`start`/`end`) are Unicode CODE POINT indices into that body
 * (end exclusive): `Array.from(body).slice(start, end).join('') === exact`.
 * They were computed by a script that searched the stored body for each `exact`
 * and are hard-coded here so that the data stays static and reviewable; the unit
 * test tests/unit/demo-data.test.ts re-checks every one of them. If the article
 * file ever changes, recompute the offsets — never edit them by hand.
 * `prefix`/`suffix` (up to 20 code points of surrounding text) are only given
 * when `exact` occurs more than once in the body.
 */
const fs_1 = require("fs");
const path_1 = require("path");
const ARTICLE_KEY = 'arab48-article';
const HAARETZ_KEY = 'haaretz-report';
exports.demoArticle = {
    // PLACEHOLDER URL: plausible arab48.com address for the demo, not the article's real link.
    url: 'https://www.arab48.com/demo/2018/10/24/azerbaijan-chief-of-staff',
    // The headline line of the article (line 3 of article.ar.txt).
    title: 'رئيس الأركان الأذري في البلاد لأول مرة: الهدف إبرام صفقات سلاح',
    publisher: 'عرب 48',
    language: 'ar',
    // Dateline "24/10/2018 - 20:17" local time (UTC+3).
    publishedAt: '2018-10-24T17:17:00Z',
    bodyFile: (0, path_1.join)(__dirname, 'article.ar.txt'),
};
exports.demoSources = [
    {
        key: ARTICLE_KEY,
        url: exports.demoArticle.url,
        title: exports.demoArticle.title,
        publisher: exports.demoArticle.publisher,
        kind: 'news_report',
        publishedAt: exports.demoArticle.publishedAt,
    },
    {
        // The Haaretz report the article cites ("الموقع الإلكتروني لصحيفة هآرتس").
        // PLACEHOLDER URL and title: a plausible haaretz.com path for the demo, not a
        // verified link to the real report. publishedAt is omitted because the
        // article does not give it.
        key: HAARETZ_KEY,
        url: 'https://www.haaretz.com/israel-news/2018-10-24/azerbaijan-army-chief-of-staff-visits-israel',
        title: 'Azerbaijan army chief of staff on first official visit to Israel (placeholder title)',
        publisher: 'هآرتس',
        kind: 'news_report',
    },
];
/**
 * Claims default to claimDate = the article date (2018-10-24) unless the claim was
 * made at a known earlier date (Aliyev's $5bn statement: Netanyahu's Baku visit,
 * 13 Dec 2016). Claimant is whoever the article attributes the claim to; "عرب 48"
 * marks the outlet's own unattributed statements.
 */
exports.demoClaims = [
    {
        text: 'زيارة رئيس أركان القوات المسلحة الأذربيجانية نجم الدين صادقوف إلى إسرائيل في 24 تشرين الأول/ أكتوبر 2018 هي أول زيارة رسمية من نوعها.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'في زيارة رسمية تعد الأولى من نوعها، وصل رئيس أركان القوات المسلحة الأذربيجانية نجم الدين صادِقوف، اليوم الأربعاء، إلى البلاد',
            start: 446,
            end: 570,
        },
        quantities: [],
        tags: ['military', 'diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context', note: '"اليوم الأربعاء" = 24 October 2018, the article date.' },
        ],
    },
    {
        text: 'التقى صادقوف خلال الزيارة نظيره الإسرائيلي غادي آيزنكوت وضباطًا كبارًا لبحث توطيد العلاقات العسكرية وإنجاز صفقات أمنية.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'اجتمع خلالها بنظيره الإسرائيلي غادي آيزنكوت، وضباط كبار، لبحث "سبل توطيد العلاقات العسكرية، وإنجاز صفقات أمنية"',
            start: 572,
            end: 683,
        },
        quantities: [],
        tags: ['military', 'arms_deals'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
    {
        text: 'تهدف زيارة رئيس الأركان الأذري إلى توطيد العلاقات العسكرية ودفع صفقات أمنية بين إسرائيل وأذربيجان.',
        language: 'ar',
        claimant: 'هآرتس',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'الزيارة تهدف إلى توطيد العلاقات العسكرية ودفع صفقات أمنية بين البلدين إلى الأمام',
            start: 789,
            end: 869,
        },
        quantities: [],
        tags: ['military', 'arms_deals', 'diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
            { sourceKey: HAARETZ_KEY, stance: 'supports', excerpt: 'وأشار الموقع الإلكتروني لصحيفة "هآرتس" إلى أن' },
        ],
    },
    {
        text: 'زيارة صادقوف رسالة واضحة لإيران بسبب موقع أذربيجان الإستراتيجي وحدودها الواسعة معها.',
        language: 'ar',
        claimant: 'هآرتس',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'زيارة صادِقوف تعد رسالة واضحة لإيران، نظرا لموقع أذربيجان الإستراتيجي وحدودها الواسعة معها',
            start: 889,
            end: 979,
        },
        quantities: [],
        tags: ['iran', 'military', 'diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
            { sourceKey: HAARETZ_KEY, stance: 'supports', excerpt: 'وقالت الصحيفة إن' },
        ],
    },
    {
        text: 'حافظت أذربيجان على علاقات وثيقة مع إسرائيل وعززتها في السنوات الأخيرة.',
        language: 'ar',
        claimant: 'هآرتس',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'أذربيجان حافظت على علاقات وثيقة مع إسرائيل عززتها في السنوات الأخيرة',
            prefix: 'معها، وأشارت إلى أن ',
            suffix: '.\n\nيشار الى أن إسرائ',
            start: 995,
            end: 1063,
        },
        quantities: [],
        tags: ['diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
            { sourceKey: HAARETZ_KEY, stance: 'supports', excerpt: 'وأشارت إلى أن', note: '"وأشارت" refers back to "الصحيفة" (Haaretz) in the same sentence.' },
        ],
    },
    {
        text: 'باعت إسرائيل أذربيجان خلال العقد الأخير وسائل قتالية بمئات ملايين الدولارات.',
        language: 'ar',
        claimant: 'تقارير مختلفة',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'إسرائيل باعت لأذربيجان على مدى العقد الأخير، وفقا لتقارير مختلفة، وسائل قتالية بمئات ملايين الدولارات',
            start: 1078,
            end: 1179,
        },
        quantities: [
            { text: 'مئات ملايين الدولارات', value: 100000000, unit: 'USD', kind: 'money', low: 100000000, high: 999999999 },
            { text: 'العقد الأخير', value: 10, unit: 'year', kind: 'duration' },
        ],
        tags: ['military', 'arms_deals'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context', note: 'The article attributes the figure to unnamed "various reports".' },
        ],
    },
    {
        text: 'شملت صفقات السلاح الإسرائيلية مع أذربيجان بيع طائرات من دون طيار.',
        language: 'ar',
        claimant: 'تقارير مختلفة',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'في صفقات عسكرية ضخمة تضمنت كذلك بيع إسرائيل للدول الأذرية طائرات من دون طيار',
            start: 1181,
            end: 1257,
        },
        quantities: [],
        tags: ['military', 'arms_deals'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
    {
        text: 'زار وفد أذري رسمي إسرائيل في 14 أيار/ مايو 2018 بالتزامن مع افتتاح السفارة الأميركية في القدس.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'وفي الرابع عشر من أيار/ مايو الماضي، زار وفد أذري رسمي البلاد بالتزامن مع افتتاح السفارة الأميركية في القدس',
            start: 1260,
            end: 1367,
        },
        quantities: [],
        tags: ['diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context', note: '"أيار/ مايو الماضي" relative to the article date = 14 May 2018.' },
        ],
    },
    {
        text: 'تألف الوفد الأذري من كبار المسؤولين الحكوميين وجاء للمشاركة في اللقاء الحكومي الأول للجنة الاقتصادية الإسرائيلية الأذربيجانية.',
        language: 'ar',
        claimant: 'هآرتس',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'فقد كان الوفد الأذري يتألف من كبار المسؤولين في الحكومة، وذلك للمشاركة في اللقاء الحكومي الأول للجنة الاقتصادية لتعزيز العلاقات بين إسرائيل وأذربيجان',
            start: 1552,
            end: 1701,
        },
        quantities: [],
        tags: ['diplomacy', 'economy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
            { sourceKey: HAARETZ_KEY, stance: 'supports', excerpt: 'وبحسب صحيفة "هآرتس"' },
        ],
    },
    {
        text: 'مثّل إسرائيل في اللقاء الوزير وعضو المجلس الوزاري المصغر زئيف إلكين.',
        language: 'ar',
        claimant: 'هآرتس',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'حيث مثل إسرائيل الوزير وعضو المجلس الوزاري المصغر، زئيف إلكين',
            start: 1703,
            end: 1764,
        },
        quantities: [],
        tags: ['diplomacy', 'economy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
            { sourceKey: HAARETZ_KEY, stance: 'supports', excerpt: 'وبحسب صحيفة "هآرتس"', note: 'Same sentence as the Haaretz attribution.' },
        ],
    },
    {
        text: 'مكث الوفد الأذري، المؤلف من وزير الضرائب وعدد من نواب الوزراء، ثلاثة أيام في إسرائيل من الأحد حتى الثلاثاء.',
        language: 'ar',
        claimant: 'هآرتس',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'ومكث الوفد الأذري، الذي يتألف من وزير الضرائب وعدد من نواب الوزراء، مدة ثلاثة أيام في إسرائيل، من الأحد حتى الثلاثاء',
            start: 1766,
            end: 1882,
        },
        quantities: [
            { text: 'ثلاثة أيام', value: 3, unit: 'day', kind: 'duration' },
        ],
        tags: ['diplomacy', 'economy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
            { sourceKey: HAARETZ_KEY, stance: 'supports', excerpt: 'وبحسب صحيفة "هآرتس"', note: 'Attribution carries over from the preceding sentence of the same paragraph.' },
        ],
    },
    {
        text: 'زار رئيس الحكومة الإسرائيلية بنيامين نتنياهو أذربيجان في كانون الأول/ ديسمبر 2016.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'بنيامين نتيناهو، الذي زار أذربيجان في كانون الأول/ ديسمبر من العام 2016',
            start: 2001,
            end: 2072,
        },
        quantities: [
            { text: 'العام 2016', value: 2016, unit: 'year', kind: 'date' },
        ],
        tags: ['diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context', note: 'The article spells the name "نتيناهو" here (sic) and "نتنياهو" later.' },
        ],
    },
    {
        text: 'كشف شريط مصوّر للترويج للجيش الأذري في نيسان/ أبريل 2018 استخدام الجيش الأذري أنظمة أسلحة متقدمة من تطوير شركات إسرائيلية.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'كشف شريط مصوّر أُعد للترويج للجيش المحلي في أذربيجان استخدام المؤسسة العسكرية الأذرية لأنظمة أسلحة متقدمة من تطوير شركات صناعات الأسلحة الإسرائيلية',
            start: 2100,
            end: 2247,
        },
        quantities: [],
        tags: ['military', 'arms_deals'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
    {
        text: 'ظهرت في الشريط طائرات انتحارية بدون طيار من صناعة الصناعات الجوية الإسرائيلية (IAI) وأنظمة صاروخية من صناعة رفائيل.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'طائرات انتحارية بدون طيار من صناعة شركة صناعات الطيران الإسرائيلية (IAI)، وأنظمة صاروخية من صناعة "رفائيل – شكبة تطوير الوسائل القتالية" الإسرائيلية',
            start: 2494,
            end: 2642,
        },
        quantities: [],
        tags: ['military', 'arms_deals'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context', note: '"شكبة" is the article\'s typo for "شركة".' },
        ],
    },
    {
        text: 'تبيع إسرائيل أذربيجان أنظمة رادارية وطائرات بدون طيار مقابل استخدام حدودها الجنوبية مع إيران قاعدة لجمع المعلومات الاستخباراتية.',
        language: 'ar',
        claimant: 'وسائل إعلامية عالمية',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'أن إسرائيل تبيع أنظمة رادارية لأذربيجان بالإضافة إلى طائرات بدون طيار',
            start: 2699,
            end: 2768,
        },
        quantities: [],
        tags: ['military', 'arms_deals', 'iran', 'intelligence'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
    {
        text: 'استخدمت أذربيجان طائرة مسيّرة انتحارية إسرائيلية من طراز "هاروب" في قصف إقليم ناغورني كاراباخ.',
        language: 'ar',
        claimant: 'وسائل إعلامية أجنبية',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'أن أذربيجان استخدمت طائرة مسيرة إسرائيلية انتحارية من طراز "هاروف" في قصف الجيب الأرمني الانفصالي ناغورني كارباخ (أرتساخ)',
            start: 2988,
            end: 3109,
        },
        quantities: [],
        tags: ['military', 'arms_deals', 'nagorno_karabakh'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context', note: 'The article spells the IAI Harop loitering munition "هاروف".' },
        ],
    },
    {
        text: 'أعلن الرئيس الأذري إلهام علييف خلال زيارة نتنياهو لباكو عام 2016 أن بلاده عقدت صفقة مع إسرائيل بقيمة 5 مليارات دولار.',
        language: 'ar',
        claimant: 'إلهام علييف',
        claimDate: '2016-12-13T00:00:00Z',
        quote: {
            exact: 'إلهام علييف، قد كشف لدى زيارة نتنياهو لباكو في العام 2016، أن بلاده قد عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار',
            start: 3231,
            end: 3342,
        },
        quantities: [
            { text: '5 مليار دولار', value: 5000000000, unit: 'USD', kind: 'money' },
        ],
        tags: ['military', 'arms_deals', 'diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context', note: 'Statement made during Netanyahu\'s Baku visit (13 December 2016); the article reports it second-hand.' },
        ],
    },
    {
        text: 'أفادت تقارير سابقة بأن أذربيجان تشتري منظومة "القبة الحديدية" الإسرائيلية لاعتراض الصواريخ.',
        language: 'ar',
        claimant: 'تقارير سابقة',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'تشتري بموجبها أذربيجان منظومة اعتراض الصواريخ "القبة الحديدية"',
            start: 3395,
            end: 3457,
        },
        quantities: [],
        tags: ['military', 'arms_deals'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context', note: 'Unnamed earlier reports; no date given in the article.' },
        ],
    },
    {
        text: 'نقل الموساد الأرشيف النووي الإيراني الذي استولى عليه إلى إسرائيل عن طريق أذربيجان.',
        language: 'ar',
        claimant: 'هآرتس',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'تقارير ادعت أن الموساد وبعد أن نهب الأرشيف النووي الإيراني قام بنقله إلى إسرائيل عن طريق أذربيجان',
            start: 3607,
            end: 3704,
        },
        quantities: [],
        tags: ['iran', 'intelligence'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
            { sourceKey: HAARETZ_KEY, stance: 'supports', excerpt: 'كما لفتت "هآرتس" إلى', note: 'Haaretz relays unnamed reports rather than asserting the claim itself.' },
        ],
    },
    {
        text: 'أذربيجان هي المزود الرئيسي للطاقة لإسرائيل.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'وتعتبر المزود الرئيس للطاقة لإسرائيل',
            start: 3808,
            end: 3844,
        },
        quantities: [],
        tags: ['energy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
    {
        text: 'أذربيجان مشترٍ رئيسي للسلاح الإسرائيلي.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'إضافة إلى أنها مشترية مركزية للسلاح الإسرائيلي',
            start: 3846,
            end: 3892,
        },
        quantities: [],
        tags: ['military', 'arms_deals'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
    {
        text: 'حقول النفط والغاز الأذربيجانية مصدر أساسي للنفط لإسرائيل، ويتدفق النفط من باكو عبر تركيا.',
        language: 'ar',
        claimant: 'هآرتس',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'أذربيجان تتمتع بحقول كبيرة من النفط والغاز والتي تحولت بالنسبة لإسرائيل إلى مصدر أساسي للنفط الذي يتدفق من باكو عن طريق تركيا',
            start: 3943,
            end: 4068,
        },
        quantities: [],
        tags: ['energy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
            { sourceKey: HAARETZ_KEY, stance: 'supports', excerpt: 'ولفتت "هآرتس" إلى أن' },
        ],
    },
    {
        text: 'أقيمت العلاقات الدبلوماسية بين إسرائيل وأذربيجان عام 1992.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'وتأسست العلاقات الدبلوماسية بين إسرائيل وأذربيجان في عام 1992',
            start: 4176,
            end: 4237,
        },
        quantities: [
            { text: 'عام 1992', value: 1992, unit: 'year', kind: 'date' },
        ],
        tags: ['diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
    {
        text: 'لإسرائيل سفارة في باكو.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'تملك إسرائيل سفارة في باكو',
            start: 4296,
            end: 4322,
        },
        quantities: [],
        tags: ['diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
    {
        text: 'لم ترسل أذربيجان بعد سفيرًا لها إلى إسرائيل.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'إلا أن الأذريين لم يرسلوا بعد سفيرًا لبلادهم إلى إسرائيل',
            start: 4324,
            end: 4380,
        },
        quantities: [],
        tags: ['diplomacy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
    {
        text: 'تزوّد أذربيجان إسرائيل بثلثي النفط المستهلك فيها.',
        language: 'ar',
        claimant: 'عرب 48',
        claimDate: '2018-10-24T00:00:00Z',
        quote: {
            exact: 'فيما تعتمد إسرائيل على أذربيجان بتزويدها بثلثي النفط المستهلك في إسرائيل',
            start: 4488,
            end: 4560,
        },
        quantities: [
            { text: 'ثلثي النفط', value: 0.6667, unit: 'ratio', kind: 'share' },
        ],
        tags: ['energy'],
        evidence: [
            { sourceKey: ARTICLE_KEY, stance: 'context' },
        ],
    },
];
/** Reads the stored article body as UTF-8, exactly as stored (no trimming or normalisation). */
function readDemoBody() {
    return (0, fs_1.readFileSync)(exports.demoArticle.bodyFile, 'utf8');
}
//# sourceMappingURL=demo-data.js.map