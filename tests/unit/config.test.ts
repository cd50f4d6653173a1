import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'file:./data/claimtrack.db',
      BODY_LIMIT: '1mb',
      RATE_LIMIT_PER_MINUTE: 600,
      SEED_DEMO: true,
    });
    expect(loadConfig({}).BOOTSTRAP_ADMIN_KEY).toBeUndefined();
  });

  it('fails fast naming every bad variable', () => {
    const attempt = () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://db', SEED_DEMO: 'maybe', BOOTSTRAP_ADMIN_KEY: 'short' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\//);
    expect(attempt).toThrow(/SEED_DEMO/);
    expect(attempt).toThrow(/BOOTSTRAP_ADMIN_KEY: must be at least 32 characters/);
  });

  it('reads SEED_DEMO=false and RATE_LIMIT_PER_MINUTE=0 (limiting off)', () => {
    expect(loadConfig({ SEED_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '0' })).toMatchObject({ SEED_DEMO: false, RATE_LIMIT_PER_MINUTE: 0 });
  });
});
