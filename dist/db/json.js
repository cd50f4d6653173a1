"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toJsonColumn = toJsonColumn;
exports.plainJson = plainJson;
const client_1 = require("../generated/sqlite/client");
/**
 * A value for a nullable JSON column: `DbNull` (SQL NULL) for null or undefined. Both generated
 * clients share the runtime's sentinel, so this serves either database.
 */
function toJsonColumn(value) {
    return value === null || value === undefined ? client_1.Prisma.DbNull : value;
}
/** A plain-JSON copy: dates become RFC 3339 strings, undefined members disappear. */
function plainJson(value) {
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
//# sourceMappingURL=json.js.map