import { readFileSync } from 'fs';
import { join } from 'path';
import { createAnchorer, type QuoteInput } from '../../src/text/quote-anchor';
import { demoClaims } from '../../src/modules/demo/demo-data';

const body = readFileSync(join(__dirname, '../../src/modules/demo/article.ar.txt'), 'utf8');
const anchor = createAnchorer(body);

/** Reference definition of a span: code points [start, end) of `text`. */
const span = (text: string, start: number, end: number): string => Array.from(text).slice(start, end).join('');

/** Reference code point index of the first occurrence (not used by the implementation). */
const cpIndexOf = (text: string, needle: string, from = 0): number => {
  const at = text.indexOf(needle, from);
  return at === -1 ? -1 : Array.from(text.slice(0, at)).length;
};

function anchored(result: ReturnType<typeof anchor>) {
  if (!result.ok) throw new Error(`expected an anchored quote, got ${result.failure.reason}: ${result.failure.message}`);
  return result.quote;
}

function failure(result: ReturnType<typeof anchor>) {
  if (result.ok) throw new Error(`expected a failure, got anchored at ${result.quote.start}-${result.quote.end}`);
  return result.failure;
}

const DUPLICATE = 'أذربيجان حافظت على علاقات وثيقة مع إسرائيل';

describe('quote anchoring in the demo article', () => {
  it('locates a quote that occurs once, by exact alone', () => {
    const q = anchored(anchor({ exact: '5 مليار دولار' }));
    expect(span(body, q.start, q.end)).toBe('5 مليار دولار');
    expect(q.start).toBe(cpIndexOf(body, '5 مليار دولار'));
    expect(q).not.toHaveProperty('prefix');
    expect(q).not.toHaveProperty('suffix');
  });

  it('accepts start and end that hold exactly the quote', () => {
    const start = cpIndexOf(body, '5 مليار دولار');
    const q = anchored(anchor({ exact: '5 مليار دولار', start, end: start + 13 }));
    expect(q).toEqual({ exact: '5 مليار دولار', start, end: start + 13 });
  });

  it('reports a word that occurs many times as ambiguous, with the number of candidates', () => {
    const f = failure(anchor({ exact: 'أذربيجان' }));
    expect(f.reason).toBe('ambiguous');
    expect(f.candidates).toBe(body.split('أذربيجان').length - 1);
    expect(f.candidates).toBeGreaterThan(10);
    expect(f.message).toMatch(/add a prefix or suffix.*or give start and end/);
  });

  it('anchors an ambiguous word once a prefix makes it unique', () => {
    const q = anchored(anchor({ exact: 'أذربيجان', prefix: 'وهي ' }));
    expect(q.start).toBe(cpIndexOf(body, 'وهي أذربيجان') + 4);
    expect(q.prefix).toBe('وهي ');
  });

  it('reports the duplicated sentence as ambiguous with 2 candidates', () => {
    const f = failure(anchor({ exact: DUPLICATE }));
    expect(f).toMatchObject({ reason: 'ambiguous', candidates: 2 });
  });

  it('anchors the duplicated sentence with a prefix, picking the second occurrence', () => {
    const q = anchored(anchor({ exact: DUPLICATE, prefix: 'وأشارت إلى أن ' }));
    const second = cpIndexOf(body, DUPLICATE, body.indexOf(DUPLICATE) + 1);
    expect(q.start).toBe(second);
    expect(span(body, q.start, q.end)).toBe(DUPLICATE);
  });

  it('anchors the duplicated sentence with a suffix, picking the first occurrence', () => {
    const q = anchored(anchor({ exact: DUPLICATE, suffix: ' عززتها في السنوات الأخيرة. *' }));
    expect(q.start).toBe(cpIndexOf(body, DUPLICATE));
  });

  it('reports a quote that is not in the article as absent', () => {
    const f = failure(anchor({ exact: '7 مليار دولار' }));
    expect(f.reason).toBe('absent');
    expect(f.candidates).toBeUndefined();
  });

  it('does not fold: a quote without its hamza is absent', () => {
    expect(failure(anchor({ exact: 'اذربيجان حافظت' })).reason).toBe('absent');
  });

  it('reports a prefix that matches no occurrence as absent and says to correct it', () => {
    const f = failure(anchor({ exact: DUPLICATE, prefix: 'لا يوجد ' }));
    expect(f.reason).toBe('absent');
    expect(f.message).toMatch(/prefix\/suffix/);
  });

  it('re-anchors every demo claim at its stored position, by exact alone and by position', () => {
    expect(demoClaims.length).toBeGreaterThan(0);
    for (const { quote } of demoClaims) {
      const byText = anchored(anchor({ exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }));
      expect([byText.start, byText.end]).toEqual([quote.start, quote.end]);
      expect(anchored(anchor(quote))).toMatchObject({ start: quote.start, end: quote.end });
    }
  });
});

