/**
 * How alike two claims are (DESIGN §12), from what a fact-checker would compare: the words they
 * share after search folding, and — weighing more — the quantities they state. Number-aware: the
 * same amount said in Arabic and English (`5 مليار دولار`, `$5 billion`, `5bn USD`) meets, and two
 * claims that share their words but state different amounts of the same unit are told apart.
 * Pure functions; the candidates come from the search index (claims.similar.ts).
 */
import { searchTerms } from '../fold';
import { extractQuantities, type Quantity } from '../quantities';

/**
 * Function words of Arabic and English (folded, as searchTerms yields them): they say nothing of
 * what a claim is about, and would make every claim a candidate.
 */
const STOPWORDS = new Set(
  (
    'في من الي علي عن مع ان او ثم قد لا ما لم لن هذا هذه ذلك تلك التي الذي الذين هو هي هم كان كانت ' +
    'يكون بين بعد قبل عند كل اي منذ حتي او و ف ب ل ال وان وفي ومن انه انها الا اذا اما ' +
    'a an the of in on at to for from by with and or but is are was were be been it its this that these those as not no than'
  ).split(' '),
);

/** A quantity as a claim stores it (a client may send its own kinds and units). */
export type StatedQuantity = Pick<Quantity, 'text' | 'value' | 'unit'> & { kind: string };

/** Arabic clitics a word may carry (folded): و ف ب ل ك and the article, longest first. */
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];

/**
 * A term's comparable form: Arabic clitics stripped while at least three letters remain, so
 * `لاسرائيل`, `واسرائيل` and `اسرائيل` compare equal; Latin words lose a plural `s`.
 * @example stem('والنفط') === 'نفط'
 */
export function stem(term: string): string {
  if (/^[\u0600-\u06ff]+$/.test(term)) {
    for (const prefix of ARABIC_PREFIXES) {
      if (term.startsWith(prefix) && term.length - prefix.length >= 3) return term.slice(prefix.length);
    }
    return term;
  }
  return term.length > 3 && term.endsWith('s') && !term.endsWith('ss') ? term.slice(0, -1) : term;
}

/** The words of a text worth looking up in the search index: folded, stop words out, each once. */
export function indexTerms(text: string): string[] {
  return [...new Set(searchTerms(text).filter((term) => !STOPWORDS.has(term)))];
}

/** The words a claim is compared by: its index terms with clitics stripped. */
export function contentTerms(text: string): string[] {
  return [...new Set(indexTerms(text).map(stem))];
}

/**
 * The index token of a quantity: letters and digits only, so FTS5 and PostgreSQL's `simple`
 * configuration keep it whole. Claims carry these in their searchText, so the index finds the
 * claims stating an amount in whatever words. (The migration 20261203100000_quantity_tokens
 * computes the same token in SQL for claims stored before.)
 * @example quantityToken({ kind: 'money', unit: 'USD', value: 5e9 }) === 'qtymoneyusd5000000000'
 */
export function quantityToken(quantity: StatedQuantity): string {
  const unit = quantity.unit.toLowerCase().replace('%', 'pct');
  return `qty${quantity.kind}${unit}${String(quantity.value).replace('.', 'p').replace('-', 'm')}`.replace(/[^a-z0-9]/g, '');
}

export interface Comparable {
  terms: string[];
  quantities: StatedQuantity[];
}

/** What a text is compared by: its content terms and the quantities it states. */
export function comparableOf(text: string, quantities: Comparable['quantities'] = extractQuantities(text)): Comparable {
  return { terms: contentTerms(text), quantities };
}

/** A quantity token (quantityToken) in a stored searchText: not a word to compare. */
const QUANTITY_TOKEN = /^qty[a-z]+[0-9pm]/;

/**
 * What a stored claim is compared by, from its searchText (already folded) and quantities, so
 * ranking a thousand candidates folds nothing again.
 */
export function comparableOfIndexed(searchText: string, quantities: StatedQuantity[]): Comparable {
  const terms = searchText.split(' ').filter((term) => term !== '' && !STOPWORDS.has(term) && !QUANTITY_TOKEN.test(term));
  return { terms: [...new Set(terms.map(stem))], quantities };
}

export interface Likeness {
  /** 0…1; 1 is the same words stating the same amounts. */
  score: number;
  sharedTerms: string[];
  /** The candidate's quantities that the text states too. */
  sharedQuantities: Comparable['quantities'];
}

/** Same amount: equal within rounding (ثلثي is stored as 0.6667). */
const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
const sameMeasure = (a: Comparable['quantities'][number], b: Comparable['quantities'][number]) => a.kind === b.kind && a.unit === b.unit;

/** Weights: a shared quantity counts as much as sharing most words. */
const TERMS_WEIGHT = 0.6;
const QUANTITY_WEIGHT = 0.4;
/** Stating another amount of the same measure (and not this one) halves the score. */
const CONFLICT_FACTOR = 0.5;

/**
 * How alike `candidate` is to `text`: the share of their content terms in common (Jaccard), plus
 * the share of the text's quantities the candidate states too; a candidate stating another amount
 * of a measure the text states, and not the text's, is marked down.
 * @example likeness(comparableOf('صفقة بقيمة 5 مليار دولار'), comparableOf('a $5 billion deal')).sharedQuantities // [{ value: 5e9, unit: 'USD', … }]
 */
export function likeness(text: Comparable, candidate: Comparable): Likeness {
  const candidateTerms = new Set(candidate.terms);
  const sharedTerms = text.terms.filter((term) => candidateTerms.has(term));
  const union = text.terms.length + candidate.terms.length - sharedTerms.length;
  const termScore = union === 0 ? 0 : sharedTerms.length / union;

  const sharedQuantities = candidate.quantities.filter((c) => text.quantities.some((q) => sameMeasure(q, c) && sameValue(q.value, c.value)));
  const conflicting = text.quantities.some(
    (q) => candidate.quantities.some((c) => sameMeasure(q, c)) && !candidate.quantities.some((c) => sameMeasure(q, c) && sameValue(q.value, c.value)),
  );
  const matchedShare = text.quantities.length === 0 ? 0 : text.quantities.filter((q) => candidate.quantities.some((c) => sameMeasure(q, c) && sameValue(q.value, c.value))).length / text.quantities.length;

  const score = (TERMS_WEIGHT * termScore + QUANTITY_WEIGHT * matchedShare) * (conflicting ? CONFLICT_FACTOR : 1);
  return { score: Math.round(score * 1000) / 1000, sharedTerms, sharedQuantities };
}
