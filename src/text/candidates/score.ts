/**
 * Check-worthiness of one sentence from explainable signals (DESIGN §12), no model.
 *
 * The signals follow what ClaimBuster and Full Fact published about check-worthy sentences:
 * ClaimBuster's strongest single feature is a cardinal number, followed by entity types and
 * reporting verbs; Full Fact's largest class of claims is "quantity in the past or present",
 * then comparisons over time, cause and effect, and attributed statements, while opinions,
 * questions and headlines are not claims. Each signal that fires is named in `reasons`.
 *
 * Scoring is a noisy-OR: each positive signal is an independent chance that the sentence is
 * worth checking, so score = 1 − Π(1 − weight), which stays in [0, 1), rises with every signal
 * and never lets one kind of cue swamp the others by repetition (three reporting verbs count
 * once). Numbers weigh most: a sentence that rests on an amount, share or year is the kind a
 * desk can check against a record. Penalties then multiply the score down.
 */
import { extractQuantities, type Quantity } from '../quantities';
import { foldForSearch, searchTerms } from '../fold';
import { ATTRIBUTION_WORDS, CAUSATION_WORDS, COMPARISON_WORDS, OPINION_WORDS, ORDINAL_MONTH_HEADS, SOURCE_WORDS, keywordLookup } from './lexicon';
import type { Sentence } from './sentences';

/** Every reason a candidate can carry: positive signals first, then penalties. */
export const CANDIDATE_REASONS = [
  'quantity', 'date', 'year', 'attribution', 'comparison', 'source', 'causation',
  'headline', 'repeat', 'question', 'opinion', 'short',
] as const;
export type CandidateReason = (typeof CANDIDATE_REASONS)[number];

/** Chance-like weights of the positive signals (see the module comment). */
export const WEIGHTS = {
  /** An amount of money, a percentage or a share: a statistic. */
  statistic: 0.5,
  /** A count or a plain quantity ("ثلاثة", "1,200"). */
  count: 0.35,
  /**
   * A year ("عام 1992") or a date with its year: the most precise handle a desk has on a past
   * event (a record, an archive), a little above a count.
   */
  year: 0.45,
  date: 0.45,
  /** A day and month without a year ("الرابع عشر من أيار"): a weaker anchor in time. */
  partialDate: 0.25,
  attribution: 0.2,
  comparison: 0.2,
  source: 0.1,
  causation: 0.1,
} as const;

/** Factors applied to the score when a penalty fires. */
export const PENALTIES: Record<'headline' | 'repeat' | 'question' | 'opinion' | 'short', number> = {
  /** A headline or standfirst point: the body says it again with its context. */
  headline: 0.4,
  /** Most of its words appear in another, longer sentence: check that one. */
  repeat: 0.4,
  question: 0.3,
  opinion: 0.6,
  /** Under SHORT_WORDS words: too little to state a checkable fact. */
  short: 0.6,
};
const SHORT_WORDS = 6;

export interface SentenceScore {
  /** In [0, 1], rounded to 3 decimals. */
  score: number;
  reasons: CandidateReason[];
  quantities: Quantity[];
}

const isAttribution = keywordLookup(ATTRIBUTION_WORDS);
const isComparison = keywordLookup(COMPARISON_WORDS);
const isSource = keywordLookup(SOURCE_WORDS);
const isCausation = keywordLookup(CAUSATION_WORDS);
const isOpinion = keywordLookup(OPINION_WORDS);
const monthHeads = new Set(ORDINAL_MONTH_HEADS.map(foldForSearch));
/** "الأول" of "كانون الأول" is December, not "the first". */
const comparisonAt = (terms: string[], k: number) => isComparison(terms[k] as string) && !monthHeads.has(terms[k - 1] ?? '');

/**
 * English names: two or more capitalised words in a row, or an acronym ("IAI", "NATO"), past
 * the sentence's first word (which is capitalised anyway). Arabic has no capitals; its
 * institutions are found by SOURCE_WORDS.
 */
const NAME = /(?<=[^\p{L}\p{N}])(?:\p{Lu}\p{Ll}+(?:\s+(?:of\s+|the\s+)?\p{Lu}\p{Ll}+)+|\p{Lu}{2,}\b)/u;

/** The time and quantity signals of the extracted quantities, and their weight. */
function quantitySignals(quantities: Quantity[]): { reasons: CandidateReason[]; weights: number[] } {
  const reasons: CandidateReason[] = [];
  const weights: number[] = [];
  const statistic = quantities.some((q) => q.kind === 'money' || q.kind === 'percent' || q.kind === 'share');
  if (statistic || quantities.some((q) => q.kind === 'count' || q.kind === 'quantity')) {
    reasons.push('quantity');
    weights.push(statistic ? WEIGHTS.statistic : WEIGHTS.count);
  }
  const dates = quantities.filter((q) => q.kind === 'date' && q.unit === 'date');
  if (dates.length > 0) {
    reasons.push('date');
    weights.push(dates.some((q) => q.value > 0) ? WEIGHTS.date : WEIGHTS.partialDate);
  }
  if (quantities.some((q) => q.kind === 'date' && q.unit === 'year')) {
    reasons.push('year');
    weights.push(WEIGHTS.year);
  }
  return { reasons, weights };
}

/**
 * Scores one sentence. `repeat` says that another sentence of the article restates it (see
 * repeats.ts); `terms` are its searchTerms when the caller has them already.
 *
 * @example
 * scoreSentence({ text: 'وكان الرئيس قد كشف أن بلاده عقدت صفقة بقيمة 5 مليار دولار.', kind: 'sentence', question: false })
 * // → { score: 0.712, reasons: ['quantity', 'attribution', 'source'], quantities: [{ text: '5 مليار دولار', … }] }
 */
export function scoreSentence(
  sentence: Pick<Sentence, 'text' | 'kind' | 'question'>,
  options: { repeat?: boolean; terms?: string[] } = {},
): SentenceScore {
  const quantities = extractQuantities(sentence.text);
  const terms = options.terms ?? searchTerms(sentence.text);
  const { reasons, weights } = quantitySignals(quantities);
  const cue = (reason: CandidateReason, weight: number, fires: boolean) => {
    if (!fires) return;
    reasons.push(reason);
    weights.push(weight);
  };
  cue('attribution', WEIGHTS.attribution, terms.some(isAttribution));
  cue('comparison', WEIGHTS.comparison, terms.some((_, k) => comparisonAt(terms, k)));
  cue('source', WEIGHTS.source, terms.some(isSource) || NAME.test(sentence.text));
  cue('causation', WEIGHTS.causation, terms.some(isCausation));

  let score = 1 - weights.reduce((rest, weight) => rest * (1 - weight), 1);
  const penalise = (reason: keyof typeof PENALTIES, fires: boolean) => {
    if (!fires) return;
    reasons.push(reason);
    score *= PENALTIES[reason];
  };
  penalise('headline', sentence.kind === 'headline');
  penalise('repeat', options.repeat === true);
  penalise('question', sentence.question);
  penalise('opinion', terms.some(isOpinion));
  penalise('short', terms.length < SHORT_WORDS);
  return { score: Math.round(score * 1000) / 1000, reasons, quantities };
}
