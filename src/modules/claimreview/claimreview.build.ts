import type { z } from 'zod';
import type { ClaimReview, Rating, WithContext } from 'schema-dts';
import { claimantKind } from '../../text/claimant-kind';
import type { ClaimRow } from '../claims/claims.repository';
import type { RatingScaleView } from '../rating-scales/rating-scales.service';
import type { ReviewRow } from '../reviews/reviews.repository';
import type { claimReviewView } from './claimreview.schemas';

export type ClaimReviewView = z.output<typeof claimReviewView>;

/** Who publishes the fact-checks: the workspace, and where its verdicts are read. */
export interface Publisher {
  name: string;
  homepageUrl: string | null;
  /** `…{claimId}…`, or null for the claim's public ClaimReview URL on this server. */
  claimReviewUrlTemplate: string | null;
  /** PUBLIC_BASE_URL, without a trailing slash. */
  publicBaseUrl: string;
}

/** What one ClaimReview is made of: the claim, its verdict history, the article it came from. */
export interface PublishedVerdict {
  claim: Pick<ClaimRow, 'id' | 'text' | 'language' | 'claimant' | 'claimDate'>;
  /** Published and superseded reviews (any order). */
  history: ReviewRow[];
  articleUrl: string | null;
}

/** The public ClaimReview URL of a claim on this server (the default `url`). */
export function publicClaimReviewUrl(publicBaseUrl: string, claimId: string): string {
  return `${publicBaseUrl}/v1/public/claimreview/${claimId}`;
}

function reviewUrl(publisher: Publisher, claimId: string): string {
  return publisher.claimReviewUrlTemplate ? publisher.claimReviewUrlTemplate.replaceAll('{claimId}', claimId) : publicClaimReviewUrl(publisher.publicBaseUrl, claimId);
}

/** A label in the claim's language: the exact tag, then its primary language, then English. */
function labelIn(labels: Record<string, string>, language: string, fallback: string): string {
  const primary = language.split('-')[0]?.toLowerCase() ?? language;
  const exact = Object.keys(labels).find((tag) => tag.toLowerCase() === language.toLowerCase());
  return (exact && labels[exact]) || labels[primary] || labels.en || fallback;
}

/** A claim date given as a day is stored at midnight UTC: it is written back as that day. */
function dateOf(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** The `reviewRating` of `review` under the scale version it was made under. */
function ratingOf(review: ReviewRow, scale: RatingScaleView | null, language: string): ClaimReviewView['reviewRating'] {
  const rating = scale?.ratings.find((r) => r.key === review.rating);
  const alternateName = rating ? labelIn(rating.labels, language, review.rating) : review.rating;
  if (!scale || !rating || rating.ratingValue === null) return { '@type': 'Rating', alternateName } satisfies Rating;
  return { '@type': 'Rating', ratingValue: rating.ratingValue, bestRating: scale.bestRating, worstRating: scale.worstRating, alternateName } satisfies Rating;
}

/**
 * The ClaimReview of a claim's current published verdict, or null when it has none. Its
 * `datePublished` is the first publication of a verdict on the claim; a correction keeps that
 * date and adds `dateModified` (when the current verdict was published). Nothing internal (notes,
 * keys, who decided) is read here.
 */
export function buildClaimReview(verdict: PublishedVerdict, publisher: Publisher, scaleOf: (version: number) => RatingScaleView | null): ClaimReviewView | null {
  const current = verdict.history.find((review) => review.state === 'published');
  if (!current?.decidedAt) return null;
  const decided = verdict.history.flatMap((review) => (review.decidedAt ? [review.decidedAt.getTime()] : []));
  const first = new Date(Math.min(...decided));
  const { claim } = verdict;
  const article = verdict.articleUrl ? { '@type': 'CreativeWork' as const, url: verdict.articleUrl } : undefined;
  const url = reviewUrl(publisher, claim.id);
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: claim.text,
    author: { '@type': 'Organization', name: publisher.name, url: publisher.homepageUrl ?? new URL(url).origin },
    datePublished: first.toISOString(),
    // Absent members are undefined, not spread in: every name is then checked against schema.org.
    dateModified: current.decidedAt.getTime() > first.getTime() ? current.decidedAt.toISOString() : undefined,
    inLanguage: claim.language,
    reviewRating: ratingOf(current, scaleOf(current.scaleVersion), claim.language),
    itemReviewed: {
      '@type': 'Claim',
      author: claim.claimant ? { '@type': claimantKind(claim.claimant), name: claim.claimant } : undefined,
      datePublished: claim.claimDate ? dateOf(claim.claimDate) : undefined,
      appearance: article ? [article] : undefined,
      firstAppearance: article,
    },
  } as const satisfies WithContext<ClaimReview>;
  return review;
}
