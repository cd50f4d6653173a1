import { createHash } from 'node:crypto';
import type { AuditReport } from '../reports.schemas';
import { actorText, chainVerdict, formatHours, formatTime, isRtlLanguage, periodText, renderCharts, TITLES } from './report-text';

/**
 * The report as one self-contained HTML page: it is filed and opened offline, so it loads
 * nothing (no script, font, image or stylesheet from anywhere); the charts are inline SVG and
 * the one inline style is allowed by its hash in the page's own CSP. Every value from the
 * database is escaped; claim text carries its `lang` and direction.
 */

export interface HtmlReport {
  html: string;
  contentSecurityPolicy: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values: the five characters HTML gives meaning to. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 190mm; padding: 12px; font: 11pt/1.45 "Noto Naskh Arabic", Amiri, "Noto Sans", "Segoe UI", system-ui, serif; color: #111827; }
h1 { font-size: 20pt; margin: 8px 0 2px; }
h2 { font-size: 13pt; margin: 18px 0 6px; padding-bottom: 2px; border-bottom: 1px solid #d1d5db; break-after: avoid; }
.meta { color: #4b5563; margin: 0; }
.chain { border-radius: 6px; padding: 10px 14px; margin: 0 0 10px; border: 2px solid; }
.chain strong { font-size: 14pt; display: block; }
.chain.ok { background: #ecfdf5; border-color: #059669; color: #064e3b; }
.chain.broken { background: #fef2f2; border-color: #dc2626; color: #7f1d1d; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 10pt; }
th, td { border: 1px solid #e5e7eb; padding: 3px 6px; vertical-align: top; text-align: start; }
th { background: #f3f4f6; }
td.n { text-align: end; font-variant-numeric: tabular-nums; }
.none { color: #065f46; }
.alarm { color: #991b1b; font-weight: bold; }
figure { margin: 6px 0 10px; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #4b5563; }
footer { margin-top: 18px; font-size: 9pt; color: #6b7280; border-top: 1px solid #e5e7eb; padding-top: 4px; }
@media print { body { padding: 0; max-width: none; } .chain { print-color-adjust: exact; -webkit-print-color-adjust: exact; } tr, figure { break-inside: avoid; } }
`;

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** A claim's text in its language and direction (a row may be gone: then its id alone). */
function claimCell(item: { claimId: string; claimText: string | null; language: string | null }): string {
  if (item.claimText === null) return `<td><code>${escapeHtml(item.claimId)}</code></td>`;
  const lang = item.language ? ` lang="${escapeHtml(item.language)}"` : '';
  const dir = isRtlLanguage(item.language) ? 'rtl' : 'auto';
  return `<td><span${lang} dir="${dir}">${escapeHtml(item.claimText)}</span><br><code>${escapeHtml(item.claimId)}</code></td>`;
}

/** Free text of unknown language (a note, a key's name): the browser finds its direction. */
const auto = (text: string | null) => (text === null ? '—' : `<span dir="auto">${escapeHtml(text)}</span>`);

function table(headers: string[], rows: string[][]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('')}</tbody></table>`;
}

/** A list that must be empty: "none" in green, or its rows under a red count. */
function mustBeNone(title: string, count: number, headers: string[], rows: string[][]): string {
  const verdict = count === 0 ? '<p class="none">None.</p>' : `<p class="alarm">${count} found.</p>${table(headers, rows)}`;
  return `<h2>${escapeHtml(title)}</h2>${verdict}`;
}

/** Inline SVG needs no namespace declarations in HTML; dropping them keeps the page free of URLs. */
function inlineSvg(svg: string): string {
  return svg.replace(/\s+xmlns(:xlink)?="[^"]*"/g, '');
}

const td = (text: string) => `<td>${escapeHtml(text)}</td>`;
const num = (n: number) => `<td class="n">${n}</td>`;

export async function renderHtmlReport(report: AuditReport): Promise<HtmlReport> {
  const charts = await renderCharts(report);
  const chain = chainVerdict(report);
  const title = `${TITLES.report} — ${report.workspace.name}`;
  const byVerdict = Object.entries(report.claims.byVerdict);
  const ttv = report.timeToVerdict;
  const body = [
    `<section class="chain ${chain.ok ? 'ok' : 'broken'}" role="${chain.ok ? 'status' : 'alert'}"><strong>${escapeHtml(chain.headline)}</strong>${escapeHtml(chain.detail)}</section>`,
    `<h1>${escapeHtml(TITLES.report)} — <span dir="auto">${escapeHtml(report.workspace.name)}</span></h1>`,
    `<p class="meta">Period ${escapeHtml(periodText(report))} · generated ${escapeHtml(formatTime(report.generatedAt))} · workspace <code>${escapeHtml(report.workspace.id)}</code></p>`,

    `<h2>${escapeHtml(TITLES.claims)}</h2>`,
    `<p class="meta">${report.claims.total} claims, ${report.claims.asOf === 'current' ? 'as stored now' : 'as the trail left each one before the end of the period'}.</p>`,
    table(['status', 'claims'], Object.entries(report.claims.byStatus).map(([status, n]) => [td(status), num(n)])),
    `<figure>${inlineSvg(charts.verdicts)}<figcaption>${escapeHtml(TITLES.verdicts)}: ${byVerdict.length === 0 ? 'no claim carries a verdict' : byVerdict.map(([v, n]) => `${escapeHtml(v)} ${n}`).join(', ')}</figcaption></figure>`,

    `<h2>${escapeHtml(TITLES.timeToVerdict)}</h2>`,
    `<p>${ttv.count} claims first published in the period; median ${escapeHtml(formatHours(ttv.medianHours))}, 90th percentile ${escapeHtml(formatHours(ttv.p90Hours))} from creation to first publication.</p>`,
    `<figure>${inlineSvg(charts.timeToVerdict)}<figcaption>Claims by time from creation to first publication</figcaption></figure>`,

    mustBeNone(
      TITLES.withoutEvidence,
      report.publishedWithoutEvidence.length,
      ['claim', 'rating', 'published', 'by'],
      report.publishedWithoutEvidence.map((p) => [claimCell(p), td(p.rating), td(formatTime(p.at)), `<td>${auto(actorText(p.by))}</td>`]),
    ),
    mustBeNone(
      TITLES.fourEyes,
      report.fourEyesViolations.length,
      ['claim', 'published', 'proposed and published by'],
      report.fourEyesViolations.map((v) => [claimCell(v), td(formatTime(v.at)), `<td>${auto(actorText(v.by))}</td>`]),
    ),

    `<h2>${escapeHtml(TITLES.corrections)}</h2>`,
    report.corrections.length === 0
      ? '<p>None in the period.</p>'
      : table(
          ['claim', 'when', 'from → to', 'correction note', 'by'],
          report.corrections.map((c) => [claimCell(c), td(formatTime(c.at)), td(`${c.from ?? '—'} → ${c.to}`), `<td>${auto(c.note)}</td>`, `<td>${auto(actorText(c.by))}</td>`]),
        ),

    `<h2>${escapeHtml(TITLES.reopenings)}</h2>`,
    report.reopenings.length === 0
      ? '<p>None in the period.</p>'
      : table(['claim', 'when', 'why', 'by'], report.reopenings.map((r) => [claimCell(r), td(formatTime(r.at)), `<td>${auto(r.note)}</td>`, `<td>${auto(actorText(r.by))}</td>`])),

    `<h2>${escapeHtml(TITLES.activityByKey)}</h2>`,
    report.activityByKey.length === 0
      ? '<p>No events in the period.</p>'
      : table(
          ['key', 'role', 'events', 'by action'],
          report.activityByKey.map((k) => [
            `<td>${auto(k.name)}<br><code>${escapeHtml(k.keyId ?? 'claimtrack itself')}</code></td>`,
            td(k.role),
            num(k.events),
            td(Object.entries(k.byAction).map(([action, n]) => `${action} ${n}`).join(', ')),
          ]),
        ),

    `<h2>${escapeHtml(TITLES.activityByDay)}</h2>`,
    `<figure>${inlineSvg(charts.activityByDay)}<figcaption>Audit events per UTC day (days without events left out)</figcaption></figure>`,

    `<footer>claimtrack ${escapeHtml(TITLES.report.toLowerCase())} · ${escapeHtml(periodText(report))} · generated ${escapeHtml(formatTime(report.generatedAt))}</footer>`,
  ].join('\n');

  const html = [
    '<!doctype html>',
    '<html lang="en" dir="ltr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
  ].join('\n');
  const contentSecurityPolicy = ["default-src 'none'", `style-src ${cspHash(STYLE)}`, "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');
  return { html, contentSecurityPolicy };
}
