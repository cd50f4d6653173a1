import { uuidv7 } from '../../src/db/ids';

describe('uuidv7', () => {
  it('makes RFC 9562 version 7 ids that sort in the order they were made, within one millisecond too', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_800_000_000_000));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidv7(Date.now() + 10_000) > ids[ids.length - 1]!).toBe(true);
  });
});
