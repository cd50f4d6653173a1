/**
 * Deterministic generator of a realistic fact-checking data set: Arabic and English articles,
 * claims quoted from them (code point offsets), quantities, tags, claimants, sources and evidence.
 *
 * Everything derives from (workspace, index) through a seeded PRNG, so any article or claim can be
 * regenerated on demand: a 1M-claim run never holds the data set in memory.
 *
 * Layout per workspace: claims come in blocks of BLOCK; in block b the first ANCHORED claims quote
 * sentences of article b (one sentence each), the rest are free-standing (a post, a speech).
 */

export const BLOCK = 16;
export const ANCHORED = 12;

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) {
    h ^= p & 0xffff;
    h = Math.imul(h, 16777619);
    h ^= p >>> 16;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

type Rnd = () => number;
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rnd, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Vocabulary

const EN = {
  places: ['Egypt', 'Jordan', 'Lebanon', 'Iraq', 'Kenya', 'Nigeria', 'Brazil', 'India', 'Germany', 'France', 'Texas', 'Ohio', 'Scotland', 'Ukraine', 'Poland', 'Mexico', 'Indonesia', 'Chile', 'Ghana', 'Spain', 'Azerbaijan', 'Turkey'],
  claimants: ['the finance minister', 'Senator Jane Miller', 'a viral Facebook post', 'the mayor', 'the opposition leader', 'a government spokesperson', 'the prime minister', 'the central bank governor', 'a campaign advert', 'the health minister', 'a trade union leader', 'a post on X'],
  orgs: ['ministry of health', 'city council', 'defence ministry', 'education department', 'national railway', 'water authority', 'state broadcaster'],
  topics: ['housing', 'public transport', 'healthcare', 'schools', 'pensions', 'border security', 'renewable energy', 'road safety', 'farm subsidies'],
  things: ['hospitals', 'teachers', 'police officers', 'wind turbines', 'refugees', 'new homes', 'prisons', 'electric cars', 'doctors'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  tags: ['economy', 'health', 'elections', 'migration', 'energy', 'crime', 'education', 'climate', 'defence', 'budget', 'jobs', 'housing'],
  filler: [
    'The figures were published in an annual report that has not yet been independently reviewed.',
    'Officials did not respond to a request for comment before publication.',
    'Critics say the numbers leave out several regions where data collection is incomplete.',
    'The statement was repeated at a press conference later the same day.',
    'Economists cautioned that one year of data is not enough to identify a trend.',
    'The opposition called for an inquiry into how the statistics were compiled.',
    'Local residents told reporters that conditions had changed little on the ground.',
    'The debate is expected to continue when parliament returns next month.',
    'A spokesperson said the government stands by every figure it has published.',
    'Independent analysts have reached different conclusions from the same data.',
    'The ministry later issued a correction to part of its original statement.',
    'International observers will publish their own assessment in the spring.',
  ],
};

const AR = {
  places: ['مصر', 'الأردن', 'لبنان', 'العراق', 'سوريا', 'تونس', 'المغرب', 'الجزائر', 'السعودية', 'الإمارات', 'قطر', 'الكويت', 'فلسطين', 'اليمن', 'ليبيا', 'السودان', 'أذربيجان', 'إيران', 'تركيا', 'إسرائيل'],
  claimants: ['وزير المالية', 'رئيس الوزراء', 'المتحدث باسم الجيش', 'نائب في البرلمان', 'محافظ البنك المركزي', 'منشور على فيسبوك', 'وزير الصحة', 'رئيس البلدية', 'زعيم المعارضة', 'تغريدة متداولة', 'المتحدث باسم الحكومة', 'نقابة المعلمين'],
  orgs: ['وزارة الصحة', 'البلدية', 'وزارة الدفاع', 'وزارة التربية', 'هيئة المياه', 'الحكومة', 'شركة الكهرباء الوطنية'],
  topics: ['الإسكان', 'النقل العام', 'الرعاية الصحية', 'التعليم', 'التقاعد', 'أمن الحدود', 'الطاقة المتجددة', 'السلامة على الطرق', 'دعم المزارعين'],
  things: ['المستشفيات', 'المعلمين', 'رجال الشرطة', 'اللاجئين', 'المدارس', 'السجون', 'الأطباء', 'المصانع', 'الوحدات السكنية'],
  months: ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
  tags: ['اقتصاد', 'صحة', 'انتخابات', 'هجرة', 'طاقة', 'جريمة', 'تعليم', 'مناخ', 'دفاع', 'موازنة', 'وظائف', 'إسكان'],
  filler: [
    'ولم يتسن التحقق من هذه الأرقام بشكل مستقل حتى لحظة نشر هذا التقرير.',
    'ولم يرد المسؤولون على طلب للتعليق قبل النشر.',
    'ويقول منتقدون إن الإحصاءات لا تشمل عدة مناطق لم تجمع فيها البيانات بعد.',
    'وكرر المتحدث التصريح نفسه في مؤتمر صحفي عقد في اليوم ذاته.',
    'وحذر خبراء اقتصاديون من أن بيانات عام واحد لا تكفي للحديث عن اتجاه ثابت.',
    'وطالبت المعارضة بفتح تحقيق في طريقة جمع هذه الأرقام.',
    'وقال سكان محليون للصحفيين إن الأوضاع على الأرض لم تتغير كثيرا.',
    'ومن المتوقع أن يستمر النقاش عند انعقاد البرلمان الشهر المقبل.',
    'وأكد متحدث رسمي أن الحكومة تقف وراء كل رقم نشرته.',
    'وتوصل محللون مستقلون إلى استنتاجات مختلفة من البيانات نفسها.',
    'وأصدرت الوزارة لاحقا تصحيحا لجزء من بيانها الأصلي.',
    'وسينشر مراقبون دوليون تقييمهم الخاص في الربيع المقبل.',
  ],
};

// ---------------------------------------------------------------------------------------------
// Sentences: each returns the sentence and the quantities a client might send with it.

export interface Quantity {
  text: string;
  value: number;
  unit: string;
  kind: 'money' | 'share' | 'percent' | 'count' | 'date' | 'duration' | 'quantity';
}

interface Sentence {
  text: string;
  quantities: Quantity[];
}

const easternDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));

