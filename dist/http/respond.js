"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.etagOf = void 0;
exports.sendResource = sendResource;
exports.sendWrite = sendWrite;
const etag_1 = require("./etag");
Object.defineProperty(exports, "etagOf", { enumerable: true, get: function () { return etag_1.etagOf; } });
function matchesIfNoneMatch(req, etag) {
    const header = req.get('if-none-match');
    if (!header)
        return false;
    if (header.trim() === '*')
        return true;
    return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
/** A single resource with its `ETag`; 304 when the client's copy is current. */
function sendResource(req, res, body, version) {
    const etag = (0, etag_1.etagOf)(version);
    res.setHeader('ETag', etag);
    if (matchesIfNoneMatch(req, etag)) {
        res.status(304).end();
        return;
    }
    res.status(200).json(body);
}
/** A write's response, fresh or replayed for a repeated `Idempotency-Key`. */
function sendWrite(res, response) {
    if (response.version !== undefined)
        res.setHeader('ETag', (0, etag_1.etagOf)(response.version));
    if (response.location)
        res.setHeader('Location', response.location);
    if (response.replayed)
        res.setHeader('Idempotent-Replayed', 'true');
    res.status(response.status);
    if (response.body === undefined)
        res.end();
    else
        res.json(response.body);
}
//# sourceMappingURL=respond.js.map