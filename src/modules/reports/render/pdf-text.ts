import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import bidiFactory from 'bidi-js';
import * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import { woffToSfnt } from './woff';

/**
 * Text in the PDF, Arabic included. pdfkit shapes a string through fontkit (Arabic letters take
 * their joined forms, and a run of Arabic comes out right to left), but it lays a line out left to
 * right in logical order and takes one font per call. So here a line is cut into runs of one bidi
 * embedding level and one font; bidi-js (UAX #9) gives the levels, the runs are put in visual
 * order (rule L2), and each run is drawn at its own x. Wrapping happens before reordering, on the
 * logical text, as UAX #9 asks (docs/decisions/0009-audit-report.md).
 */

type Doc = InstanceType<typeof PDFDocument>;

/** Amiri (SIL Open Font License 1.1) from @fontsource/amiri, in its per-script subsets. */
const SUBSETS = ['arabic', 'latin', 'latin-ext'] as const;
type Subset = (typeof SUBSETS)[number];
export type Weight = 'regular' | 'bold';

const fontDir = join(dirname(require.resolve('@fontsource/amiri/package.json')), 'files');
const coverage: Record<Subset, [number, number][]> = (() => {
  const ranges = JSON.parse(readFileSync(join(dirname(fontDir), 'unicode.json'), 'utf8')) as Record<Subset, string>;
  const parse = (text: string) =>
    text.split(',').map((range) => {
      const [low, high] = range.replace(/^U\+/, '').split('-');
      return [parseInt(low as string, 16), parseInt(high ?? (low as string), 16)] as [number, number];
    });
  return { arabic: parse(ranges.arabic), latin: parse(ranges.latin), 'latin-ext': parse(ranges['latin-ext']) };
})();

const fontName = (subset: Subset, weight: Weight) => `amiri-${subset}-${weight}`;

/**
 * The fonts, parsed once per process: fontkit reads Amiri's large shaping tables on first use
 * (1.5 s for the Arabic subset), and pdfkit takes a parsed font as well as its bytes.
 */
let parsed: Map<string, fontkit.Font> | undefined;
function fonts(): Map<string, fontkit.Font> {
  if (!parsed) {
    parsed = new Map();
    for (const subset of SUBSETS) {
      for (const weight of ['regular', 'bold'] as const) {
        const file = join(fontDir, `amiri-${subset}-${weight === 'bold' ? 700 : 400}-normal.woff`);
        parsed.set(fontName(subset, weight), fontkit.create(woffToSfnt(readFileSync(file))) as fontkit.Font);
      }
    }
  }
  return parsed;
}

/** Registers the fonts with a document (pdfkit embeds only the glyphs a document uses). */
export function registerFonts(doc: Doc): void {
  for (const [name, font] of fonts()) doc.registerFont(name, font as unknown as string);
}

/** The subset that draws a code point; whitespace always comes from the Latin one (the Arabic subset has no space). */
function subsetOf(codePoint: number): Subset {
  for (const subset of SUBSETS) {
    if (coverage[subset].some(([low, high]) => codePoint >= low && codePoint <= high)) return subset;
  }
  return 'latin';
}

const bidi = bidiFactory();

/** One piece of a line: drawn with one font, at one embedding level (odd: right to left). */
interface Run {
  text: string;
  subset: Subset;
  level: number;
  width: number;
}

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
  /** The paragraph's direction: `auto` takes it from its first strong character (rules P2–P3). */
  direction?: 'ltr' | 'rtl' | 'auto';
  align?: 'start' | 'end' | 'left' | 'right';
}

export interface Line {
  runs: Run[];
  width: number;
  rtl: boolean;
}

/** What stays in an Arabic run: its letters, their marks (tashkeel), tatweel and the joiners. */
const ARABIC_LETTER = /[\p{Script=Arabic}\p{M}\u0640\u200C\u200D]/u;

/**
 * Cuts `text` (one paragraph) into runs of one level and one subset, in logical order. Right-to-
 * left pieces without an Arabic letter (spaces, punctuation, a bracket) become one run per
 * character, since fontkit reverses only what it recognises as right-to-left script.
 */
function logicalRuns(doc: Doc, text: string, style: TextStyle): { runs: Run[]; rtl: boolean } {
  const direction = style.direction ?? 'auto';
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text, direction === 'auto' ? undefined : direction);
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  const runs: Run[] = [];
  let index = 0;
  for (const char of text) {
    const level = levels[index] ?? 0;
    const shown = mirrored.get(index) ?? char;
    const subset = /\s/.test(char) ? 'latin' : subsetOf(char.codePointAt(0) as number);
    const last = runs[runs.length - 1];
    // Spaces are runs of their own (where lines may break), and so is every right-to-left
    // character that fontkit would not reverse with its run.
    const alone = /\s/.test(char) || (level % 2 === 1 && !ARABIC_LETTER.test(char));
    const lastAlone = last !== undefined && (/\s/.test(last.text) || (last.level % 2 === 1 && !ARABIC_LETTER.test(last.text)));
    if (last && last.level === level && last.subset === subset && !alone && !lastAlone) last.text += shown;
    else runs.push({ text: shown, subset, level, width: 0 });
    index += char.length;
  }
  for (const run of runs) run.width = measure(doc, run.text, run.subset, style);
  return { runs, rtl: (paragraphs[0]?.level ?? 0) % 2 === 1 };
}

