import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { AuditReport } from '../reports.schemas';
import { chartFont, drawParagraph, layoutParagraph, drawLines, registerFonts, type TextStyle } from './pdf-text';
import { actorText, chainVerdict, formatHours, formatTime, isRtlLanguage, periodText, renderCharts, TITLES } from './report-text';

/**
 * The report as an A4 PDF (pdfkit): the same content as the HTML page, the charts drawn from the
 * same SVG (svg-to-pdfkit), Arabic shaped and right to left (pdf-text.ts), page numbers, the
 * period and the generation time in each page's footer. Returned unfinished-free: the caller
 * pipes it to the response; pages are buffered only until the footers know the page count.
 */

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 50;
const FOOTER = 30;
const BODY: TextStyle = { size: 10 };
const SMALL: TextStyle = { size: 8.5, color: '#4b5563' };

interface Cell {
  text: string;
  /** A claim's language: its text runs in that direction; others find theirs (`auto`). */
  language?: string | null;
}

class Layout {
  y: number;
  readonly left = MARGIN;
  readonly width: number;
  private readonly bottom: number;

  constructor(readonly doc: Doc) {
    this.y = MARGIN;
    this.width = doc.page.width - 2 * MARGIN;
    this.bottom = doc.page.height - MARGIN - FOOTER;
  }

  /** A new page when `height` does not fit on this one. */
  need(height: number): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.y = MARGIN;
  }

  paragraph(text: string, style: TextStyle = BODY, gap = 4): void {
    const lines = layoutParagraph(this.doc, text, this.width, style);
    this.need(lines.length * style.size * 1.45);
    this.y += drawLines(this.doc, lines, this.left, this.y, this.width, style) + gap;
  }

  /** A heading kept on one page with the first `keepWith` points of what follows it. */
  heading(text: string, keepWith = 60): void {
    this.need(keepWith + 30);
    this.y += 8;
    this.y += drawParagraph(this.doc, text, this.left, this.y, this.width, { size: 13, weight: 'bold' });
    this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(0.5).strokeColor('#d1d5db').stroke();
    this.y += 5;
  }

  /** Rows of cells in columns of the given fractions of the width; each row as tall as its tallest cell. */
  table(headers: string[], fractions: number[], rows: Cell[][]): void {
    const widths = fractions.map((f) => f * this.width);
    const pad = 3;
    const drawRow = (cells: Cell[], style: TextStyle, fill?: string) => {
      const laid = cells.map((cell, i) => {
        const direction = cell.language === undefined ? 'auto' : isRtlLanguage(cell.language) ? 'rtl' : 'auto';
        const cellStyle: TextStyle = { ...style, direction };
        return { lines: layoutParagraph(this.doc, cell.text, (widths[i] as number) - 2 * pad, cellStyle), style: cellStyle };
      });
      const height = Math.max(...laid.map((c) => c.lines.length * c.style.size * 1.45)) + 2 * pad;
      this.need(height);
      let x = this.left;
      laid.forEach((cell, i) => {
        const w = widths[i] as number;
        if (fill) this.doc.rect(x, this.y, w, height).fill(fill);
        this.doc.rect(x, this.y, w, height).lineWidth(0.5).strokeColor('#e5e7eb').stroke();
        drawLines(this.doc, cell.lines, x + pad, this.y + pad, w - 2 * pad, cell.style);
        x += w;
      });
      this.y += height;
    };
    // The header row stays with the first row.
    this.need(60);
    drawRow(headers.map((text) => ({ text })), { size: 9, weight: 'bold' }, '#f3f4f6');
    for (const row of rows) drawRow(row, { size: 9 });
    this.y += 6;
  }

  chart(svg: string, height: number): void {
    this.need(height + 6);
    SVGtoPDF(this.doc, svg, this.left, this.y, { width: this.width, height, preserveAspectRatio: 'xMinYMin meet', fontCallback: () => chartFont() });
    this.y += height + 6;
  }

  /** A list that must be empty: "None." in green, or its count in red and its rows. */
  mustBeNone(title: string, headers: string[], fractions: number[], rows: Cell[][]): void {
    this.heading(title);
    if (rows.length === 0) this.paragraph('None.', { size: 10, color: '#065f46' });
    else {
      this.paragraph(`${rows.length} found.`, { size: 10, weight: 'bold', color: '#991b1b' });
      this.table(headers, fractions, rows);
    }
  }
}

const claimCell = (item: { claimId: string; claimText: string | null; language: string | null }): Cell =>
  item.claimText === null ? { text: item.claimId } : { text: item.claimText, language: item.language };

function chainBanner(layout: Layout, report: AuditReport): void {
  const verdict = chainVerdict(report);
  const doc = layout.doc;
  const style = { color: verdict.ok ? '#064e3b' : '#7f1d1d' };
  const inner = layout.width - 24;
  const headline = layoutParagraph(doc, verdict.headline, inner, { size: 14, weight: 'bold', direction: 'ltr' });
  const detail = layoutParagraph(doc, verdict.detail, inner, { size: 10, direction: 'ltr' });
  const height = headline.length * 14 * 1.45 + detail.length * 10 * 1.45 + 18;
  doc.roundedRect(layout.left, layout.y, layout.width, height, 5).lineWidth(2).fillAndStroke(verdict.ok ? '#ecfdf5' : '#fef2f2', verdict.ok ? '#059669' : '#dc2626');
  let y = layout.y + 9;
  y += drawLines(doc, headline, layout.left + 12, y, inner, { size: 14, weight: 'bold', ...style });
  drawLines(doc, detail, layout.left + 12, y, inner, { size: 10, ...style });
  layout.y += height + 10;
}

