import type { Database } from '../../db/database';
import { AppError } from '../../core/errors';
import type { Actor, Role } from '../../core/roles';
import { verifyChain } from '../audit/audit.service';
import { CLAIM_STATUSES, type ClaimStatus } from '../claims/claims.schemas';
import * as reports from './reports.repository';
import type { AuditReport, AuditReportQuery, ReportActor } from './reports.schemas';

const DAY_MS = 86_400_000;
/** The default period: the last 30 days (DESIGN §7). */
export const DEFAULT_PERIOD_DAYS = 30;
/** Buckets of the time-to-verdict chart, in hours. */
export const VERDICT_HOUR_BUCKETS = [1, 6, 24, 72, 168, 720] as const;

/** A bound of `?from=`/`?to=`: a timestamp as given; a date is its 00:00 UTC (`to`: the next day's, so the day is in). */
function boundOf(value: string, end: boolean): Date {
  if (value.length !== 10) return new Date(value);
  const midnight = new Date(`${value}T00:00:00Z`);
  return end ? new Date(midnight.getTime() + DAY_MS) : midnight;
}

/** The report's period, [from, to); 400 when it is empty or backwards. */
export function resolvePeriod(query: Pick<AuditReportQuery, 'from' | 'to'>, now: Date): reports.Period {
  const to = query.to === undefined ? now : boundOf(query.to, true);
  const from = query.from === undefined ? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS) : boundOf(query.from, false);
  if (from.getTime() >= to.getTime()) {
    throw AppError.badRequest(`The period is empty: from (${from.toISOString()}) must be before to (${to.toISOString()}, exclusive).`, [
      { path: 'query.from', message: 'must be before to' },
    ]);
  }
  return { from, to };
}

/**
 * A percentile by linear interpolation between the values at ranks ⌊(n−1)p⌋ and ⌈(n−1)p⌉
 * (PostgreSQL's percentile_cont, Excel's PERCENTILE.INC), from the ranks the SQL picked.
 */
export function interpolate(found: reports.Percentiles, p: number): number | null {
  if (found.count === 0) return null;
  const position = (found.count - 1) * p;
  const low = found.ranks.get(Math.floor(position));
  const high = found.ranks.get(Math.ceil(position));
  if (low === undefined || high === undefined) throw new Error(`rank ${position} of ${found.count} was not selected`);
  return round(low + (high - low) * (position - Math.floor(position)));
}

const round = (hours: number) => Math.round(hours * 100) / 100;

function actorOf(row: reports.ActorRow): ReportActor {
  return { keyId: row.keyId, name: row.name, role: row.role as Role };
}

function claimCounts(rows: reports.ClaimCount[]): Pick<AuditReport['claims'], 'total' | 'byStatus' | 'byVerdict'> {
  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
  const byVerdict: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    total += row.count;
    if ((CLAIM_STATUSES as readonly string[]).includes(row.status)) byStatus[row.status as ClaimStatus] += row.count;
    if (row.verdict !== null) byVerdict[row.verdict] = (byVerdict[row.verdict] ?? 0) + row.count;
  }
  return { total, byStatus, byVerdict: Object.fromEntries(Object.entries(byVerdict).sort(([a], [b]) => (a < b ? -1 : 1))) };
}

