/**
 * Claim candidates (DESIGN §12): an article's sentences ranked by check-worthiness, each with a
 * quote that `POST /v1/claims` accepts as is, and the claim already anchored there, if any.
 *
 * sentences.ts splits the body, score.ts scores a sentence, repeats.ts finds restatements.
 * Datelines and captions are left out: a place-and-time stamp or a photo's description and
 * credit state nothing about the world. Headlines stay, ranked low (score.ts).
 */
import { searchTerms } from '../fold';
import type { Quantity } from '../quantities';
import { findRepeats } from './repeats';
import { scoreSentence, type CandidateReason } from './score';
import { splitSentences, type Sentence } from './sentences';

export { CANDIDATE_REASONS, type CandidateReason } from './score';
export { splitSentences, type Sentence } from './sentences';

/** Code points of context on each side of a quote, as the anchorer's prefix/suffix. */
export const QUOTE_CONTEXT = 32;

export interface CandidateQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
  start: number;
  end: number;
}

export interface Candidate {
  text: string;
  quote: CandidateQuote;
  score: number;
  quantities: Quantity[];
  reasons: CandidateReason[];
  /** The live claim anchored inside this sentence, or null. */
  claimId: string | null;
}

/** Where a claim's quote sits in the body, in code points (its quote's start and end). */
export interface AnchoredClaim {
  id: string;
  start: number;
  end: number;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Up to `n` code points of `body` before the UTF-16 index `at`. */
function textBefore(body: string, at: number, n: number): string {
  let from = at;
  for (let k = 0; k < n && from > 0; k++) from -= from >= 2 && isLowSurrogate(body.charCodeAt(from - 1)) && isHighSurrogate(body.charCodeAt(from - 2)) ? 2 : 1;
  return body.slice(from, at);
}

/** Up to `n` code points of `body` from the UTF-16 index `at`. */
function textAfter(body: string, at: number, n: number): string {
  let to = at;
  for (let k = 0; k < n && to < body.length; k++) to += isHighSurrogate(body.charCodeAt(to)) && isLowSurrogate(body.charCodeAt(to + 1)) ? 2 : 1;
  return body.slice(at, to);
}

function quoteOf(body: string, sentence: Sentence): CandidateQuote {
  const quote: CandidateQuote = { exact: sentence.text, start: sentence.start, end: sentence.end };
  const prefix = textBefore(body, sentence.unitStart, QUOTE_CONTEXT);
  const suffix = textAfter(body, sentence.unitEnd, QUOTE_CONTEXT);
  if (prefix) quote.prefix = prefix;
  if (suffix) quote.suffix = suffix;
  return quote;
}

/** The claim whose quote overlaps [start, end) most; the oldest (first listed) on a tie. */
function claimAt(claims: readonly AnchoredClaim[], start: number, end: number): string | null {
  let best: AnchoredClaim | undefined;
  let bestOverlap = 0;
  for (const claim of claims) {
    const overlap = Math.min(end, claim.end) - Math.max(start, claim.start);
    if (overlap > bestOverlap) {
      best = claim;
      bestOverlap = overlap;
    }
  }
  return best?.id ?? null;
}

/**
 * The body's sentences ranked by check-worthiness, best first (ties in reading order), at most
 * `limit` of them; `claims` are the article's anchored claims, oldest first.
 *
 * @example
 * rankCandidates('زار الوفد البلاد أمس. وقال الرئيس إن الصفقة بلغت 5 مليار دولار.', 'ar')[0]
 * // → { text: 'وقال الرئيس إن الصفقة بلغت 5 مليار دولار.', quote: { exact: …, prefix: 'زار الوفد البلاد أمس. ', start: 22, end: 63 },
 * //     score: 0.64, quantities: [{ text: '5 مليار دولار', … }], reasons: ['quantity', 'attribution', 'source'], claimId: null }
 */
export function rankCandidates(body: string, language: string, options: { limit?: number; claims?: readonly AnchoredClaim[] } = {}): Candidate[] {
  const sentences = splitSentences(body, language).filter((s) => s.kind === 'sentence' || s.kind === 'headline');
  const terms = sentences.map((s) => searchTerms(s.text));
  const repeats = findRepeats(terms);
  const scored = sentences.map((sentence, i) => ({ sentence, ...scoreSentence(sentence, { repeat: repeats[i], terms: terms[i] }) }));
  scored.sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start);
  return scored.slice(0, options.limit ?? scored.length).map(({ sentence, score, reasons, quantities }) => ({
    text: sentence.text,
    quote: quoteOf(body, sentence),
    score,
    quantities,
    reasons,
    claimId: claimAt(options.claims ?? [], sentence.start, sentence.end),
  }));
}
