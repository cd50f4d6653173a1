import { z } from 'zod';
import { httpUrl, id, languageTag, pageOf, text, timestamp, timestampOut, version } from '../../http/schemas';
import { pageQuery } from '../../http/pagination';
import { claimView } from '../claims/claims.schemas';

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

/** An article in a list: everything but its body. */
export const articleSummaryView = z
  .strictObject({
    id,
    url: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    language: z.string(),
    publishedAt: timestampOut.nullable(),
    bodySha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the body (UTF-8), hex'),
    version,
    createdAt: timestampOut,
    updatedAt: timestampOut,
  })
  .meta({ id: 'ArticleSummary' });

/** An article with its full text, as created or changed. */
export const articleView = articleSummaryView.extend({ body: z.string() }).meta({ id: 'Article' });

/** An article with the claims taken from it, oldest first. */
export const articleWithClaimsView = articleView.extend({ claims: z.array(claimView) }).meta({ id: 'ArticleWithClaims' });

export const articlePage = pageOf(articleSummaryView);
