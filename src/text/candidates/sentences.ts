/**
 * Sentence splitting for claim candidates (DESIGN §12), Arabic and English.
 *
 * Intl.Segmenter (ICU's UAX #29 sentence rules) finds the breaks after `.`, `!`, `?` and `؟`
 * and already keeps numbers such as `2.5` and `24.10.2018` whole. Around it:
 * - every line break ends a sentence, and a `*` / `•` bullet inside a line starts one (news
 *   standfirsts run their points together on one line);
 * - `؛` ends a sentence (ICU does not break there; Arabic prose uses it between sentences);
 * - no break inside a quotation or parenthesis that closes later in the same line («…», "…",
 *   “…”, (…)): a quoted statement is part of the sentence that reports it. A quotation that ends
 *   with its own mark («…!») ends the sentence, as in ICU: Arabic has no capitals to tell a
 *   continuation from a new sentence, and writers who continue put the mark after the quote;
 * - no break after a title or abbreviation that precedes a name (`Dr.`, `Mr.`, `U.S.`, `د.`).
 *
 * Spans are trimmed of whitespace and bullet marks and carry exact offsets into the body, in
 * code points (what quotes use, DESIGN §3) and in UTF-16 units (for slicing the JS string).
 *
 * Not every span is prose, and what is not is labelled here so that ranking can leave it out:
 * - `dateline`: a line that is only a date or time stamp ("24/10/2018 - 20:17"). A dateline
 *   that opens the first sentence ("القدس - ", "JERUSALEM (Reuters) —") is cut off that sentence.
 * - `caption`: a line with a photo credit ("(تصوير …)", "Photo:", "(AFP)" at its end).
 * - `headline`: a line or bullet of at most 25 words without a final sentence mark: titles,
 *   subheads and standfirst points. They may carry a claim, so they stay, but ranking lowers them.
 */
import { extractQuantities } from '../quantities';

export type SpanKind = 'sentence' | 'headline' | 'caption' | 'dateline';

export interface Sentence {
  /** The span's text: exactly the body's code points [start, end). */
  text: string;
  /** Code point offsets into the body, end exclusive (as a claim's quote). */
  start: number;
  end: number;
  /** The same span in UTF-16 units, for `body.slice`. */
  unitStart: number;
  unitEnd: number;
  kind: SpanKind;
  /** Ends with a sentence mark (. ! ? ؟ ؛ …), possibly followed by closing quotes or brackets. */
  terminated: boolean;
  /** Ends with `?` or `؟`. */
  question: boolean;
  /** Its number of words (runs of letters or digits). */
  words: number;
}

