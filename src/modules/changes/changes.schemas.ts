import { z } from 'zod';
import { pageQuery } from '../../http/pagination';
import { id, timestampOut } from '../../http/schemas';

export const MAX_WAIT_SECONDS = 30;

export const changesQuery = z.strictObject({
  after: z.coerce.number().int().min(0).optional().describe('The last seq you processed: the feed answers the changes after it (default 0, from the start)'),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'a nextCursor this feed gave out')
    .optional()
    .describe('A nextCursor from the previous page: the same as after'),
  limit: pageQuery.shape.limit,
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_WAIT_SECONDS)
    .optional()
    .describe('Seconds to wait for a change when there is none after the position (long poll); 0 or none answers at once'),
});
export type ChangesQuery = z.infer<typeof changesQuery>;

export const changeView = z.strictObject({
  seq: z.number().int().min(1).describe('The audit seq: gap-free per workspace, so the feed is in commit order'),
  at: timestampOut,
  type: z.string().describe('The action, e.g. claim.update'),
  entityType: z.string(),
  entityId: id,
  data: z.unknown().describe('The entity after the change, as the API answers it; null after a delete'),
});

export const changesPage = z
  .strictObject({
    data: z.array(changeView),
    nextCursor: z.string().nullable().describe("The seq of this page's last change, to pass as after (or cursor); null once the page reaches lastSeq"),
    lastSeq: z.number().int().min(0).describe("The feed's head when answering: the newest seq it holds"),
  })
  .meta({ id: 'ChangesPage' });
