/** The harness's data model, the statistics over repetitions, and the targets of issue 5. */
import type { LoadRequest, LoadResult } from './load';
import type { Memory } from './procs';
import type { ProfileSummary } from './profile';

export const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–');
export const sizeLabel = (n: number) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));

export type Db = 'sqlite' | 'postgres';

export interface Options {
  quick: boolean;
  sizes: number[];
  dbs: Db[];
  /** Seconds per measured repetition. */
  duration: number;
  /** Seconds of warm-up per scenario. */
  warmup: number;
  reps: number;
  connections: number[];
  profile: boolean;
  profileSeconds: number;
  keep: boolean;
  /** Exit 1 if any measured request failed (CI's end-to-end check of the harness). */
  strict: boolean;
  out: string;
  /** An existing, empty PostgreSQL database to use instead of a throwaway server. */
  pgUrl?: string;
  batchAmounts: { connections: number; amount: number }[];
}

export interface IngestStats {
  size: number;
  claimsAdded: number;
  articles: { n: number; seconds: number };
  claims: { n: number; seconds: number };
  evidence: { n: number; seconds: number };
  transitions: { n: number; seconds: number };
  totalSeconds: number;
}

export interface ScenarioDef {
  id: string;
  label: string;
  connections: number[];
  /** For scenarios bounded by a request count (the batch). */
  amounts?: Record<number, number>;
  /** Claims a request carries (batch), to report claims/s. */
  perRequest?: number;
  request: LoadRequest;
  target: 'server' | 'http' | 'express';
}

export interface Measure {
  scenario: string;
  connections: number;
  runs: LoadResult[];
}

export interface SizeResult {
  size: number;
  claimsAtMeasure: number;
  ingest: IngestStats;
  measures: Measure[];
  memory: { afterIngest?: Memory; end?: Memory; baselineHttp?: Memory; baselineExpress?: Memory };
  notes: string[];
  dbBytes?: number;
  lastPageDepth?: string;
}

export interface ProfileRun {
  file: string;
  summary: ProfileSummary;
  seconds: number;
  /** CPU used during the measured load, in cores (1 = one core busy all the time). */
  serverCores: number;
  dbCores: number;
  rps: number;
}

export interface DbResult {
  db: Db;
  version: string;
  skipped?: string;
  sizes: SizeResult[];
  profiles: { target: string; scenario: string; connections: number; run: ProfileRun; markdown: string }[];
  failed?: string;
}


// ---------------------------------------------------------------------------------------------
// Targets

export interface TargetCheck {
  id: string;
  db: Db;
  text: string;
  size: number;
  value: string;
  met: boolean | undefined;
  note?: string;
  /** Scenario and connections to profile when missed. */
  profile?: { scenario: string; connections: number };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
export function med(m: Measure | undefined, f: (r: LoadResult) => number): number {
  return m ? median(m.runs.map(f)) : NaN;
}
export function findMeasure(size: SizeResult, scenario: string, connections: number): Measure | undefined {
  return size.measures.find((m) => m.scenario === scenario && m.connections === connections);
}

/** Non-2xx answers, errors and timeouts over all repetitions, as a suffix for a measured value. */
function failures(m: Measure | undefined): string {
  const n = m ? m.runs.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0) : 0;
  if (n === 0) return '';
  const statuses = m ? [...new Set(m.runs.flatMap((r) => Object.keys(r.statuses).filter((s) => !s.startsWith('2'))))] : [];
  return `; **${n} requests failed**${statuses.length ? ` (HTTP ${statuses.join(', ')})` : ''}`;
}

