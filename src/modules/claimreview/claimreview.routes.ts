import type { AppDeps } from '../../app-deps';
import { publicBaseUrl } from '../../config';
import { PUBLIC_MAX_AGE_SECONDS, sendPublic } from '../../http/respond';
import { defineRoute, type HeaderSpec, type RouteSpec } from '../../http/route';
import { claimReviewPage, claimReviewView, publicClaimParams, publicFeedQuery } from './claimreview.schemas';
import * as service from './claimreview.service';

const CACHE_HEADERS: Record<string, HeaderSpec> = {
  ETag: { description: 'A hash of the body: send it as If-None-Match to revalidate.', required: true, pattern: '^"[A-Za-z0-9_-]+"$' },
  'Cache-Control': { description: `public, max-age=${PUBLIC_MAX_AGE_SECONDS}: shared caches may keep it.`, required: true },
  'Access-Control-Allow-Origin': { description: '*: any site may fetch it.', required: true },
};
const NOT_MODIFIED = 'Not modified: If-None-Match names the current body.';

/** The public face of published verdicts: no key, cacheable, rate-limited per client address. */
export function claimReviewRoutes({ db, config }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/public/claimreview',
      summary: "A workspace's published verdicts as schema.org ClaimReview, latest decision first",
      roles: 'public',
      query: publicFeedQuery,
      response: {
        status: 200,
        description: 'A page of ClaimReview objects (each JSON-LD with its @context); only published verdicts',
        content: { 'application/json': claimReviewPage },
        headers: CACHE_HEADERS,
        notModified: NOT_MODIFIED,
      },
      errors: { 404: 'No workspace has this id or slug' },
      handler: async ({ query, req }, res) => {
        sendPublic(req, res, await service.publicFeed(db, publicBaseUrl(config), query), 'application/json');
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/public/claimreview/:claimId',
      summary: "One published verdict as ClaimReview JSON-LD (for a page's <script type=\"application/ld+json\">)",
      roles: 'public',
      params: publicClaimParams,
      response: {
        status: 200,
        description: 'The ClaimReview of the claim’s current published verdict',
        content: { 'application/ld+json': claimReviewView },
        headers: CACHE_HEADERS,
        notModified: NOT_MODIFIED,
      },
      errors: { 404: 'No claim with a published verdict has this id' },
      handler: async ({ params, req }, res) => {
        sendPublic(req, res, await service.publicClaimReview(db, publicBaseUrl(config), params.claimId), 'application/ld+json');
      },
    }),
  ];
}