describe('positions count code points, not UTF-16 units', () => {
  // 😀, 𝕏 and 🇵🇸 (two code points) are astral: each code point is two UTF-16 units.
  const text = '😀 𝕏 🇵🇸 قال: صفقة بقيمة 5 مليار دولار. 𝕏 5 مليار دولار';
  const anchorText = createAnchorer(text);

  it('returns code point offsets for a quote after astral characters', () => {
    const q = anchored(anchorText({ exact: 'صفقة بقيمة' }));
    expect(q.start).toBe(12);
    expect(text.indexOf('صفقة بقيمة')).toBe(16); // the UTF-16 index is 4 more: one per astral code point before it
    expect(span(text, q.start, q.end)).toBe('صفقة بقيمة');
  });

  it('accepts code point positions and rejects the UTF-16 ones, pointing to the right ones', () => {
    expect(anchored(anchorText({ exact: 'صفقة بقيمة', start: 12, end: 22 }))).toMatchObject({ start: 12, end: 22 });
    const f = failure(anchorText({ exact: 'صفقة بقيمة', start: 17, end: 27 }));
    expect(f.reason).toBe('mismatch');
    expect(f.message).toContain('code points');
    expect(f.message).toContain('at start 12, end 22');
  });

  it('anchors a quote that itself contains an astral character', () => {
    const q = anchored(anchorText({ exact: '𝕏 5', suffix: ' مليار' }));
    expect(span(text, q.start, q.end)).toBe('𝕏 5');
    expect(q.end - q.start).toBe(3);
  });

  it('measures the end of the article in code points', () => {
    const length = Array.from(text).length;
    expect(length).toBeLessThan(text.length);
    expect(anchored(anchorText({ exact: 'دولار', start: length - 5, end: length }))).toMatchObject({ end: length });
    expect(failure(anchorText({ exact: 'دولار', start: length - 4, end: length + 1 })).reason).toBe('out_of_range');
  });

  it('the JSDoc example holds', () => {
    expect(createAnchorer('😀 صفقة بقيمة 5 مليار دولار.')({ exact: '5 مليار دولار' })).toEqual({
      ok: true,
      quote: { exact: '5 مليار دولار', start: 13, end: 26 },
    });
  });

  it('never anchors half of a surrogate pair', () => {
    // '\uDD4F' is the low half of 𝕏; it "occurs" in the UTF-16 string but not as a code point.
    expect(failure(createAnchorer('a𝕏b')({ exact: '\uDD4Fb' })).reason).toBe('absent');
  });
});

