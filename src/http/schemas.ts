import { z } from 'zod';

/** Shared field schemas, so every module validates the same thing the same way. */
export const id = z.string().regex(/^[0-9a-f-]{36}$/i, 'must be an id this API gave out');
export const idParams = z.strictObject({ id });
export const languageTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as ar or en-GB');
export const httpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2048);
/** Years 0001–9999 once in UTC: what both databases store and RFC 3339 can write back. */
function inStorableYears(value: string): boolean {
  const year = new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getUTCFullYear();
  return year >= 1 && year <= 9999;
}
const storableYears = { message: 'must fall between the years 0001 and 9999 (UTC)' };

/** An RFC 3339 date-time with an offset, e.g. 2018-10-24T17:17:00Z. */
export const timestamp = z.iso.datetime({ offset: true }).refine(inStorableYears, storableYears);
/** An RFC 3339 full date, e.g. 2018-10-24. */
export const calendarDate = z.iso.date().refine(inStorableYears, storableYears);
/**
 * A timestamp in a response view: RFC 3339 in the JSON (and the OpenAPI document), a `Date` in
 * the value a service returns (see `Served`). The brand exists only for the compiler.
 */
export const timestampOut = timestamp.brand<'Timestamp'>();

/**
 * The value a service returns for a response view `S`: `z.output<S>` with its timestamps as
 * `Date`s (JSON writes them as RFC 3339). Deriving service types from the view schemas lets the
 * compiler catch drift between what a service returns and what the OpenAPI document says.
 * @example export type ClaimView = Served<typeof claimView>;
 */
export type Served<S extends z.ZodType> = DatesIn<z.output<S>>;
type DatesIn<T> = T extends string & z.$brand<'Timestamp'>
  ? Date
  : T extends readonly (infer U)[]
    ? DatesIn<U>[]
    : T extends object
      ? { [K in keyof T]: DatesIn<T[K]> }
      : T;
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Response views: a resource's integer version, the value of its `ETag`. */
export const version = z.number().int().min(1).describe('The resource version; its ETag is this number in quotes.');

/** A list page (DESIGN §5): `{ data, nextCursor }`; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    data: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  });
}

/** One field of a validation problem. */
export const fieldError = z.strictObject({ path: z.string(), message: z.string() });

/**
 * An RFC 9457 problem body, as `sendProblem` writes it. Extension members other than the ones
 * named here may appear (RFC 9457 §3.2), so the object is open.
 */
export const problem = z
  .looseObject({
    type: z.string().regex(/^urn:claimtrack:problem:[a-z-]+$/).describe('urn:claimtrack:problem:<slug>'),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string().optional().describe('The request path'),
    requestId: z.string().optional().describe('Quote it when asking for help (also the X-Request-Id header)'),
    errors: z.array(fieldError).optional().describe('Each field that failed (400, 422)'),
    currentVersion: version.optional().describe('The current version, when known (412)'),
    existingId: id.optional().describe('The resource that already holds the unique value (409)'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem body (application/problem+json).' });
