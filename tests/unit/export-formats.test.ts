import { parse } from 'csv-parse/sync';
import { csv, encodePages, jsonArray, ndjson } from '../../src/modules/exports/exports.formats';
import { claimantKind } from '../../src/text/claimant-kind';

async function* pagesOf<T>(...pages: T[][]): AsyncGenerator<T[]> {
  for (const page of pages) yield page;
}

async function encoded<T>(encoder: Parameters<typeof encodePages<T>>[1], ...pages: T[][]): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of encodePages(pagesOf(...pages), encoder, { rows: 0, pages: 0 })) chunks.push(chunk);
  return chunks;
}

describe('export encoders', () => {
  it('csv: every formula-like first character is neutralised, and the cells parse back', async () => {
    const cells = ['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx', 'plain', 'مرحبا، "عالم"\nسطر'];
    const [text = ''] = [(await encoded(csv<string[]>(['a']), cells.map((a) => [a]))).join('')];
    expect(text.startsWith('\uFEFFa\r\n')).toBe(true);
    const parsed = (parse(text.slice(1), { columns: true }) as { a: string }[]).map((r) => r.a);
    expect(parsed).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@cmd", "'\tx", "'\rx", 'plain', 'مرحبا، "عالم"\nسطر']);
  });

  it('json: one array across pages, empty pages included', async () => {
    const chunks = await encoded(jsonArray<number>(), [], [1, 2], [], [3]);
    expect(JSON.parse(chunks.join(''))).toEqual([1, 2, 3]);
    expect((await encoded(jsonArray<number>(), [])).join('')).toBe('[]\n');
  });

  it('ndjson: a line per record; the head comes with the first page', async () => {
    expect(await encoded(ndjson<object>(), [{ a: 1 }], [{ b: 'ب' }])).toEqual(['{"a":1}\n', '{"b":"ب"}\n', '']);
  });
});

describe('claimantKind', () => {
  it.each([
    ['إلهام علييف', 'Person'],
    ['the finance minister', 'Person'],
    ['وزارة الطاقة', 'Organization'],
    ['a viral Facebook post', 'Organization'],
    ['منشور على فيسبوك', 'Organization'],
    ['unnamed reports', 'Organization'],
  ] as const)('%s → %s', (claimant, kind) => {
    expect(claimantKind(claimant)).toBe(kind);
  });
});