/** Widths by font, size and text: a report measures the same labels and words over and over. */
const widths = new Map<string, number>();

function measure(doc: Doc, text: string, subset: Subset, style: TextStyle): number {
  const name = fontName(subset, style.weight ?? 'regular');
  const key = `${name}\u0000${style.size}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    width = doc.font(name).fontSize(style.size).widthOfString(text);
    if (widths.size > 50_000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above. */
function visualOrder(runs: Run[]): Run[] {
  const out = [...runs];
  if (out.length === 0) return out;
  const max = Math.max(...out.map((r) => r.level));
  const minOdd = Math.min(...out.map((r) => (r.level % 2 === 1 ? r.level : Infinity)));
  for (let level = max; level >= minOdd && level > 0; level -= 1) {
    for (let i = 0; i < out.length; ) {
      if ((out[i] as Run).level < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < out.length && (out[j] as Run).level >= level) j += 1;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

/**
 * Wraps a paragraph into lines of at most `width` points at spaces (a word longer than a line gets
 * a line of its own), each line in visual order.
 */
export function layoutParagraph(doc: Doc, text: string, width: number, style: TextStyle): Line[] {
  const { runs, rtl } = logicalRuns(doc, text.replace(/\s+/g, ' ').trim(), style);
  const lines: Run[][] = [];
  let current: Run[] = [];
  let currentWidth = 0;
  // Words: a space run ends one. Measured as the runs they are made of.
  let word: Run[] = [];
  const flushWord = () => {
    const wordWidth = word.reduce((sum, r) => sum + r.width, 0);
    if (wordWidth > width && word.length > 0) {
      // A word wider than the line (an id, a URL): broken between characters.
      const pieces = word.flatMap((run) => [...run.text].map((char) => ({ ...run, text: char, width: measure(doc, char, run.subset, style) })));
      word = [];
      for (const piece of pieces) {
        if (currentWidth + piece.width > width && current.length > 0) {
          lines.push(current);
          current = [];
          currentWidth = 0;
        }
        current.push(piece);
        currentWidth += piece.width;
      }
      return;
    }
    if (current.length > 0 && currentWidth + wordWidth > width) {
      while (current.length > 0 && /^\s+$/.test((current[current.length - 1] as Run).text)) current.pop();
      lines.push(current);
      current = [];
      currentWidth = 0;
      while (word.length > 0 && /^\s+$/.test((word[0] as Run).text)) word.shift();
    }
    current.push(...word);
    currentWidth += word.reduce((sum, r) => sum + r.width, 0);
    word = [];
  };
  for (const run of runs) {
    if (/^\s+$/.test(run.text) && word.length > 0) flushWord();
    word.push(run);
  }
  flushWord();
  if (current.length > 0) lines.push(current);
  return lines.map((line) => ({ runs: visualOrder(line), width: line.reduce((sum, r) => sum + r.width, 0), rtl }));
}

/** Draws lines from the top-left corner of a box `width` wide; answers the height used. */
export function drawLines(doc: Doc, lines: Line[], x: number, y: number, width: number, style: TextStyle): number {
  const lineHeight = style.size * 1.45;
  const weight = style.weight ?? 'regular';
  lines.forEach((line, i) => {
    const align = style.align ?? 'start';
    const toRight = align === 'right' || (align === 'start' && line.rtl) || (align === 'end' && !line.rtl);
    let cursor = toRight ? x + width - line.width : x;
    for (const run of line.runs) {
      doc
        .font(fontName(run.subset, weight))
        .fontSize(style.size)
        .fillColor(style.color ?? '#111827')
        .text(run.text, cursor, y + i * lineHeight, { lineBreak: false });
      cursor += run.width;
    }
  });
  return lines.length * lineHeight;
}

/** Lays out and draws a paragraph; answers the height used. */
export function drawParagraph(doc: Doc, text: string, x: number, y: number, width: number, style: TextStyle): number {
  return drawLines(doc, layoutParagraph(doc, text, width, style), x, y, width, style);
}

/** The height a paragraph will take, to break pages before it. */
export function paragraphHeight(doc: Doc, text: string, width: number, style: TextStyle): number {
  return layoutParagraph(doc, text, width, style).length * style.size * 1.45;
}

/** The font pdfkit should use for SVG text (chart labels: Latin and digits). */
export function chartFont(weight: Weight = 'regular'): string {
  return fontName('latin', weight);
}
