"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.uuidv7 = uuidv7;
const node_crypto_1 = require("node:crypto");
let last = { ms: 0, counter: 0 };
/** Random bytes drawn 4 KiB at a time, as `crypto.randomUUID` does: a batch makes thousands of ids. */
const pool = Buffer.alloc(4096);
let used = pool.length;
function random16() {
    if (used + 16 > pool.length) {
        (0, node_crypto_1.randomFillSync)(pool);
        used = 0;
    }
    used += 16;
    return pool.subarray(used - 16, used);
}
/**
 * A UUIDv7 (RFC 9562), like Prisma's `uuid(7)`: a 48-bit millisecond timestamp first, so ids sort
 * by time; within one millisecond a 12-bit counter keeps them in the order they were made
 * (RFC 9562 §6.2, method 1), so a batch keeps its order.
 * @example uuidv7() // '019…-…-7…-…-…'
 */
function uuidv7(now = Date.now()) {
    const bytes = random16();
    if (now <= last.ms && last.counter < 0xfff)
        last = { ms: last.ms, counter: last.counter + 1 };
    else
        last = { ms: Math.max(now, last.ms + (last.counter >= 0xfff ? 1 : 0)), counter: bytes[6] & 0x07 };
    bytes.writeUIntBE(last.ms, 0, 6);
    bytes[6] = 0x70 | (last.counter >> 8);
    bytes[7] = last.counter & 0xff;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
//# sourceMappingURL=ids.js.map