import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** The longest retry delay accepted: 30 days, far past any receiver's outage worth waiting out. */
const MAX_RETRY_DELAY_SECONDS = 30 * 24 * 60 * 60;

/**
 * `WEBHOOK_RETRY_DELAYS`: seconds before each retry, comma-separated (fractions allowed, for
 * tests), or `none`; parsed to milliseconds.
 * @example retryDelays.parse('5,300') // [5000, 300000]
 */
const retryDelays = z
  .string()
  .trim()
  .regex(/^(none|\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*)$/, 'must be seconds separated by commas, such as 5,300,1800, or none')
  .transform((text) => (text === 'none' ? [] : text.split(',').map((part) => Math.round(Number(part.trim()) * 1000))))
  .refine((delays) => delays.length <= 50, 'at most 50 retries')
  .refine((delays) => delays.every((ms) => ms <= MAX_RETRY_DELAY_SECONDS * 1000), `each delay at most ${MAX_RETRY_DELAY_SECONDS} seconds (30 days)`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .default('file:./data/claimtrack.db'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)?$/i, 'must be a size such as 1mb, 512kb or 1048576')
    .default('1mb'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  BOOTSTRAP_ADMIN_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED_DEMO: booleanFromEnv.default(true),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Milliseconds once parsed (DESIGN §10's default schedule, in seconds). */
  WEBHOOK_RETRY_DELAYS: retryDelays.default([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]),
  /** Lifts the SSRF guard: webhooks may reach loopback and private addresses (development, tests). */
  WEBHOOK_ALLOW_PRIVATE: booleanFromEnv.default(false),
  /** Where readers reach this server; the default ClaimReview `url` is built on it. */
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://factcheck.example.org' })
    .refine((url) => !/[?#]/.test(url), 'must have no query or fragment')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** Requests per client address per minute on the public routes (no key); 0 turns it off. */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(300),
  /** Express `trust proxy`: hops (a number) or addresses/subnets whose X-Forwarded-For is believed. */
  TRUST_PROXY: z
    .string()
    .regex(/^[0-9A-Za-z.:/, ]+$/, 'must be a hop count, true/false, or addresses/subnets (e.g. loopback, 10.0.0.0/8)')
    .default('false')
    .transform((value): boolean | number | string => (value === 'false' ? false : value === 'true' ? true : /^\d+$/.test(value) ? Number(value) : value)),
  /** Rows an export reads per statement. */
  EXPORT_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
});

export type Config = z.infer<typeof envSchema>;

/** Where readers reach the server: PUBLIC_BASE_URL, else this machine on PORT. */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_BASE_URL' | 'PORT'>): string {
  return config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`;
}

export class ConfigError extends Error {}

/**
 * Parses the environment once, at start. Fails fast naming every bad variable.
 * @example loadConfig({ DATABASE_URL: 'file:./data/test.db', PORT: '0' })
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function databaseProvider(url: string): 'sqlite' | 'postgres' {
  return url.startsWith('file:') ? 'sqlite' : 'postgres';
}
