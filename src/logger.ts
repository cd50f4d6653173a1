import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

/**
 * The process logger: JSON lines on stdout. API keys never reach the logs: the Authorization
 * header is censored wherever a request is logged.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.LOG_LEVEL,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
