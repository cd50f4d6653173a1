import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/database';

/** What the app is built from; tests build it from the same parts. */
export interface AppDeps {
  db: Database;
  config: Config;
  logger: Logger;
}