/** A span longer than this (UTF-16 units) is cut at a space: it is a list or a transcript, not a sentence. */
export const MAX_SENTENCE = 1000;
/** Longer unterminated lines are prose that lost its full stop, not headlines. */
const HEADLINE_MAX_WORDS = 25;

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/** A bullet mark at the start of a line or after a space, with text after it. */
const BULLET = /(?:^|(?<=\s))[*•▪■◾●‣⁃](?=\s*\S)|^[-–](?=\s+\S)/g;
const EDGE_JUNK = '\\s\\u200B-\\u200F\\uFEFF*•▪■◾●‣⁃';
const LEADING = new RegExp(`^(?:[${EDGE_JUNK}]|[-–](?=\\s))+`, 'u');
const TRAILING = /[\s\u200B-\u200F\uFEFF]+$/u;
const WORD = /[\p{L}\p{N}]+/gu;
const LETTER = /\p{L}/u;
/** A sentence mark, then any closing quotes or brackets. */
const TERMINATED = /[.!?؟؛…]["'»›”’)\]]*$/u;
const QUESTION = /[?؟]["'»›”’)\]]*$/u;

/** Titles and abbreviations that are followed by a name or more of the sentence, not by a new one. */
const ABBREVIATION =
  /(?:^|[\s(«"“])(?:(?:\p{L}\.){2,}|\p{Lu}\.|(?:Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Rev|Hon|St|Mt|Ft|Messrs|vs|approx|Fig|cf|د)\.)$/u;

const OPENERS: Record<string, string> = { '«': '»', '‹': '›', '“': '”', '(': ')', '[': ']' };

/** Photo credits: "(صورة …", "(تصوير …", "تصوير:", "Photo:", "Photo by", "(Photo …", "Credit:". */
const CAPTION_MARK = /\((?:الصورة|صورة|تصوير|photo|image|picture)|(?:^|\s)(?:الصورة|صورة|تصوير|photo|image|picture|credit)\s*:|\b(?:photo|picture|image)\s+by\b/iu;
/** A line that ends with an agency's credit in parentheses. */
const CREDIT_AT_END = /\((?:AFP|AP|Reuters|Getty(?: Images)?|EPA|Anadolu|أ\s?ف\s?ب|أ\.ف\.ب|رويترز|الأناضول|وفا|د\s?ب\s?أ|فرانس برس)[^()]{0,30}\)\s*$/iu;
const CAPTION_MAX_WORDS = 40;

/** "Updated: …", "Published …", "آخر تحديث …", "نشر في …" followed somewhere by a digit. */
const STAMP_WORDS = /^(?:updated|published|posted|last updated|آخر تحديث|تاريخ النشر|نشر في|نشر)\b.*[\d٠-٩]/iu;
const WEEKDAYS = /(?:^|\s)(?:ال)?(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?=\s|,|،|$)/giu;
const TIME = /[\d٠-٩]{1,2}:[\d٠-٩]{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc))?/giu;

/** "القدس - ", "رام الله (وفا) – ": one to three Arabic words, an optional credit, a spaced dash. */
const ARABIC_DATELINE = /^[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+){0,2}(?:\s*\([^()]{1,30}\))?\s+[-–—ـ]+\s+/u;
/** "JERUSALEM —", "WASHINGTON (AP) - ", "GAZA CITY, Oct 24 (Reuters) -". */
const ENGLISH_DATELINE = /^[A-Z][A-Z.'-]*(?:\s+[A-Z][A-Z.'-]*){0,2}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^()]{1,30}\))?\s*[-–—]+\s+/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter('und', { granularity: 'sentence' }); // a tag ICU does not take
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

const countWords = (text: string): number => text.match(WORD)?.length ?? 0;

/** [from, to) of each quotation or parenthesis that closes within `text`: no break falls inside. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const open: { at: number; closer: string }[] = [];
  let straight = -1; // an open ASCII double quote
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        ranges.push([straight, i]);
        straight = -1;
      }
    } else if (OPENERS[ch]) open.push({ at: i, closer: OPENERS[ch] });
    else {
      const k = open.findLastIndex((o) => o.closer === ch);
      if (k >= 0) {
        ranges.push([(open[k] as { at: number }).at, i]);
        open.length = k; // openers left unclosed inside it do not count
      }
    }
  }
  return ranges;
}

/** Where one item (a line or a bullet) breaks into sentences: offsets into `text`, ascending. */
function breaksOf(text: string, language: string): number[] {
  const candidates = new Set<number>();
  for (const { index, segment } of segmenterFor(language).segment(text)) candidates.add(index + segment.length);
  for (let at = text.indexOf('؛'); at !== -1; at = text.indexOf('؛', at + 1)) candidates.add(at + 1);
  const quoted = quotedRanges(text);
  return [...candidates]
    .sort((a, b) => a - b)
    .filter((at) => {
      if (at >= text.length) return true;
      if (quoted.some(([from, to]) => at > from && at <= to)) return false;
      return !ABBREVIATION.test(text.slice(Math.max(0, at - 24), at).trimEnd());
    });
}

/** A line that is only a date or time stamp, in any of the ways news sites print one. */
function isStampLine(line: string): boolean {
  if (!LETTER.test(line)) return /[\d٠-٩]/.test(line);
  if (STAMP_WORDS.test(line)) return true;
  if (countWords(line) > 8 || TERMINATED.test(line)) return false;
  let rest = line.replace(TIME, ' ').replace(WEEKDAYS, ' ');
  const dates = extractQuantities(rest).filter((q) => q.kind === 'date');
  if (dates.length === 0) return false;
  for (const date of dates) rest = rest.replace(date.text, ' ');
  return countWords(rest) <= 1;
}

function isCaptionLine(line: string): boolean {
  return countWords(line) <= CAPTION_MAX_WORDS && (CAPTION_MARK.test(line) || CREDIT_AT_END.test(line));
}

/** UTF-16 offset → code point offset, for a body that may hold astral characters (emoji, 𝕏). */
function codePointIndex(body: string): (unit: number) => number {
  if (!/[\uD800-\uDBFF]/.test(body)) return (unit) => unit;
  const map = new Int32Array(body.length + 1);
  let cp = 0;
  for (let u = 0; u < body.length; u++) {
    map[u] = cp;
    const c = body.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < body.length) map[++u] = cp; // low half: same code point
    cp++;
  }
  map[body.length] = cp;
  return (unit) => map[unit] as number;
}

