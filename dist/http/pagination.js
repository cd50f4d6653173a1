"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pageQuery = void 0;
exports.encodeCursor = encodeCursor;
exports.decodeCursor = decodeCursor;
exports.toPage = toPage;
const zod_1 = require("zod");
const errors_1 = require("../core/errors");
/** `?limit=&cursor=` of every list (DESIGN §5). */
exports.pageQuery = zod_1.z.object({
    limit: zod_1.z.coerce.number().int().min(1).max(200).default(50),
    cursor: zod_1.z.string().max(512).optional(),
});
/** Cursors are opaque to clients: base64url JSON of the last row's sort key. */
function encodeCursor(position) {
    return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}
function decodeCursor(cursor, schema) {
    if (cursor === undefined)
        return undefined;
    try {
        return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    }
    catch {
        throw errors_1.AppError.badRequest('The cursor is not one this API gave out.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
    }
}
/**
 * Builds a page from `limit + 1` rows fetched in keyset order: the extra row only says that
 * another page exists.
 */
function toPage(rows, limit, present, positionOf) {
    const pageRows = rows.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    return {
        data: pageRows.map(present),
        nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
    };
}
//# sourceMappingURL=pagination.js.map