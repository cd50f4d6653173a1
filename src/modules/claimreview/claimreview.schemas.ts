import { z } from 'zod';
import { pageQuery } from '../../http/pagination';
import { id, pageOf } from '../../http/schemas';

/**
 * schema.org ClaimReview as claimtrack writes it (JSON-LD), with what Google's fact-check
 * markup requires and recommends (DESIGN §7). `claimreview.build.ts` also types each object with
 * schema-dts, so a property schema.org does not have fails the type check.
 */
const organization = z.strictObject({ '@type': z.literal('Organization'), name: z.string(), url: z.string() });
const claimant = z.strictObject({ '@type': z.enum(['Person', 'Organization']), name: z.string() });
const creativeWork = z.strictObject({ '@type': z.literal('CreativeWork'), url: z.string() });

export const claimReviewView = z
  .strictObject({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('ClaimReview'),
    url: z.string().describe("The fact-check's page: the workspace's claimReviewUrlTemplate, or this claim's public ClaimReview URL"),
    claimReviewed: z.string().describe('The claim, in its original language'),
    author: organization.describe('The workspace, as the publisher of the fact-check'),
    datePublished: z.string().describe('When a verdict on the claim was first published'),
    dateModified: z.string().optional().describe('When the current verdict was published, if it corrects an earlier one'),
    inLanguage: z.string(),
    reviewRating: z
      .strictObject({
        '@type': z.literal('Rating'),
        ratingValue: z.number().optional(),
        bestRating: z.number().optional(),
        worstRating: z.number().optional(),
        alternateName: z.string().describe("The verdict's label in the claim's language"),
      })
      .describe('From the rating scale version the review was made under; a rating without a value has alternateName only'),
    itemReviewed: z.strictObject({
      '@type': z.literal('Claim'),
      author: claimant.optional().describe('Who made the claim'),
      datePublished: z.string().optional().describe('The claim date'),
      appearance: z.array(creativeWork).optional().describe('The article it was taken from'),
      firstAppearance: creativeWork.optional(),
    }),
  })
  .meta({ id: 'ClaimReview' });

export const claimReviewList = z.array(claimReviewView);
export const claimReviewPage = pageOf(claimReviewView);

export const publicFeedQuery = pageQuery
  .extend({
    workspace: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9-]+$/, 'a workspace id or slug')
      .describe('The workspace: its id, or the slug its admin set'),
  })
  .strict();
export type PublicFeedQuery = z.infer<typeof publicFeedQuery>;

export const publicClaimParams = z.strictObject({ claimId: id });
