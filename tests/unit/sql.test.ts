import { asDate, sqliteDate } from '../../src/db/sql';

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
