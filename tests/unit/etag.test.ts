import { ifMatchAllows, parseIfMatch } from '../../src/http/etag';

describe('parseIfMatch (RFC 9110 §13.1.1)', () => {
  it.each([
    ['"3"', { any: false, strongTags: ['"3"'] }],
    ['*', { any: true }],
    [' * ', { any: true }],
    [' "x", "4" ', { any: false, strongTags: ['"x"', '"4"'] }],
    ['W/"12"', { any: false, strongTags: [] }],
    ['W/"1", "2"', { any: false, strongTags: ['"2"'] }],
    ['"bogus-etag"', { any: false, strongTags: ['"bogus-etag"'] }],
    ['""', { any: false, strongTags: ['""'] }],
    ['"1",, "2"', { any: false, strongTags: ['"1"', '"2"'] }],
  ])('reads %p', (header, parsed) => {
    expect(parseIfMatch(header)).toEqual(parsed);
  });

  it('is undefined when the header is absent', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each(['3', '', ' , ', '"1', 'W/3', '*, "1"', '"a"b"', '"a" "b"', 'w/"1"', '"\u0001"'])('refuses %p as not well-formed (400)', (header) => {
    expect(() => parseIfMatch(header)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('ifMatchAllows', () => {
  it('compares strongly: only the exact tag, or *', () => {
    expect(ifMatchAllows(parseIfMatch('"3"')!, 3)).toBe(true);
    expect(ifMatchAllows(parseIfMatch('"03"')!, 3)).toBe(false);
    expect(ifMatchAllows(parseIfMatch('W/"3"')!, 3)).toBe(false);
    expect(ifMatchAllows(parseIfMatch('"2", "3"')!, 3)).toBe(true);
    expect(ifMatchAllows(parseIfMatch('*')!, 3)).toBe(true);
  });
});
