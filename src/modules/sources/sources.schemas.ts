import { z } from 'zod';
import { pageQuery } from '../../http/pagination';
import { httpUrl, id, pageOf, text, timestamp, timestampOut, version } from '../../http/schemas';

export const SOURCE_KINDS = ['primary_document', 'official_statement', 'dataset', 'news_report', 'expert', 'other'] as const;

export const sourceCreate = z.strictObject({
  url: httpUrl,
  title: text(1000),
  publisher: text(300).nullable().optional(),
  kind: z.enum(SOURCE_KINDS),
  publishedAt: timestamp.nullable().optional(),
  accessedAt: timestamp.nullable().optional(),
  /** A snapshot in a web archive, so the evidence survives the page. */
  archiveUrl: httpUrl.nullable().optional(),
});
export type SourceCreate = z.infer<typeof sourceCreate>;

export const sourceUpdate = sourceCreate
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export type SourceUpdate = z.infer<typeof sourceUpdate>;

export const sourceListQuery = pageQuery.extend({ kind: z.enum(SOURCE_KINDS).optional() }).strict();

/** A source as the API answers it (`presentSource`). */
export const sourceView = z
  .strictObject({
    id,
    url: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    kind: z.enum(SOURCE_KINDS),
    publishedAt: timestampOut.nullable(),
    accessedAt: timestampOut.nullable(),
    archiveUrl: z.string().nullable(),
    version,
    createdAt: timestampOut,
    updatedAt: timestampOut,
  })
  .meta({ id: 'Source' });

export const sourcePage = pageOf(sourceView);
