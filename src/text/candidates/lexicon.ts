/**
 * The cue words of check-worthiness signals (score.ts), Arabic and English, written as a reader
 * writes them: they are folded (fold.ts) when this module loads, and a word of a sentence is
 * looked up with and without its Arabic proclitics (و ف ب ل ك ال), so أكد, اكد, وأكد, فأكدت's
 * stem and لأول all find their entry. Arabic entries list the inflected forms that news uses
 * (قال قالت قالوا يقول تقول): a table a desk can read and extend beats a stemmer's guesses.
 */
import { foldForSearch } from '../fold';

/** Reporting verbs and phrases that attribute a statement to someone (ClaimBuster's "said"). */
export const ATTRIBUTION_WORDS = [
  'قال', 'قالت', 'قالوا', 'يقول', 'تقول', 'يقولون',
  'أكد', 'أكدت', 'أكدوا', 'يؤكد', 'تؤكد',
  'أشار', 'أشارت', 'أشاروا', 'يشير', 'تشير',
  'أعلن', 'أعلنت', 'أعلنوا', 'يعلن', 'تعلن',
  'كشف', 'كشفت', 'كشفوا', 'يكشف', 'تكشف',
  'نقل', 'نقلت', 'نقلا',
  'أفاد', 'أفادت', 'يفيد', 'تفيد',
  'ذكر', 'ذكرت', 'يذكر', 'تذكر',
  'صرح', 'صرحت', 'أوضح', 'أوضحت', 'أضاف', 'أضافت', 'لفت', 'لفتت',
  'ادعى', 'ادعت', 'زعم', 'زعمت', 'أظهر', 'أظهرت', 'يظهر', 'تظهر', 'قدر', 'قدرت',
  'وفقا', 'طبقا', 'بحسب', 'حسب', 'حسبما',
  'said', 'says', 'say', 'told', 'stated', 'reported', 'reports', 'announced', 'announces', 'according',
  'claimed', 'estimated', 'estimates', 'revealed', 'confirmed', 'noted', 'added', 'argued', 'warned',
  'insisted', 'showed', 'shows', 'found', 'disclosed',
];

/** Comparisons, superlatives, records and changes over time (Full Fact's "quantity" claims). */
export const COMPARISON_WORDS = [
  'أكبر', 'أصغر', 'أكثر', 'أقل', 'أعلى', 'أدنى', 'أول', 'أولى', 'أهم', 'أفضل', 'أسوأ', 'أسرع',
  'أطول', 'أقصر', 'أضخم', 'أغنى', 'أفقر', 'أقوى', 'أضعف', 'أحدث', 'أقدم',
  'قياسي', 'قياسية', 'ضعف', 'ضعفي', 'أضعاف', 'تضاعف', 'تضاعفت', 'مقارنة',
  'ارتفع', 'ارتفعت', 'انخفض', 'انخفضت', 'زاد', 'زادت', 'تراجع', 'تراجعت',
  'largest', 'biggest', 'smallest', 'highest', 'lowest', 'most', 'least', 'more', 'less', 'fewer', 'than',
  'first', 'record', 'best', 'worst', 'fastest', 'greatest', 'double', 'doubled', 'tripled', 'twice',
  'higher', 'lower', 'larger', 'bigger', 'smaller', 'greater', 'increased', 'rose', 'risen', 'fell',
  'fallen', 'dropped', 'declined', 'grew', 'surged', 'soared', 'plunged', 'compared',
];

/** Month names whose second word is an ordinal (كانون الأول, تشرين الأول, ربيع الأول): no comparison. */
export const ORDINAL_MONTH_HEADS = ['كانون', 'تشرين', 'ربيع', 'جمادى'];

/** Institutions and officials: a named, checkable source (ClaimBuster's entity features). */
export const SOURCE_WORDS = [
  'وزارة', 'وزير', 'وزراء', 'حكومة', 'رئيس', 'رئيسة', 'جيش', 'صحيفة', 'وكالة', 'شركة', 'شركات',
  'منظمة', 'مؤسسة', 'بنك', 'مجلس', 'أمم', 'اتحاد', 'برلمان', 'كنيست', 'كونغرس', 'محكمة', 'شرطة',
  'جامعة', 'معهد', 'هيئة', 'لجنة', 'سلطات', 'سلطة', 'موساد', 'مخابرات', 'مكتب', 'سفارة', 'متحدث',
  'ministry', 'minister', 'government', 'army', 'military', 'police', 'court', 'parliament', 'congress',
  'senate', 'agency', 'company', 'corporation', 'bank', 'council', 'committee', 'commission',
  'university', 'institute', 'department', 'bureau', 'organization', 'organisation', 'authority',
  'authorities', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials',
];

/** Cause and effect (Full Fact's "correlation or causation" claims). */
export const CAUSATION_WORDS = [
  'بسبب', 'نتيجة', 'أدى', 'أدت', 'يؤدي', 'تؤدي', 'تسبب', 'تسببت', 'بداعي',
  'because', 'caused', 'causes', 'due', 'led', 'leads', 'result', 'resulted',
];

/** Opinion and obligation: a view to weigh, not a fact to check (Full Fact's "not a claim"). */
export const OPINION_WORDS = [
  'يجب', 'ينبغي', 'أعتقد', 'نعتقد', 'أظن', 'برأيي', 'أرى',
  'should', 'must', 'ought', 'think', 'believe', 'opinion',
];

const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'];
const ARABIC_START = /^[\u0621-\u064A]/;

/**
 * A folded word without its Arabic proclitics, in every reading: conjunction (و ف), then
 * preposition (ب ل ك), then article (ال; ل + ال is written لل). Each stem keeps two letters.
 *
 * @example arabicStems('وللعلاقات') // includes 'للعلاقات', 'لعلاقات', 'علاقات'
 */
export function arabicStems(term: string): string[] {
  const stems: string[] = [];
  const add = (stem: string) => {
    if (stem.length >= 2 && stem !== term) stems.push(stem);
  };
  for (const conjunction of CONJUNCTIONS) {
    if (!term.startsWith(conjunction)) continue;
    const afterConjunction = term.slice(conjunction.length);
    for (const preposition of PREPOSITIONS) {
      if (!afterConjunction.startsWith(preposition)) continue;
      const stem = afterConjunction.slice(preposition.length);
      add(stem);
      if (stem.startsWith('ال')) add(stem.slice(2));
      else if (preposition === 'ل' && stem.startsWith('ل')) add(stem.slice(1)); // لل = ل + ال
    }
  }
  return stems;
}

/**
 * A lookup for folded words (searchTerms output) in a word list, trying Arabic words also
 * without their proclitics.
 *
 * @example
 * const isAttribution = keywordLookup(ATTRIBUTION_WORDS);
 * isAttribution('واكد') // true (و + أكد, folded)
 */
export function keywordLookup(words: readonly string[]): (term: string) => boolean {
  const set = new Set(words.map(foldForSearch));
  return (term) => set.has(term) || (ARABIC_START.test(term) && arabicStems(term).some((stem) => set.has(stem)));
}