function enSentence(r: Rnd): Sentence {
  const place = pick(r, EN.places);
  const claimant = pick(r, EN.claimants);
  const year = int(r, 2008, 2025);
  const pct = int(r, 2, 60) + (r() < 0.4 ? int(r, 1, 9) / 10 : 0);
  const count = int(r, 2, 900) * (r() < 0.5 ? 1000 : 1);
  const bn = int(r, 1, 90) / (r() < 0.5 ? 10 : 1);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const variants: (() => Sentence)[] = [
    () => ({ text: `${cap(claimant)} said unemployment in ${place} fell to ${pct}% in ${year}, the lowest level in a decade.`, quantities: [{ text: `${pct}%`, value: pct, unit: '%', kind: 'percent' }] }),
    () => ({ text: `The ${pick(r, EN.orgs)} spent $${bn} billion on ${pick(r, EN.topics)} last year, more than any government before it.`, quantities: [{ text: `$${bn} billion`, value: bn * 1e9, unit: 'USD', kind: 'money' }] }),
    () => ({ text: `${count.toLocaleString('en-US')} people were displaced by the floods in ${place} in ${pick(r, EN.months)} ${year}.`, quantities: [{ text: count.toLocaleString('en-US'), value: count, unit: '', kind: 'count' }] }),
    () => ({ text: `${place} imports ${pct}% of its wheat from ${pick(r, EN.places)}, according to ${claimant}.`, quantities: [{ text: `${pct}%`, value: pct, unit: '%', kind: 'percent' }] }),
    () => ({ text: `The new ${pick(r, EN.topics)} law will cost taxpayers €${bn} billion over ${int(r, 2, 12)} years.`, quantities: [{ text: `€${bn} billion`, value: bn * 1e9, unit: 'EUR', kind: 'money' }] }),
    () => ({ text: `Since ${year}, the number of ${pick(r, EN.things)} in ${place} has doubled to ${count.toLocaleString('en-US')}.`, quantities: [{ text: count.toLocaleString('en-US'), value: count, unit: '', kind: 'count' }] }),
    () => ({ text: `Inflation in ${place} reached ${pct}% in ${pick(r, EN.months)}, ${claimant} claimed on television.`, quantities: [{ text: `${pct}%`, value: pct, unit: '%', kind: 'percent' }] }),
    () => ({ text: `Crime in ${place} rose by ${pct} percent after the ${pick(r, EN.topics)} reform was introduced in ${year}.`, quantities: [{ text: `${pct} percent`, value: pct, unit: '%', kind: 'percent' }] }),
    () => ({ text: `Only ${pct}% of the electricity used in ${place} comes from renewable sources, ${claimant} said.`, quantities: [{ text: `${pct}%`, value: pct, unit: '%', kind: 'percent' }] }),
    () => ({ text: `The government has built ${count.toLocaleString('en-US')} new schools in ${place} since ${year}.`, quantities: [{ text: count.toLocaleString('en-US'), value: count, unit: '', kind: 'count' }] }),
    () => ({ text: `Average rent in the capital of ${place} has tripled in ${int(r, 3, 15)} years, according to ${claimant}.`, quantities: [] }),
  ];
  return pick(r, variants)();
}

