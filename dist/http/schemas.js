"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.problem = exports.fieldError = exports.version = exports.text = exports.timestampOut = exports.calendarDate = exports.timestamp = exports.httpUrl = exports.languageTag = exports.idParams = exports.id = void 0;
exports.pageOf = pageOf;
const zod_1 = require("zod");
/** Shared field schemas, so every module validates the same thing the same way. */
exports.id = zod_1.z.string().regex(/^[0-9a-f-]{36}$/i, 'must be an id this API gave out');
exports.idParams = zod_1.z.strictObject({ id: exports.id });
exports.languageTag = zod_1.z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as ar or en-GB');
exports.httpUrl = zod_1.z.url({ protocol: /^https?$/, hostname: zod_1.z.regexes.domain }).max(2048);
/** Years 0001–9999 once in UTC: what both databases store and RFC 3339 can write back. */
function inStorableYears(value) {
    const year = new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getUTCFullYear();
    return year >= 1 && year <= 9999;
}
const storableYears = { message: 'must fall between the years 0001 and 9999 (UTC)' };
/** An RFC 3339 date-time with an offset, e.g. 2018-10-24T17:17:00Z. */
exports.timestamp = zod_1.z.iso.datetime({ offset: true }).refine(inStorableYears, storableYears);
/** An RFC 3339 full date, e.g. 2018-10-24. */
exports.calendarDate = zod_1.z.iso.date().refine(inStorableYears, storableYears);
/**
 * A timestamp in a response view: RFC 3339 in the JSON (and the OpenAPI document), a `Date` in
 * the value a service returns (see `Served`). The brand exists only for the compiler.
 */
exports.timestampOut = exports.timestamp.brand();
const text = (max) => zod_1.z.string().trim().min(1).max(max);
exports.text = text;
/** Response views: a resource's integer version, the value of its `ETag`. */
exports.version = zod_1.z.number().int().min(1).describe('The resource version; its ETag is this number in quotes.');
/** A list page (DESIGN §5): `{ data, nextCursor }`; `nextCursor` is null on the last page. */
function pageOf(item) {
    return zod_1.z.strictObject({
        data: zod_1.z.array(item),
        nextCursor: zod_1.z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
    });
}
/** One field of a validation problem. */
exports.fieldError = zod_1.z.strictObject({ path: zod_1.z.string(), message: zod_1.z.string() });
/**
 * An RFC 9457 problem body, as `sendProblem` writes it. Extension members other than the ones
 * named here may appear (RFC 9457 §3.2), so the object is open.
 */
exports.problem = zod_1.z
    .looseObject({
    type: zod_1.z.string().regex(/^urn:claimtrack:problem:[a-z-]+$/).describe('urn:claimtrack:problem:<slug>'),
    title: zod_1.z.string(),
    status: zod_1.z.number().int().min(400).max(599),
    detail: zod_1.z.string(),
    instance: zod_1.z.string().optional().describe('The request path'),
    requestId: zod_1.z.string().optional().describe('Quote it when asking for help (also the X-Request-Id header)'),
    errors: zod_1.z.array(exports.fieldError).optional().describe('Each field that failed (400, 422)'),
    currentVersion: exports.version.optional().describe('The current version, when known (412)'),
    existingId: exports.id.optional().describe('The resource that already holds the unique value (409)'),
})
    .meta({ id: 'Problem', description: 'An RFC 9457 problem body (application/problem+json).' });
//# sourceMappingURL=schemas.js.map