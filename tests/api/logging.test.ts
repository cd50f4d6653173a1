import { Writable } from 'node:stream';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { createLogger } from '../../src/logger';
import { bearer, useTestApp } from '../helpers/test-app';

const { t } = useTestApp({ workspace: false });

describe('request logs', () => {
  it('carry the request id and never the API key', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = buildApp({ db: t.db, config: t.config, logger: createLogger({ LOG_LEVEL: 'info' }, sink) });
    await request(app).get('/v1/api-keys').set(bearer(t.firstAdminKey)).set('X-Request-Id', 'log-test-1').expect(200);
    const log = lines.join('');
    expect(log).toContain('log-test-1');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(t.firstAdminKey);
  });
});
