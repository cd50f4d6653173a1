import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface PdfTextItem {
  str: string;
  dir: string;
  x: number;
  y: number;
}

export interface PdfText {
  pages: PdfTextItem[][];
  info: Record<string, unknown>;
}

/** The text of a PDF as pdf.js extracts it (tests/helpers/pdf-text.mjs, in a child process). */
export function extractPdfText(pdf: Buffer): PdfText {
  const out = execFileSync(process.execPath, [join(__dirname, 'pdf-text.mjs')], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as PdfText;
}

/**
 * The lines of a page, top to bottom: items on one baseline, read right to left when `rtl`
 * (the order a reader of Arabic takes them), else left to right, joined.
 */
export function linesOf(items: PdfTextItem[], rtl = false): string[] {
  const rows = new Map<number, PdfTextItem[]>();
  for (const item of items) {
    const key = Math.round(item.y);
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) => row.sort((a, b) => (rtl ? b.x - a.x : a.x - b.x)).map((item) => item.str).join(''));
}
