"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.etagOf = etagOf;
exports.parseIfMatch = parseIfMatch;
exports.ifMatchAllows = ifMatchAllows;
const errors_1 = require("../core/errors");
/** A resource's entity tag: its version in quotes (always strong). */
function etagOf(version) {
    return `"${version}"`;
}
/** One list member: an entity tag (`"…"` or `W/"…"`, etagc = %x21 / %x23-7E / obs-text). */
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;
function notWellFormed(detail) {
    return errors_1.AppError.badRequest(`If-Match is not well-formed: ${detail} Send the ETag you last read, e.g. If-Match: "3", or *.`, [
        { path: 'headers.if-match', message: 'must be * or a comma-separated list of entity tags such as "3"' },
    ]);
}
/**
 * Parses `If-Match`; undefined when absent. A header that is neither `*` nor a list of entity
 * tags is a 400. Weak tags are well-formed but dropped: If-Match compares strongly, so they never
 * match (RFC 9110 §13.1.1).
 * @example parseIfMatch('W/"2", "3"') // { any: false, strongTags: ['"3"'] }
 */
function parseIfMatch(header) {
    if (header === undefined)
        return undefined;
    if (header.trim() === '*')
        return { any: true };
    // List members are separated by commas; RFC 9110 §5.6.1 has recipients skip empty ones.
    const members = header.split(',').map((member) => member.trim()).filter((member) => member !== '');
    if (members.length === 0)
        throw notWellFormed('it names no entity tag.');
    const strongTags = [];
    for (const member of members) {
        if (member === '*')
            throw notWellFormed('* stands alone, not in a list.');
        if (!ENTITY_TAG.test(member))
            throw notWellFormed(`${JSON.stringify(member.slice(0, 40))} is not an entity tag (tags are quoted).`);
        if (!member.startsWith('W/'))
            strongTags.push(member);
    }
    return { any: false, strongTags };
}
/** Whether `ifMatch` lets a change to the resource at `version` go ahead (strong comparison). */
function ifMatchAllows(ifMatch, version) {
    return ifMatch.any || ifMatch.strongTags.includes(etagOf(version));
}
//# sourceMappingURL=etag.js.map