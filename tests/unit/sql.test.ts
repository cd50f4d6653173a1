import BetterSqlite3 from 'better-sqlite3';
import { asDate, isoTextSql, sqliteDate, type Sql } from '../../src/db/sql';

// The suite runs in +05:30 (jest.config.js): a host zone leaking in shows here.
describe('DateTimes in plain SQL', () => {
  const at = new Date(Date.UTC(2026, 10, 29, 13, 41, 21, 718));

  it('are written to SQLite in Prisma’s text form, which sorts as time does', () => {
    expect(sqliteDate(at)).toBe('2026-11-29T13:41:21.718+00:00');
    expect(sqliteDate(new Date(Date.UTC(2026, 10, 29, 13, 41, 21, 719))) > sqliteDate(at)).toBe(true);
  });

  it('are read back the same from either driver, a zone-less text (PostgreSQL’s JSON) as UTC', () => {
    expect(asDate(sqliteDate(at)).getTime()).toBe(at.getTime());
    expect(asDate('2026-11-29T13:41:21.718').getTime()).toBe(at.getTime());
    expect(asDate('2026-11-29T13:41:21.718Z').getTime()).toBe(at.getTime());
    expect(asDate(at)).toBe(at);
  });
});

describe('isoTextSql on SQLite', () => {
  // Only the dialect matters to the expression; better-sqlite3 runs it as the export's page does.
  const sqlite = { dialect: 'sqlite' } as Sql;
  const db = new BetterSqlite3(':memory:');
  afterAll(() => db.close());
  const iso = (stored: string | null) => db.prepare(`WITH t(c) AS (SELECT ?) SELECT ${isoTextSql(sqlite, 'c')} AS v FROM t`).get(stored) as { v: string | null };

  it('spells each stored form as toISOString does, the fast path and the strftime fallback alike', () => {
    for (const stored of ['2026-11-29T13:41:21.718+00:00', '2026-11-29 13:41:21.718+00:00', '2026-11-29T19:11:21.718+05:30', '2026-11-29T13:41:21+00:00']) {
      expect({ stored, iso: iso(stored).v }).toEqual({ stored, iso: new Date(stored.replace(' ', 'T')).toISOString() });
    }
    expect(iso(null).v).toBeNull();
  });
});
