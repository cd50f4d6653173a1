"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.authenticate = authenticate;
const errors_1 = require("../../core/errors");
const apiKeys = __importStar(require("./api-keys.repository"));
const secrets_1 = require("./secrets");
/** `lastUsedAt` is a hint for people, so it is written at most this often per key. */
const TOUCH_INTERVAL_MS = 60_000;
/**
 * Resolves `Authorization: Bearer <secret>` to its key on every request, from committed data:
 * a revoked key fails on its very next request, in every process.
 */
function authenticate(db, logger) {
    return async function authenticateRequest(req, _res, next) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
        if (!match?.[1])
            throw errors_1.AppError.unauthorized();
        const key = await apiKeys.findBySecretHash(db.sql, (0, secrets_1.hashSecret)(match[1]));
        if (!key || key.revokedAt)
            throw errors_1.AppError.unauthorized('This API key is unknown or was revoked.');
        req.actor = { keyId: key.id, name: key.name, role: key.role, workspaceId: key.workspaceId };
        const now = new Date();
        if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
            db.write((tx) => apiKeys.touch(tx, key.id, now)).catch((err) => logger.warn({ err }, 'could not record lastUsedAt'));
        }
        next();
    };
}
//# sourceMappingURL=authenticate.js.map