import type { AuditReport } from '../reports.schemas';
import { renderBarChart } from './charts';

/**
 * What the HTML page and the PDF both say, so the two formats cannot drift: section titles, the
 * chain verdict in words, number and time formats, and the three charts.
 */

export const TITLES = {
  report: 'Audit report',
  claims: 'Claims at the end of the period',
  verdicts: 'Verdicts',
  timeToVerdict: 'Time to verdict',
  withoutEvidence: 'Published without evidence',
  fourEyes: 'Four-eyes violations',
  corrections: 'Corrections',
  reopenings: 'Reopenings',
  activityByKey: 'Activity per API key',
  activityByDay: 'Activity per day',
} as const;

/** Languages written right to left (their primary subtag). */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function isRtlLanguage(language: string | null): boolean {
  return language !== null && RTL.has(language.split('-')[0]?.toLowerCase() ?? '');
}

/** `2026-12-03 14:05 UTC`: a time an auditor reads, to the minute. */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days (${Math.round(hours)} h)`;
}

export function periodText(report: AuditReport): string {
  return `${formatTime(report.period.from)} – ${formatTime(report.period.to)} (end exclusive)`;
}

export function actorText(by: { keyId: string | null; name: string; role: string }): string {
  return `${by.name} (${by.role}${by.keyId ? `, ${by.keyId}` : ', claimtrack itself'})`;
}

export interface ChainVerdict {
  ok: boolean;
  headline: string;
  detail: string;
}

/** The first thing each format shows. */
export function chainVerdict(report: AuditReport): ChainVerdict {
  const { chain } = report;
  if (chain.ok) {
    return { ok: true, headline: 'Audit chain intact', detail: `All ${chain.checkedEvents} events of the trail verified: each links to the one before and hashes to what it says.` };
  }
  return {
    ok: false,
    headline: `AUDIT CHAIN BROKEN at seq ${chain.firstBrokenSeq}`,
    detail: `Event ${chain.firstBrokenSeq} of the trail is missing, altered or out of chain (${chain.checkedEvents} events before it verified). The trail was changed outside the API: the figures below rest on it and cannot be trusted.`,
  };
}

/** `6–24 h`: a bucket of the time-to-verdict chart, from the previous limit to its own. */
export function bucketLabel(upToHours: number | null, previous: number | undefined): string {
  const name = (hours: number) => (hours < 24 ? `${hours} h` : `${hours / 24} d`);
  if (upToHours === null) return `> ${name(previous ?? 0)}`;
  const from = previous ?? 0;
  const sameUnit = (from < 24) === (upToHours < 24) || from === 0;
  return `${sameUnit ? (from < 24 ? from : from / 24) : name(from)}–${name(upToHours)}`;
}

export interface Charts {
  verdicts: string;
  timeToVerdict: string;
  activityByDay: string;
}

/** The three charts of the report as SVG. */
export async function renderCharts(report: AuditReport): Promise<Charts> {
  const verdicts = Object.entries(report.claims.byVerdict).map(([label, value]) => ({ label, value }));
  const buckets = report.timeToVerdict.buckets.map((bucket, i, all) => ({ label: bucketLabel(bucket.upToHours, all[i - 1]?.upToHours ?? undefined), value: bucket.count }));
  const days = report.activityByDay.map((day) => ({ label: day.day, value: day.events }));
  const [a, b, c] = await Promise.all([
    renderBarChart({ title: 'Claims by verdict', bars: verdicts, orientation: 'horizontal', valueTitle: 'claims', width: 460, height: Math.max(60, 22 * verdicts.length), color: '#2563eb' }),
    renderBarChart({ title: 'Claims by time from creation to first publication', bars: buckets, orientation: 'vertical', valueTitle: 'claims', width: 460, height: 140, color: '#7c3aed' }),
    renderBarChart({ title: 'Audit events per day', bars: days, orientation: 'vertical', valueTitle: 'events', width: 460, height: 160, color: '#059669' }),
  ]);
  return { verdicts: a, timeToVerdict: b, activityByDay: c };
}
