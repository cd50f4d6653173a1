import { z } from 'zod';
import { httpUrl, id, languageTag, pageOf, text, timestamp, timestampOut, version } from '../../http/schemas';
import { pageQuery } from '../../http/pagination';
import { CANDIDATE_REASONS } from '../../text/candidates';
import { claimView, quantityView, quoteView } from '../claims/claims.schemas';

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

/** `?limit=` of the candidates (DESIGN §12): the best 20 unless asked, at most 100. */
export const MAX_CANDIDATES = 100;
export const candidateQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_CANDIDATES).default(20),
});

/** A sentence of the article that may be worth checking, with the quote to POST as a claim. */
export const candidateView = z
  .strictObject({
    text: z.string().describe('The sentence, exactly as in the body (the same as `quote.exact`)'),
    quote: quoteView,
    score: z.number().min(0).max(1).describe('Check-worthiness in [0, 1]; candidates come best first'),
    quantities: z.array(quantityView).describe('The quantities read from the sentence'),
    reasons: z
      .array(z.enum(CANDIDATE_REASONS))
      .describe(
        'The signals behind the score: quantity, date, year, attribution, comparison, source and causation raise it; ' +
          'headline (no final sentence mark), repeat (another sentence restates it), question, opinion and short lower it',
      ),
    claimId: id.nullable().describe('A live claim already anchored inside this sentence, or null'),
  })
  .meta({ id: 'Candidate' });

/** The ranked candidates, best first. */
export const candidateList = z.strictObject({ data: z.array(candidateView) });
