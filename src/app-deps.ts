import type { LookupFunction } from 'node:net';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from './config';
import type { Database } from './db/database';

/** What the app is built from; tests build it from the same parts. */
export interface AppDeps {
  db: Database;
  config: Config;
  logger: Logger;
  /** DNS for webhook receivers' names (the SSRF guard); node's `dns.lookup` unless a test answers instead. */
  resolver?: LookupFunction;
  /** Aborted when the server shuts down: long-polls answer at once instead of holding it up. */
  shutdown?: AbortSignal;
  /** The app's Prometheus registry (`/metrics`), for modules' own gauges; set by buildApp. */
  metrics?: Registry;
}