function footers(doc: Doc, report: AuditReport): void {
  const range = doc.bufferedPageRange();
  const text = `claimtrack audit report · ${periodText(report)} · generated ${formatTime(report.generatedAt)}`;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing into the bottom margin must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 6;
    const width = doc.page.width - 2 * MARGIN;
    drawParagraph(doc, text, MARGIN, y, width - 70, { ...SMALL, direction: 'ltr' });
    drawParagraph(doc, `Page ${i + 1} of ${range.count}`, MARGIN + width - 70, y, 70, { ...SMALL, direction: 'ltr', align: 'right' });
    doc.page.margins.bottom = bottom;
  }
}

/** The report's PDF, ended: pipe it to the response (it streams as pdfkit writes it). */
export async function renderPdfReport(report: AuditReport): Promise<Doc> {
  const charts = await renderCharts(report);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${TITLES.report} — ${report.workspace.name}`, Author: 'claimtrack', Subject: periodText(report), CreationDate: report.generatedAt },
    lang: 'en',
  } as PDFKit.PDFDocumentOptions);
  registerFonts(doc);
  const layout = new Layout(doc);
  const ttv = report.timeToVerdict;

  chainBanner(layout, report);
  layout.paragraph(`${TITLES.report} — ${report.workspace.name}`, { size: 20, weight: 'bold', direction: 'ltr' }, 2);
  layout.paragraph(`Period ${periodText(report)} · generated ${formatTime(report.generatedAt)} · workspace ${report.workspace.id}`, { ...SMALL, direction: 'ltr' }, 6);

  layout.heading(TITLES.claims);
  layout.paragraph(`${report.claims.total} claims, ${report.claims.asOf === 'current' ? 'as stored now' : 'as the trail left each one before the end of the period'}.`);
  layout.table(['status', 'claims'], [0.7, 0.3], Object.entries(report.claims.byStatus).map(([status, n]) => [{ text: status }, { text: String(n) }]));
  const verdicts = Object.entries(report.claims.byVerdict);
  layout.paragraph(`${TITLES.verdicts}: ${verdicts.length === 0 ? 'no claim carries a verdict' : verdicts.map(([v, n]) => `${v} ${n}`).join(', ')}`, { size: 10, weight: 'bold' });
  layout.chart(charts.verdicts, Math.max(60, 22 * verdicts.length) + 30);

  layout.heading(TITLES.timeToVerdict, 180);
  layout.paragraph(`${ttv.count} claims first published in the period; median ${formatHours(ttv.medianHours)}, 90th percentile ${formatHours(ttv.p90Hours)} from creation to first publication.`);
  layout.chart(charts.timeToVerdict, 150);

  layout.mustBeNone(
    TITLES.withoutEvidence,
    ['claim', 'rating', 'published', 'by'],
    [0.45, 0.15, 0.18, 0.22],
    report.publishedWithoutEvidence.map((p) => [claimCell(p), { text: p.rating }, { text: formatTime(p.at) }, { text: actorText(p.by) }]),
  );
  layout.mustBeNone(
    TITLES.fourEyes,
    ['claim', 'published', 'proposed and published by'],
    [0.5, 0.2, 0.3],
    report.fourEyesViolations.map((v) => [claimCell(v), { text: formatTime(v.at) }, { text: actorText(v.by) }]),
  );

  layout.heading(TITLES.corrections);
  if (report.corrections.length === 0) layout.paragraph('None in the period.');
  else {
    layout.table(
      ['claim', 'when', 'from » to', 'correction note', 'by'],
      [0.3, 0.14, 0.14, 0.24, 0.18],
      report.corrections.map((c) => [claimCell(c), { text: formatTime(c.at) }, { text: `${c.from ?? '—'} » ${c.to}` }, { text: c.note ?? '—' }, { text: actorText(c.by) }]),
    );
  }

  layout.heading(TITLES.reopenings);
  if (report.reopenings.length === 0) layout.paragraph('None in the period.');
  else {
    layout.table(
      ['claim', 'when', 'why', 'by'],
      [0.36, 0.16, 0.28, 0.2],
      report.reopenings.map((r) => [claimCell(r), { text: formatTime(r.at) }, { text: r.note ?? '—' }, { text: actorText(r.by) }]),
    );
  }

  layout.heading(TITLES.activityByKey);
  if (report.activityByKey.length === 0) layout.paragraph('No events in the period.');
  else {
    layout.table(
      ['key', 'role', 'events', 'by action'],
      [0.3, 0.12, 0.1, 0.48],
      report.activityByKey.map((k) => [
        { text: `${k.name} · ${k.keyId ?? 'claimtrack itself'}` },
        { text: k.role },
        { text: String(k.events) },
        { text: Object.entries(k.byAction).map(([action, n]) => `${action} ${n}`).join(', ') },
      ]),
    );
  }

  layout.heading(TITLES.activityByDay, 170);
  layout.chart(charts.activityByDay, 170);

  footers(doc, report);
  doc.end();
  return doc;
}
