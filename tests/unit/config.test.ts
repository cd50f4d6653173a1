import { ConfigError, loadConfig, publicBaseUrl } from '../../src/config';

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

  it('reads the export and public feed variables, and names a bad one', () => {
    expect(loadConfig({})).toMatchObject({ PUBLIC_RATE_LIMIT_PER_MINUTE: 300, TRUST_PROXY: false, EXPORT_PAGE_SIZE: 100 });
    expect(publicBaseUrl(loadConfig({ PORT: '8080' }))).toBe('http://localhost:8080');
    expect(publicBaseUrl(loadConfig({ PUBLIC_BASE_URL: 'https://factcheck.example.org/claimtrack/' }))).toBe('https://factcheck.example.org/claimtrack');
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://example.org' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'https://example.org/?x=1' })).toThrow(/PUBLIC_BASE_URL: must have no query/);
    expect(() => loadConfig({ EXPORT_PAGE_SIZE: '0' })).toThrow(/EXPORT_PAGE_SIZE/);
  });
});
