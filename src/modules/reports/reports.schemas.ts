import { z } from 'zod';
import { ROLES } from '../../core/roles';
import { calendarDate, id, timestamp, timestampOut, type Served } from '../../http/schemas';
import { CLAIM_STATUSES } from '../claims/claims.schemas';

export const REPORT_FORMATS = ['json', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const bound = z.union([timestamp, calendarDate]);

export const auditReportQuery = z.strictObject({
  from: bound.optional().describe('Start of the period, inclusive: an RFC 3339 timestamp, or a date (its 00:00 UTC). Default: 30 days before `to`.'),
  to: bound.optional().describe('End of the period, exclusive: an RFC 3339 timestamp, or a date (the whole day is in: up to the next 00:00 UTC). Default: now.'),
  format: z.enum(REPORT_FORMATS).default('json').describe('json (the AuditReport below), html (one self-contained page) or pdf (A4)'),
});
export type AuditReportQuery = z.infer<typeof auditReportQuery>;

const actor = z.strictObject({
  keyId: id.nullable().describe('null when claimtrack itself acted'),
  name: z.string(),
  role: z.enum(ROLES),
});

/** The claim an item is about, as it reads now, so the report can be read without the API. */
const claimRef = {
  claimId: id,
  claimText: z.string().nullable().describe('The claim as it reads now; null if the row is gone'),
  language: z.string().nullable().describe('BCP 47 tag of the claim text'),
};

const hours = z.number().min(0).nullable();

export const auditReportView = z
  .strictObject({
    workspace: z.strictObject({ id, name: z.string() }),
    period: z.strictObject({ from: timestampOut.describe('inclusive'), to: timestampOut.describe('exclusive') }),
    generatedAt: timestampOut,
    chain: z
      .strictObject({
        ok: z.boolean(),
        checkedEvents: z.number().int().min(0).describe('Events that verified, from seq 1: the whole trail, not only the period'),
        firstBrokenSeq: z.number().int().min(1).nullable().describe('The first seq missing, altered or out of chain; null when all is well'),
      })
      .describe('The hash chain, recomputed over the whole trail (as GET /v1/audit/verify). When it is broken, the figures below rest on a trail that was changed.'),
    claims: z
      .strictObject({
        asOf: z.enum(['current', 'trail']).describe('current: the claims as stored now (`to` is not in the past); trail: each claim as its last audit event at or before `to` left it'),
        total: z.number().int().min(0),
        byStatus: z.strictObject(Object.fromEntries(CLAIM_STATUSES.map((status) => [status, z.number().int().min(0)])) as Record<(typeof CLAIM_STATUSES)[number], z.ZodNumber>),
        byVerdict: z.record(z.string(), z.number().int().min(0)).describe('Claims carrying a verdict, by rating (a reopened claim keeps its verdict until replaced)'),
      })
      .describe('Claims at the end of the period; deleted claims are left out'),
    timeToVerdict: z
      .strictObject({
        count: z.number().int().min(0).describe('Claims first published in the period'),
        medianHours: hours,
        p90Hours: hours,
        buckets: z
          .array(z.strictObject({ upToHours: z.number().positive().nullable().describe('null: the rest'), count: z.number().int().min(0) }))
          .describe('The same claims by time to verdict: up to 1 h, 6 h, 1 day, 3 days, a week, 30 days, and longer'),
      })
      .describe('Hours from a claim’s creation to its first publication, for claims first published in the period (percentiles interpolated linearly, as PostgreSQL’s percentile_cont)'),
    publishedWithoutEvidence: z
      .array(z.strictObject({ ...claimRef, reviewId: id, rating: z.string(), at: timestampOut, by: actor }))
      .describe('Publications in the period of a rating other than unverifiable while the claim had no evidence link: must be none'),
    fourEyesViolations: z
      .array(z.strictObject({ ...claimRef, reviewId: id, at: timestampOut, by: actor }))
      .describe('Reviews published in the period by the key that proposed them while the four-eyes rule was on: must be none'),
    corrections: z
      .array(z.strictObject({ ...claimRef, reviewId: id, at: timestampOut, from: z.string().nullable(), to: z.string(), note: z.string().nullable(), by: actor }))
      .describe('Published verdicts replaced in the period: the rating before and after, and the public correction note'),
    reopenings: z
      .array(z.strictObject({ ...claimRef, reviewId: id, at: timestampOut, note: z.string().nullable(), by: actor }))
      .describe('Published verdicts reopened for a correction in the period, with why'),
    activityByKey: z
      .array(
        z.strictObject({
          keyId: id.nullable(),
          name: z.string(),
          role: z.enum(ROLES),
          events: z.number().int().min(1),
          byAction: z.record(z.string(), z.number().int().min(1)),
        }),
      )
      .describe('Audit events in the period per API key, most active first'),
    activityByDay: z.array(z.strictObject({ day: calendarDate, events: z.number().int().min(1) })).describe('Audit events in the period per UTC day, days without events left out'),
  })
  .meta({ id: 'AuditReport', description: 'The audit report an auditor files (DESIGN §7)' });

export type AuditReport = Served<typeof auditReportView>;
export type ReportActor = AuditReport['fourEyesViolations'][number]['by'];
