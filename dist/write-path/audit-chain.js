"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.canonicalJson = canonicalJson;
exports.sha256Hex = sha256Hex;
exports.hashAuditEvent = hashAuditEvent;
const node_crypto_1 = require("node:crypto");
/**
 * Canonical JSON: object keys sorted by code unit at every depth, no whitespace, `undefined`
 * members dropped. The same value always gives the same string, whichever database stored it
 * (PostgreSQL's jsonb does not keep key order).
 * @example canonicalJson({ b: 1, a: [true, null] }) === '{"a":[true,null],"b":1}'
 */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value) ?? 'null';
    if (value instanceof Date)
        return JSON.stringify(value.toISOString());
    if (Array.isArray(value))
        return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
    const members = Object.keys(value)
        .filter((key) => value[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
}
function sha256Hex(text) {
    return (0, node_crypto_1.createHash)('sha256').update(text, 'utf8').digest('hex');
}
function hashAuditEvent(content) {
    return sha256Hex(canonicalJson(content));
}
//# sourceMappingURL=audit-chain.js.map