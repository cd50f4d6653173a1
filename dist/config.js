"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = void 0;
exports.loadConfig = loadConfig;
exports.databaseProvider = databaseProvider;
const zod_1 = require("zod");
const booleanFromEnv = zod_1.z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1');
const envSchema = zod_1.z.object({
    NODE_ENV: zod_1.z.enum(['development', 'production', 'test']).default('development'),
    PORT: zod_1.z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: zod_1.z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: zod_1.z
        .string()
        .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
        .default('file:./data/claimtrack.db'),
    DATABASE_POOL_SIZE: zod_1.z.coerce.number().int().min(1).max(500).default(10),
    LOG_LEVEL: zod_1.z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT: zod_1.z
        .string()
        .regex(/^\d+(b|kb|mb)?$/i, 'must be a size such as 1mb, 512kb or 1048576')
        .default('1mb'),
    RATE_LIMIT_PER_MINUTE: zod_1.z.coerce.number().int().min(0).default(600),
    BOOTSTRAP_ADMIN_KEY: zod_1.z.string().min(32, 'must be at least 32 characters').optional(),
    SEED_DEMO: booleanFromEnv.default(true),
    SHUTDOWN_TIMEOUT_MS: zod_1.z.coerce.number().int().min(0).default(10_000),
});
class ConfigError extends Error {
}
exports.ConfigError = ConfigError;
/**
 * Parses the environment once, at start. Fails fast naming every bad variable.
 * @example loadConfig({ DATABASE_URL: 'file:./data/test.db', PORT: '0' })
 */
function loadConfig(env = process.env) {
    const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
    const parsed = envSchema.safeParse(blankAsUnset);
    if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
        throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    }
    return parsed.data;
}
function databaseProvider(url) {
    return url.startsWith('file:') ? 'sqlite' : 'postgres';
}
//# sourceMappingURL=config.js.map