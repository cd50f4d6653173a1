import { parseIfMatch } from '../../src/http/route';

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    [' "x", "4" ', 4],
    ['*', undefined],
    ['3', undefined],
    ['', undefined],
    [undefined, undefined],
    ['"99999999999"', undefined],
  ])('reads %p as version %p', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });
});
