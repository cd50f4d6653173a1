import { z } from 'zod';
import { httpUrl, languageTag, text, timestamp } from '../../http/schemas';
import { pageQuery } from '../../http/pagination';

export const articleCreate = z.strictObject({
  url: httpUrl,
  title: text(1000),
  publisher: text(300).nullable().optional(),
  language: languageTag,
  publishedAt: timestamp.nullable().optional(),
  /** The full text as published; quotes anchor to it by code point. */
  body: z.string().min(1).max(500_000),
});
export type ArticleCreate = z.infer<typeof articleCreate>;

export const articleUpdate = articleCreate
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export type ArticleUpdate = z.infer<typeof articleUpdate>;

export const articleListQuery = pageQuery.extend({ language: languageTag.optional() }).strict();