/** Cuts an over-long span at the last space before MAX_SENTENCE units (or hard, if none). */
function cutLong(from: number, to: number, body: string): [number, number][] {
  const parts: [number, number][] = [];
  while (to - from > MAX_SENTENCE) {
    let cut = body.lastIndexOf(' ', from + MAX_SENTENCE);
    if (cut <= from) cut = from + MAX_SENTENCE;
    if (/[\uDC00-\uDFFF]/.test(body[cut] ?? '')) cut--; // never between the halves of a pair
    parts.push([from, cut]);
    from = cut;
    while (from < to && /\s/.test(body[from] as string)) from++;
  }
  if (to > from) parts.push([from, to]);
  return parts;
}

/**
 * Splits an article body into sentences with exact offsets (see the module comment for the
 * rules). Every span is trimmed; spans with no letter, and unterminated ones of fewer than
 * three words (menu labels such as "التعليقات"), are left out.
 *
 * @example
 * splitSentences('قال د. أحمد إن النمو بلغ 2.5%. «هذا رقم قياسي. حقا» وأضاف؛ لا', 'ar')
 *   .map((s) => s.text);
 * // → ['قال د. أحمد إن النمو بلغ 2.5%.', '«هذا رقم قياسي. حقا» وأضاف؛', …] (the last, 'لا', is too short)
 */
export function splitSentences(body: string, language: string): Sentence[] {
  const toCp = codePointIndex(body);
  const sentences: Sentence[] = [];
  const lineBreaks = [...body.matchAll(LINE_BREAK)];
  let lineStart = 0;
  let datelineChecked = false;
  for (let i = 0; i <= lineBreaks.length; i++) {
    const lineEnd = lineBreaks[i]?.index ?? body.length;
    const line = body.slice(lineStart, lineEnd);
    const lineKind: SpanKind | undefined = isStampLine(line.trim()) ? 'dateline' : isCaptionLine(line) ? 'caption' : undefined;
    const lineLead = line.length - line.replace(LEADING, '').length;
    const itemStarts = [0, ...[...line.matchAll(BULLET)].map((m) => m.index as number).filter((at) => at > 0), line.length];
    for (let k = 0; k + 1 < itemStarts.length; k++) {
      const itemFrom = itemStarts[k] as number;
      const item = line.slice(itemFrom, itemStarts[k + 1]);
      const spans: [number, number][] = [];
      let from = 0;
      for (const at of breaksOf(item, language)) {
        spans.push([from, at]);
        from = at;
      }
      const pieces = spans.flatMap(([a, b]) => {
        const raw = item.slice(a, b);
        const lead = raw.length - raw.replace(LEADING, '').length;
        const trail = raw.length - raw.replace(TRAILING, '').length;
        const unitFrom = lineStart + itemFrom + a + lead;
        const unitTo = lineStart + itemFrom + b - trail;
        return unitTo > unitFrom ? cutLong(unitFrom, unitTo, body) : [];
      });
      for (const [pieceFrom, unitTo] of pieces) {
        let unitFrom = pieceFrom;
        let text = body.slice(unitFrom, unitTo);
        if (!LETTER.test(text) && lineKind !== 'dateline') continue;
        const terminated = TERMINATED.test(text);
        if (!datelineChecked && terminated && !lineKind && unitFrom === lineStart + lineLead && itemStarts.length === 2) {
          // Only the body's first paragraph can open with a dateline; later ones are prose.
          datelineChecked = true;
          const dateline = ARABIC_DATELINE.exec(text) ?? ENGLISH_DATELINE.exec(text);
          if (dateline && countWords(text.slice(dateline[0].length)) >= 3) {
            unitFrom += dateline[0].length;
            text = body.slice(unitFrom, unitTo);
          }
        }
        const words = countWords(text);
        if (!terminated && words < 3 && !lineKind) continue;
        const kind = lineKind ?? (!terminated && pieces.length === 1 && words <= HEADLINE_MAX_WORDS ? 'headline' : 'sentence');
        sentences.push({ text, start: toCp(unitFrom), end: toCp(unitTo), unitStart: unitFrom, unitEnd: unitTo, kind, terminated, question: QUESTION.test(text), words });
      }
    }
    lineStart = lineEnd + (lineBreaks[i]?.[0].length ?? 0);
  }
  return sentences;
}