export function checkTargets(result: DbResult): TargetCheck[] {
  const out: TargetCheck[] = [];
  const sizes = result.sizes;
  const last = sizes[sizes.length - 1];
  const first = sizes[0];
  if (!last || !first) return out;
  const at = (n: number) => (n === 1_000_000 ? '' : ` (measured at ${sizeLabel(n)}; the target is for 1M)`);
  const db = result.db;
  // GET by id vs a′ (50 connections: throughput).
  const goal = db === 'sqlite' ? 0.5 : 0.35;
  const conn = Math.max(...(findMeasure(last, 'b', 50) ? [50] : [1]));
  const ratio = med(findMeasure(last, 'b', conn), (r) => r.rps) / med(findMeasure(last, "a'", conn), (r) => r.rps);
  out.push({ id: 'get', db, text: `GET /v1/claims/:id ≥ ${goal} × (a′) req/s (${conn} connections)`, size: last.size, value: `${ratio.toFixed(2)} × (a′)${failures(findMeasure(last, 'b', conn))}`, met: ratio >= goal, profile: { scenario: 'b', connections: conn } });
  // Last page vs first page latency (p50, 1 connection).
  const lp = med(findMeasure(last, 'c2', 1), (r) => r.p50);
  const fp = med(findMeasure(last, 'c1', 1), (r) => r.p50);
  out.push({ id: 'page', db, text: 'last page ÷ first page p50 latency ≤ 1.2 (1 connection)', size: last.size, value: `${(lp / fp).toFixed(2)} (${lp.toFixed(1)} / ${fp.toFixed(1)} ms)${failures(findMeasure(last, 'c2', 1))}`, met: lp / fp <= 1.2, note: at(last.size), profile: { scenario: 'c2', connections: 1 } });
  // Search p95, one connection.
  for (const [id, word] of [
    ['d1', 'Arabic'],
    ['d2', 'English'],
  ] as const) {
    const m = findMeasure(last, id, 1);
    const p95 = med(m, (r) => r.p95);
    const value = Number.isFinite(p95) ? `${p95.toFixed(1)} ms` : 'no successful request';
    out.push({ id: `search-${id}`, db, text: `search (${word}) p95 ≤ 50 ms (1 connection)`, size: last.size, value: value + failures(m), met: p95 <= 50 && !failures(m), note: at(last.size), profile: { scenario: id, connections: 1 } });
  }
  // Similar claims (issue 14): p95 at one connection, and what the check adds to a create.
  for (const [id, language] of [
    ['g1', 'Arabic'],
    ['g2', 'English'],
  ] as const) {
    const m = findMeasure(last, id, 1);
    if (!m) continue;
    const p95 = med(m, (r) => r.p95);
    out.push({ id: `similar-${id}`, db, text: `similar claims (${language}) p95 ≤ 50 ms (1 connection)`, size: last.size, value: `${Number.isFinite(p95) ? `${p95.toFixed(1)} ms` : 'no successful request'}${failures(m)}`, met: p95 <= 50 && !failures(m), note: at(last.size), profile: { scenario: id, connections: 1 } });
  }
  const without = findMeasure(last, 'h0', 1);
  const withSimilar = findMeasure(last, 'h1', 1);
  if (without && withSimilar) {
    const a = med(without, (r) => r.p50);
    const b = med(withSimilar, (r) => r.p50);
    out.push({ id: 'similar-create', db, text: 'POST /v1/claims with the similar check ÷ without, p50 ≤ 1.5 (1 connection)', size: last.size, value: `${(b / a).toFixed(2)} (${b.toFixed(1)} / ${a.toFixed(1)} ms)${failures(withSimilar)}${failures(without)}`, met: b / a <= 1.5 && !failures(withSimilar), note: at(last.size), profile: { scenario: 'h1', connections: 1 } });
  }
  if (db === 'sqlite') {
    const w = med(findMeasure(last, 'e', 50), (r) => r.rps);
    out.push({ id: 'patch', db, text: 'PATCH with audit ≥ 800 writes/s (50 connections)', size: last.size, value: `${fmt(w)} writes/s${failures(findMeasure(last, 'e', 50))}`, met: w >= 800, profile: { scenario: 'e', connections: 50 } });
    for (const s of sizes) {
      if (s.ingest.claims.n === 0) continue;
      const rate = s.ingest.claims.n / s.ingest.claims.seconds;
      out.push({ id: 'ingest', db, text: 'batch ingest ≥ 10,000 claims/s (audit events and search index included)', size: s.size, value: `${fmt(rate)} claims/s`, met: rate >= 10_000, profile: { scenario: 'f', connections: 1 } });
    }
  }
  if (sizes.length >= 2) {
    const a = first.memory.end?.rssKiB ?? NaN;
    const b = last.memory.end?.rssKiB ?? NaN;
    out.push({ id: 'memory', db, text: `server RSS after the ${sizeLabel(last.size)} run ≤ 1.5 × after the ${sizeLabel(first.size)} run`, size: last.size, value: `${(b / a).toFixed(2)} × (${fmt(b / 1024)} / ${fmt(a / 1024)} MiB)`, met: b / a <= 1.5, note: at(last.size) });
  } else {
    out.push({ id: 'memory', db, text: 'server RSS after the 1M run ≤ 1.5 × after the 10k run', size: last.size, value: 'needs two sizes', met: undefined });
  }
  return out;
}