function arSentence(r: Rnd): Sentence {
  const place = pick(r, AR.places);
  const claimant = pick(r, AR.claimants);
  const year = int(r, 2008, 2025);
  const pct = int(r, 2, 60);
  const count = int(r, 2, 900) * (r() < 0.5 ? 1000 : 1);
  const bn = int(r, 1, 90);
  const num = (n: number) => (r() < 0.25 ? easternDigits(String(n)) : String(n));
  const pctText = `${num(pct)}%`;
  const variants: (() => Sentence)[] = [
    () => ({ text: `قال ${claimant} إن نسبة البطالة في ${place} انخفضت إلى ${pctText} عام ${year}، وهي الأدنى منذ عقد.`, quantities: [{ text: pctText, value: pct, unit: '%', kind: 'percent' }] }),
    () => ({ text: `أنفقت ${pick(r, AR.orgs)} ${num(bn)} مليار دولار على ${pick(r, AR.topics)} خلال العام الماضي.`, quantities: [{ text: `${num(bn)} مليار دولار`, value: bn * 1e9, unit: 'USD', kind: 'money' }] }),
    () => ({ text: `نزح ${num(count)} شخص بسبب الفيضانات في ${place} في شهر ${pick(r, AR.months)} ${year}.`, quantities: [{ text: num(count), value: count, unit: '', kind: 'count' }] }),
    () => ({ text: `تستورد ${place} ${pctText} من حاجتها من القمح من ${pick(r, AR.places)}، بحسب ${claimant}.`, quantities: [{ text: pctText, value: pct, unit: '%', kind: 'percent' }] }),
    () => ({ text: `سيكلف قانون ${pick(r, AR.topics)} الجديد دافعي الضرائب ${num(bn)} مليون دينار على مدى ${int(r, 3, 10)} سنوات.`, quantities: [{ text: `${num(bn)} مليون دينار`, value: bn * 1e6, unit: 'JOD', kind: 'money' }] }),
    () => ({ text: `منذ عام ${year} تضاعف عدد ${pick(r, AR.things)} في ${place} ليصل إلى ${num(count)}.`, quantities: [{ text: num(count), value: count, unit: '', kind: 'count' }] }),
    () => ({ text: `ارتفعت معدلات الجريمة في ${place} بنسبة ${pctText} بعد تطبيق إصلاحات ${pick(r, AR.topics)} عام ${year}.`, quantities: [{ text: pctText, value: pct, unit: '%', kind: 'percent' }] }),
    () => ({ text: `أكد ${claimant} أن اقتصاد ${place} نما بنسبة ${pctText} في الربع الأول من عام ${year}.`, quantities: [{ text: pctText, value: pct, unit: '%', kind: 'percent' }] }),
    () => ({ text: `باعت إسرائيل لأذربيجان وسائل قتالية بمئات ملايين الدولارات خلال العقد الأخير، وفقا لتقارير مختلفة.`, quantities: [] }),
    () => ({ text: `بنت الحكومة ${num(count)} مدرسة جديدة في ${place} منذ عام ${year}، حسب ${claimant}.`, quantities: [{ text: num(count), value: count, unit: '', kind: 'count' }] }),
    () => ({ text: `بلغ معدل التضخم في ${place} ${pctText} خلال شهر ${pick(r, AR.months)}، كما صرح ${claimant}.`, quantities: [{ text: pctText, value: pct, unit: '%', kind: 'percent' }] }),
  ];
  return pick(r, variants)();
}