function activityByKey(rows: reports.KeyActionCount[]): AuditReport['activityByKey'] {
  const byKey = new Map<string, AuditReport['activityByKey'][number]>();
  for (const row of rows) {
    const key = `${row.keyId ?? ''}\u0000${row.name}\u0000${row.role}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { keyId: row.keyId, name: row.name, role: row.role as Role, events: 0, byAction: {} }));
    entry.events += row.count;
    entry.byAction[row.action] = row.count;
  }
  for (const entry of byKey.values()) entry.byAction = Object.fromEntries(Object.entries(entry.byAction).sort(([a], [b]) => (a < b ? -1 : 1)));
  return [...byKey.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
}

/**
 * The audit report of the caller's workspace for a period (DESIGN §7). The chain is checked first,
 * over the whole trail; the figures come from set-based statements (reports.repository).
 *
 * Claims at the end of the period: when `to` is not in the past, the claims table as it is now;
 * otherwise each claim as its last audit event before `to` left it (`claims.asOf` says which).
 */
export async function buildAuditReport(db: Database, actor: Actor, query: Pick<AuditReportQuery, 'from' | 'to'>, now = new Date()): Promise<AuditReport> {
  const period = resolvePeriod(query, now);
  const workspaceId = actor.workspaceId;
  const sql = db.sql;
  const workspace = await reports.findWorkspace(sql, workspaceId);
  if (!workspace) throw AppError.notFound('workspace', workspaceId);
  const current = period.to.getTime() >= now.getTime();
  // The chain check first: a long trail is checked in worker threads, started before the
  // statements (on SQLite those run on this thread, synchronously); on PostgreSQL the statements
  // run on the server meanwhile either way.
  let started: () => void = () => undefined;
  const underWay = new Promise<void>((resolve) => (started = resolve));
  const chainCheck = verifyChain(db, workspaceId, { started });
  await Promise.race([underWay, chainCheck.then(() => undefined, () => undefined)]);
  const [chain, counts, ranks, buckets, withoutEvidence, violations, corrected, reopened, keyActions, days] = await Promise.all([
    chainCheck,
    current ? reports.claimCountsNow(sql, workspaceId) : reports.claimCountsAt(sql, workspaceId, period.to),
    reports.timeToVerdictRanks(sql, workspaceId, period),
    reports.timeToVerdictBuckets(sql, workspaceId, period, VERDICT_HOUR_BUCKETS),
    reports.publishedWithoutEvidence(sql, workspaceId, period),
    reports.fourEyesViolations(sql, workspaceId, period),
    reports.corrections(sql, workspaceId, period),
    reports.reopenings(sql, workspaceId, period),
    reports.activityByKeyAndAction(sql, workspaceId, period),
    reports.activityByDay(sql, workspaceId, period),
  ]);
  const texts = await reports.claimTexts(sql, workspaceId, [...withoutEvidence, ...violations, ...corrected, ...reopened].map((item) => item.claimId));
  const claimRef = (claimId: string) => ({ claimId, claimText: texts.get(claimId)?.text ?? null, language: texts.get(claimId)?.language ?? null });

  return {
    workspace,
    period,
    generatedAt: now,
    chain: { ok: chain.ok, checkedEvents: chain.count, firstBrokenSeq: chain.firstBadSeq },
    claims: { asOf: current ? 'current' : 'trail', ...claimCounts(counts) },
    timeToVerdict: {
      count: ranks.count,
      medianHours: interpolate(ranks, 0.5), p90Hours: interpolate(ranks, 0.9),
      buckets: [...VERDICT_HOUR_BUCKETS, null].map((upToHours, i) => ({ upToHours, count: buckets.get(i) ?? 0 })),
    },
    publishedWithoutEvidence: withoutEvidence.map((row) => ({ ...claimRef(row.claimId), reviewId: row.reviewId, rating: row.rating, at: row.at, by: actorOf(row.by) })),
    fourEyesViolations: violations.map((row) => ({ ...claimRef(row.claimId), reviewId: row.reviewId, at: row.at, by: actorOf(row.by) })),
    corrections: corrected.map((row) => ({ ...claimRef(row.claimId), reviewId: row.reviewId, at: row.at, from: row.from, to: row.rating, note: row.note, by: actorOf(row.by) })),
    reopenings: reopened.map((row) => ({ ...claimRef(row.claimId), reviewId: row.reviewId, at: row.at, note: row.note, by: actorOf(row.by) })),
    activityByKey: activityByKey(keyActions),
    activityByDay: days,
  };
}
