import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { demoArticle, demoClaims, demoSources, readDemoBody } from '../../src/modules/demo/demo-data';

const body = readDemoBody();
const codePoints = Array.from(body);

/** Code-point indices at which `needle` starts in the body. */
function occurrencesOf(needle: string): number[] {
  const n = Array.from(needle);
  const hits: number[] = [];
  outer: for (let i = 0; i + n.length <= codePoints.length; i++) {
    for (let j = 0; j < n.length; j++) if (codePoints[i + j] !== n[j]) continue outer;
    hits.push(i);
  }
  return hits;
}

function slice(start: number, end: number): string {
  return codePoints.slice(Math.max(0, start), end).join('');
}

const isRfc3339 = (s: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s));

const label = (i: number) => `claim #${i}: ${demoClaims[i]?.text}`;

describe('demo article', () => {
  it('ships the article body inside the module so the project runs without external fixtures', () => {
    expect(demoArticle.bodyFile).toBe(join(__dirname, '../../src/modules/demo/article.ar.txt'));
    expect(existsSync(demoArticle.bodyFile)).toBe(true);
  });

  it('reads the body as UTF-8 exactly as stored', () => {
    const raw = readFileSync(demoArticle.bodyFile);
    expect(Buffer.from(body, 'utf8').equals(raw)).toBe(true);
  });

  it('uses the headline line of the article as its title', () => {
    expect(body.split('\n')).toContain(demoArticle.title);
    expect(demoArticle.title).toContain('رئيس الأركان الأذري');
  });

  it('is published by عرب 48 in Arabic at 20:17 local time (UTC+3) on 24 Oct 2018', () => {
    expect(demoArticle.publisher).toBe('عرب 48');
    expect(demoArticle.language).toBe('ar');
    expect(demoArticle.publishedAt).toBe('2018-10-24T17:17:00Z');
    expect(body.startsWith('24/10/2018 - 20:17')).toBe(true);
  });
});

