"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newSecret = newSecret;
exports.hashSecret = hashSecret;
exports.secretPrefix = secretPrefix;
const node_crypto_1 = require("node:crypto");
/** A new API key secret: 32 random bytes, base64url, with a recognisable prefix. */
function newSecret() {
    return `ct_${(0, node_crypto_1.randomBytes)(32).toString('base64url')}`;
}
/** Secrets carry 256 bits of entropy, so a fast hash is enough; no salt or stretching needed. */
function hashSecret(secret) {
    return (0, node_crypto_1.createHash)('sha256').update(secret, 'utf8').digest('hex');
}
function secretPrefix(secret) {
    return secret.slice(0, 10);
}
//# sourceMappingURL=secrets.js.map