describe('failure reasons', () => {
  const text = 'abc abc abcabc';
  const a = createAnchorer(text);

  it.each<[string, QuoteInput, string]>([
    ['start without end is incomplete_position', { exact: 'abc', start: 0 }, 'incomplete_position'],
    ['end without start is incomplete_position', { exact: 'abc', end: 3 }, 'incomplete_position'],
    ['a negative start is out_of_range', { exact: 'abc', start: -1, end: 3 }, 'out_of_range'],
    ['an end past the article is out_of_range', { exact: 'abc', start: 11, end: 15 }, 'out_of_range'],
    ['an empty span (start = end) is out_of_range', { exact: '', start: 3, end: 3 }, 'out_of_range'],
    ['start after end is out_of_range', { exact: 'abc', start: 3, end: 0 }, 'out_of_range'],
    ['a fractional position is out_of_range', { exact: 'abc', start: 0.5, end: 3 }, 'out_of_range'],
    ['a span holding other text is a mismatch', { exact: 'abd', start: 0, end: 3 }, 'mismatch'],
    ['a span one character off is a mismatch', { exact: 'abc', start: 1, end: 4 }, 'mismatch'],
    ['a wrong prefix at a right position is a mismatch', { exact: 'abc', prefix: 'x', start: 4, end: 7 }, 'mismatch'],
    ['a wrong suffix at a right position is a mismatch', { exact: 'abc', suffix: 'x', start: 4, end: 7 }, 'mismatch'],
    ['a prefix at the very start of the article is a mismatch', { exact: 'abc', prefix: ' ', start: 0, end: 3 }, 'mismatch'],
    ['text not in the article is absent', { exact: 'xyz' }, 'absent'],
    ['an empty quote is absent', { exact: '' }, 'absent'],
    ['a case difference is absent (no folding)', { exact: 'ABC' }, 'absent'],
    ['text occurring several times is ambiguous', { exact: 'abc' }, 'ambiguous'],
  ])('%s', (_behaviour, quote, reason) => {
    const f = failure(a(quote));
    expect(f.reason).toBe(reason);
    expect(f.message.length).toBeGreaterThan(20);
  });

  it.each<[string, QuoteInput, number, number]>([
    ['a right prefix and suffix at a right position anchor', { exact: 'abc', prefix: ' ', suffix: 'abc', start: 8, end: 11 }, 8, 11],
    ['a prefix picks the only occurrence preceded by it', { exact: 'abc', prefix: 'abc' }, 11, 14],
    ['a suffix picks the only occurrence followed by it', { exact: 'abc', suffix: 'abc' }, 8, 11],
    ['prefix and suffix together narrow to one', { exact: 'abc', prefix: 'abc ', suffix: ' ' }, 4, 7],
    ['an empty prefix is the same as none', { exact: 'cabc', prefix: '', suffix: '' }, 10, 14],
  ])('%s', (_behaviour, quote, start, end) => {
    expect(anchored(a(quote))).toMatchObject({ start, end });
  });

  it('counts overlapping occurrences', () => {
    expect(failure(createAnchorer('aaaa')({ exact: 'aa' }))).toMatchObject({ reason: 'ambiguous', candidates: 3 });
    expect(failure(createAnchorer('ابابا')({ exact: 'ابا' }))).toMatchObject({ reason: 'ambiguous', candidates: 2 });
  });

  it('shows what the span holds, truncated, in a mismatch message', () => {
    const long = 'x'.repeat(200);
    const f = failure(createAnchorer(long)({ exact: 'y'.repeat(150), start: 0, end: 150 }));
    expect(f.reason).toBe('mismatch');
    expect(f.message).toContain(`“${'x'.repeat(60)}…”`);
    expect(f.message).not.toContain('x'.repeat(61));
  });

  it('says what to do in an incomplete_position message', () => {
    expect(failure(a({ exact: 'abc', start: 0 })).message).toMatch(/Give both start and end, or neither/);
  });
});

describe('performance', () => {
  it('anchors 1,000 quotes into a ~500 KB article quickly', () => {
    // ~500,000 UTF-16 units of the demo article, with 1,000 unique markers holding
    // astral characters spread through it so code point and UTF-16 indices diverge.
    const repeats = Math.ceil(500_000 / body.length);
    const chunkSize = Math.floor((body.length * repeats) / 1000);
    const bigSource = body.repeat(repeats);
    const parts: string[] = [];
    const markers: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const marker = `⟦𝕏 ${String(i).padStart(4, '0')} 😀⟧`;
      markers.push(marker);
      parts.push(bigSource.slice(i * chunkSize, (i + 1) * chunkSize), marker);
    }
    const big = parts.join('');
    expect(big.length).toBeGreaterThan(480_000);

    const t0 = Date.now();
    const anchorBig = createAnchorer(big);
    const results = markers.map((exact, i) => {
      const located = anchored(anchorBig({ exact }));
      // Every other quote is re-checked by position, the way a client would send it.
      return i % 2 === 0 ? anchored(anchorBig({ exact, start: located.start, end: located.end })) : located;
    });
    const ambiguous = failure(anchorBig({ exact: 'أذربيجان' }));
    const elapsed = Date.now() - t0;

    expect(elapsed).toBeLessThan(5_000);
    expect(ambiguous.candidates).toBeGreaterThan(1000);
    // Spot-check against the reference code point definition (costly, so only a few).
    const cps = Array.from(big);
    for (const i of [0, 1, 499, 998, 999]) {
      const q = results[i]!;
      expect(cps.slice(q.start, q.end).join('')).toBe(markers[i]);
    }
  });
});
