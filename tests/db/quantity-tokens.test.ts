import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, onPostgres, useTestApp } from '../helpers/test-app';

const { t, ws } = useTestApp();

const MIGRATION = join(__dirname, '../../prisma', onPostgres ? 'postgres' : 'sqlite', 'migrations/20261203100000_quantity_tokens/migration.sql');

describe('the quantity-token migration', () => {
  it('gives claims stored before it the same searchText the API writes now', async () => {
    const texts = [
      'صفقة بقيمة 5 مليار دولار منذ عام 1992',
      'تزود أذربيجان إسرائيل بثلثي النفط',
      'Unemployment fell to 4.5% in 2019',
      'No number at all here',
    ];
    const ids: string[] = [];
    for (const text of texts) ids.push((await request(t.app).post('/v1/claims').set(bearer(ws.keys.checker)).send({ text, language: 'ar' }).expect(201)).body.id);
    const read = async () =>
      (await t.db.reader.claim.findMany({ where: { id: { in: ids } }, select: { id: true, searchText: true }, orderBy: { id: 'asc' } })).map((c) => [c.id, c.searchText]);
    const written = await read();
    expect(written.filter(([, text]) => / qty/.test(text as string))).toHaveLength(3);

    // As stored before the migration: the words only (behind the API's back, as rawSql does).
    for (const [id, text] of written) {
      const words = (text as string).split(' ').filter((word) => !word.startsWith('qty')).join(' ');
      await t.db.reader.claim.update({ where: { id: id as string }, data: { searchText: words } });
    }
    expect((await read()).some(([, text]) => / qty/.test(text as string))).toBe(false);

    await t.rawSql(readFileSync(MIGRATION, 'utf8'));
    expect(await read()).toEqual(written);
  });
});