describe('demo claims', () => {
  it('contains at least 12 claims', () => {
    expect(demoClaims.length).toBeGreaterThanOrEqual(12);
  });

  it('anchors every quote to the article body by code points', () => {
    demoClaims.forEach((c, i) => {
      const { start, end, exact } = c.quote;
      expect({ claim: label(i), ok: Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= codePoints.length }).toEqual({ claim: label(i), ok: true });
      expect({ claim: label(i), span: slice(start, end) }).toEqual({ claim: label(i), span: exact });
      expect(Array.from(exact)).toHaveLength(end - start);
    });
  });

  it('matches prefix and suffix against the text immediately around the quote', () => {
    demoClaims.forEach((c, i) => {
      const { start, end, prefix, suffix } = c.quote;
      if (prefix !== undefined) {
        expect({ claim: label(i), prefix: slice(start - Array.from(prefix).length, start) }).toEqual({ claim: label(i), prefix });
      }
      if (suffix !== undefined) {
        expect({ claim: label(i), suffix: slice(end, end + Array.from(suffix).length) }).toEqual({ claim: label(i), suffix });
      }
    });
  });

  it('disambiguates every quote that occurs more than once with a prefix or suffix', () => {
    demoClaims.forEach((c, i) => {
      const { exact, prefix = '', suffix = '', start } = c.quote;
      const hits = occurrencesOf(exact);
      expect(hits).toContain(start);
      if (hits.length > 1) {
        expect({ claim: label(i), hasContext: prefix.length + suffix.length > 0 }).toEqual({ claim: label(i), hasContext: true });
        const p = Array.from(prefix).length;
        const s = Array.from(suffix).length;
        const e = Array.from(exact).length;
        const matching = hits.filter((h) => slice(h - p, h) === prefix && slice(h + e, h + e + s) === suffix);
        expect({ claim: label(i), matching }).toEqual({ claim: label(i), matching: [start] });
      }
    });
  });

  it('places every quantity inside its quote', () => {
    demoClaims.forEach((c, i) => {
      c.quantities.forEach((q) => {
        expect({ claim: label(i), inQuote: c.quote.exact.includes(q.text) }).toEqual({ claim: label(i), inQuote: true });
        if (q.low !== undefined && q.high !== undefined) expect(q.low).toBeLessThanOrEqual(q.high);
      });
    });
  });

  it('gives every claim Arabic text, a claimant, an RFC 3339 claim date and snake_case tags', () => {
    demoClaims.forEach((c, i) => {
      expect(c.language).toBe('ar');
      expect(c.text).toMatch(/[\u0600-\u06FF]/);
      expect(c.claimant.trim()).not.toBe('');
      expect({ claim: label(i), rfc3339: isRfc3339(c.claimDate) }).toEqual({ claim: label(i), rfc3339: true });
      expect(c.tags.length).toBeGreaterThan(0);
      c.tags.forEach((t) => expect(t).toMatch(/^[a-z]+(_[a-z]+)*$/));
    });
  });

  it('records the $5 billion deal as Ilham Aliyev\'s claim from the December 2016 Netanyahu visit', () => {
    const claim = demoClaims.find((c) => c.quote.exact.includes('5 مليار دولار'));
    expect(claim).toBeDefined();
    expect(claim!.claimant).toBe('إلهام علييف');
    expect(claim!.claimDate).toBe('2016-12-13T00:00:00Z');
    expect(claim!.quantities).toContainEqual({ text: '5 مليار دولار', value: 5000000000, unit: 'USD', kind: 'money' });
  });

  it('records two-thirds of Israel\'s oil as a share of 0.6667', () => {
    const claim = demoClaims.find((c) => c.quote.exact.includes('بثلثي النفط'));
    expect(claim).toBeDefined();
    const q = claim!.quantities.find((x) => x.text.startsWith('ثلثي النفط'));
    expect(q).toMatchObject({ value: 0.6667, unit: 'ratio', kind: 'share' });
  });

  it('records "hundreds of millions of dollars" as a USD range starting at 100 million', () => {
    const claim = demoClaims.find((c) => c.quote.exact.includes('بمئات ملايين الدولارات'));
    const q = claim!.quantities.find((x) => x.kind === 'money');
    expect(q).toMatchObject({ unit: 'USD', low: 100000000, high: 999999999, value: 100000000 });
  });

  it('records diplomatic relations as dating from 1992', () => {
    const claim = demoClaims.find((c) => c.quote.exact.includes('1992'));
    expect(claim!.quantities).toContainEqual(expect.objectContaining({ value: 1992, unit: 'year', kind: 'date' }));
  });
});

describe('demo sources and evidence', () => {
  const keys = new Set(demoSources.map((s) => s.key));
  const articleSource = demoSources.find((s) => s.url === demoArticle.url);
  const haaretz = demoSources.find((s) => s.url.startsWith('https://www.haaretz.com/'));

  it('has unique source keys and includes the article and Haaretz as news reports', () => {
    expect(keys.size).toBe(demoSources.length);
    expect(articleSource?.kind).toBe('news_report');
    expect(haaretz?.kind).toBe('news_report');
  });

  it('links evidence only to sources that exist', () => {
    demoClaims.forEach((c, i) => {
      expect(c.evidence.length).toBeGreaterThan(0);
      c.evidence.forEach((e) => expect({ claim: label(i), key: keys.has(e.sourceKey) }).toEqual({ claim: label(i), key: true }));
    });
  });

  it('links every claim to the article as context', () => {
    demoClaims.forEach((c) => {
      expect(c.evidence).toContainEqual(expect.objectContaining({ sourceKey: articleSource!.key, stance: 'context' }));
    });
  });

  it('links every Haaretz-attributed claim to Haaretz with the attributing words as excerpt', () => {
    const attributed = demoClaims.filter((c) => c.claimant === 'هآرتس');
    expect(attributed.length).toBeGreaterThan(0);
    attributed.forEach((c) => {
      const ev = c.evidence.find((e) => e.sourceKey === haaretz!.key);
      expect(ev).toMatchObject({ stance: 'supports' });
      expect(ev!.excerpt).toBeTruthy();
      expect(body).toContain(ev!.excerpt!);
    });
  });
});