// ---------------------------------------------------------------------------------------------
// Articles

export interface ArticleSpec {
  url: string;
  title: string;
  publisher: string;
  language: 'ar' | 'en';
  publishedAt: string;
  body: string;
  /** The sentences claims quote, with code point offsets into `body`. */
  quotes: { exact: string; start: number; end: number; quantities: Quantity[] }[];
}

const cpLength = (s: string) => {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
};

function isoDay(r: Rnd, from = 2016, to = 2025): string {
  const y = int(r, from, to);
  const m = int(r, 1, 12);
  const d = int(r, 1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Article `index` of workspace `ws`; the same arguments always give the same article. */
export function articleSpec(ws: number, index: number): ArticleSpec {
  const r = prng(seedOf(1, ws, index));
  const language: 'ar' | 'en' = r() < 0.5 ? 'ar' : 'en';
  const sentence = language === 'ar' ? arSentence : enSentence;
  const filler = language === 'ar' ? AR.filler : EN.filler;
  const first = sentence(r);
  const title = first.text.slice(0, 90);
  const day = isoDay(r);
  const parts: string[] = [];
  let pos = 0;
  const push = (s: string) => {
    parts.push(s);
    pos += cpLength(s);
  };
  push(`${day}\n\n${title}\n\n`);
  const quotes: ArticleSpec['quotes'] = [];
  for (let p = 0; p < ANCHORED; p += 1) {
    // A paragraph: filler, the quoted sentence, filler.
    push(`${pick(r, filler)} `);
    const s = p === 0 ? first : sentence(r);
    quotes.push({ exact: s.text, start: pos, end: pos + cpLength(s.text), quantities: s.quantities });
    push(s.text);
    push(` ${pick(r, filler)} ${pick(r, filler)}\n\n`);
  }
  const host = language === 'ar' ? pick(r, ['arab48.com', 'aljazeera.net', 'alaraby.co.uk', 'annahar.com', 'almasryalyoum.com']) : pick(r, ['example-news.com', 'dailyherald.example.org', 'theobserver.example.net', 'wire.example.com']);
  return {
    url: `https://${host}/news/${ws}/${index}/${day}`,
    title,
    publisher: host,
    language,
    publishedAt: `${day}T${String(int(r, 6, 22)).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}:00Z`,
    body: parts.join(''),
    quotes,
  };
}

export function articleInput(spec: ArticleSpec) {
  return { url: spec.url, title: spec.title, publisher: spec.publisher, language: spec.language, publishedAt: spec.publishedAt, body: spec.body };
}

// ---------------------------------------------------------------------------------------------
// Claims

export interface ClaimInput {
  text: string;
  language: string;
  claimant?: string | null;
  claimDate?: string | null;
  articleId?: string | null;
  quote?: { exact: string; start: number; end: number } | null;
  quantities?: Quantity[];
  tags?: string[];
}

/** Article index a claim quotes, or undefined for a free-standing claim. */
export function articleOfClaim(index: number): number | undefined {
  return index % BLOCK < ANCHORED ? Math.floor(index / BLOCK) : undefined;
}

/** How many articles the first `claims` claims of a workspace need. */
export function articlesFor(claims: number): number {
  return Math.ceil(claims / BLOCK);
}

/** Caches the last few articles: claims arrive in order, so each article is built once. */
export class ArticleCache {
  private readonly cache = new Map<string, ArticleSpec>();
  get(ws: number, index: number): ArticleSpec {
    const key = `${ws}:${index}`;
    let spec = this.cache.get(key);
    if (!spec) {
      spec = articleSpec(ws, index);
      this.cache.set(key, spec);
      if (this.cache.size > 64) this.cache.delete(this.cache.keys().next().value as string);
    }
    return spec;
  }
}

/**
 * Claim `index` of workspace `ws`. `articleIds[b]` is the id of article b; an anchored claim whose
 * article was not created (the extra batches of the batch scenario) quotes an existing one.
 */
export function claimInput(ws: number, index: number, articleIds: readonly string[], cache: ArticleCache): ClaimInput {
  const r = prng(seedOf(2, ws, index));
  let b = articleOfClaim(index);
  if (b !== undefined && b >= articleIds.length) b = articleIds.length > 0 ? Math.floor(r() * articleIds.length) : undefined;
  const tagPool = (lang: string) => (lang === 'ar' ? AR.tags : EN.tags);
  const tagsOf = (lang: string) => {
    const n = int(r, 0, 3);
    const tags = new Set<string>();
    for (let i = 0; i < n; i += 1) tags.add(pick(r, tagPool(lang)));
    if (r() < 0.3) tags.add(`y${int(r, 2016, 2025)}`);
    return [...tags];
  };
  const claimDate = r() < 0.7 ? isoDay(r) : null;
  if (b !== undefined) {
    const article = cache.get(ws, b);
    const q = article.quotes[index % BLOCK] ?? article.quotes[0];
    if (!q) throw new Error('article without quotes');
    const claim: ClaimInput = {
      text: q.exact,
      language: article.language,
      claimant: pick(r, article.language === 'ar' ? AR.claimants : EN.claimants),
      claimDate,
      articleId: articleIds[b] as string,
      quote: { exact: q.exact, start: q.start, end: q.end },
      tags: tagsOf(article.language),
    };
    // Most clients let the server extract quantities; some send them.
    if (r() < 0.2) claim.quantities = q.quantities;
    return claim;
  }
  const language = r() < 0.5 ? 'ar' : 'en';
  const s = language === 'ar' ? arSentence(r) : enSentence(r);
  const claim: ClaimInput = {
    text: s.text,
    language,
    claimant: pick(r, language === 'ar' ? AR.claimants : EN.claimants),
    claimDate,
    tags: tagsOf(language),
  };
  if (r() < 0.2) claim.quantities = s.quantities;
  return claim;
}

// ---------------------------------------------------------------------------------------------
// Sources and evidence

const SOURCE_KINDS = ['primary_document', 'official_statement', 'dataset', 'news_report', 'expert', 'other'] as const;

export function sourceInput(ws: number, index: number) {
  const r = prng(seedOf(3, ws, index));
  const ar = r() < 0.5;
  const kind = pick(r, SOURCE_KINDS);
  const title = ar
    ? `${pick(r, ['تقرير', 'بيان', 'إحصاءات', 'دراسة', 'مقابلة'])} ${pick(r, AR.orgs)} حول ${pick(r, AR.topics)} في ${pick(r, AR.places)}`
    : `${pick(r, ['Annual report', 'Statement', 'Statistics', 'Study', 'Interview'])} of the ${pick(r, EN.orgs)} on ${pick(r, EN.topics)} in ${pick(r, EN.places)}`;
  const host = pick(r, ['stats.example.gov', 'data.example.org', 'archive.example.net', 'ministry.example.gov', 'un.example.org']);
  return {
    url: `https://${host}/doc/${ws}/${index}`,
    title,
    publisher: host,
    kind,
    publishedAt: `${isoDay(r)}T00:00:00Z`,
    accessedAt: `${isoDay(r, 2024, 2025)}T12:00:00Z`,
    archiveUrl: r() < 0.5 ? `https://web.archive.example.org/2025/https://${host}/doc/${ws}/${index}` : null,
  };
}

const STANCES = ['supports', 'refutes', 'context'] as const;

export function evidenceInput(ws: number, claimIndex: number, n: number, sourceIds: readonly string[]) {
  const r = prng(seedOf(4, ws, claimIndex, n));
  return {
    sourceId: pick(r, sourceIds),
    stance: STANCES[n % STANCES.length] as (typeof STANCES)[number],
    excerpt: r() < 0.7 ? pick(r, r() < 0.5 ? AR.filler : EN.filler) : null,
    note: r() < 0.4 ? 'Checked against the original document.' : null,
  };
}

/** Words the search scenario looks for (a place in each language). */
export const SEARCH_WORDS = { ar: 'أذربيجان', en: 'Ukraine' } as const;
