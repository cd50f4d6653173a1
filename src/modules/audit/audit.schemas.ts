import { z } from 'zod';
import { id, timestamp } from '../../http/schemas';
import { ROLES } from '../../core/roles';

/** One audit event (`present` of audit.service): who changed what, and the hash chain. */
export const auditEventView = z
  .strictObject({
    id,
    seq: z.number().int().min(1).describe('Gap-free per workspace, from 1'),
    at: timestamp,
    actor: z.strictObject({
      keyId: id.nullable().describe('null when claimtrack itself acted'),
      name: z.string(),
      role: z.enum(ROLES),
    }),
    action: z.string().describe('e.g. article.update'),
    entityType: z.string(),
    entityId: id,
    before: z.unknown().describe('The entity before the change; null on create'),
    after: z.unknown().describe('The entity after the change; null on delete'),
    requestId: z.string(),
    prevHash: z.string().regex(/^([0-9a-f]{64})?$/).describe("The previous event's hash; empty for the first"),
    hash: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the canonical JSON of the event'),
  })
  .meta({ id: 'AuditEvent' });

export const chainCheckView = z
  .strictObject({
    ok: z.boolean(),
    count: z.number().int().min(0).describe('Events that verified'),
    headSeq: z.number().int().min(0),
    headHash: z.string(),
    firstBadSeq: z.number().int().min(1).nullable().describe('The first seq missing, altered or out of chain; null when all is well'),
  })
  .meta({ id: 'ChainCheck' });
