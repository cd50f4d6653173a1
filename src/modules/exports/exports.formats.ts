import { stringify } from 'csv-stringify/sync';
import type { DownloadProgress } from '../../http/download';

/**
 * How an export's records become text, page by page: a head before the first record, the
 * records of each page, a tail after the last. Stateful (a JSON array needs to know whether a
 * record came before), so one encoder per export.
 */
export interface Encoder<T> {
  head(): string;
  page(records: T[]): string;
  tail(): string;
}

/** A record as its JSON text: JSON.stringify, or the text itself for records the database built as JSON. */
type ToJson<T> = (record: T) => string;

/** One JSON value per line (`application/x-ndjson`). */
export function ndjson<T>(toJson: ToJson<T> = JSON.stringify): Encoder<T> {
  return { head: () => '', page: (records) => records.map((record) => `${toJson(record)}\n`).join(''), tail: () => '' };
}

/** One JSON array, written as it goes: `[`, the records separated by commas, `]`. */
export function jsonArray<T>(toJson: ToJson<T> = JSON.stringify): Encoder<T> {
  let written = 0;
  return {
    head: () => '[',
    page: (records) => records.map((record) => `${written++ === 0 ? '\n' : ',\n'}${toJson(record)}`).join(''),
    tail: () => (written === 0 ? ']\n' : '\n]\n'),
  };
}

const BOM = '\uFEFF';

/**
 * RFC 4180 by csv-stringify, for records given as arrays in `columns` order: a header row, CRLF
 * between records, fields quoted when they hold a comma, a quote or a line break. UTF-8 with a
 * BOM, so that Excel reads Arabic as UTF-8. A cell a spreadsheet would run as a formula (=, +, -,
 * @, tab, CR first) gets a leading `'` (OWASP CSV injection; csv-stringify's `escape_formulas`).
 */
export function csv<T extends readonly unknown[]>(columns: readonly string[]): Encoder<T> {
  const options = { record_delimiter: 'windows' as const, escape_formulas: true };
  return {
    head: () => BOM + stringify([[...columns]], options),
    page: (records) => (records.length === 0 ? '' : stringify(records as unknown as unknown[][], options)),
    tail: () => '',
  };
}

/**
 * Records encoded per chunk: a chunk of a few tens of KiB is an ordinary young object that the
 * next scavenge frees. A whole page's text (500 claims, ~0.5 MiB) went to V8's large-object
 * space, which only a full collection frees, and the heap grew by 66–154 MiB over an export
 * (`bench/results/2026-12-03-export-idle.md`).
 */
const RECORDS_PER_CHUNK = 32;

/**
 * The chunks of an export: each page's records encoded, RECORDS_PER_CHUNK at a time, the head
 * with the first. The first chunk comes once the first page is read (so a failing query is
 * still an ordinary error), and the next page is only read when the caller asks for the chunk
 * after its last (the client took the ones before).
 */
export async function* encodePages<T>(pages: AsyncIterable<T[]>, encoder: Encoder<T>, progress: DownloadProgress): AsyncGenerator<string> {
  let head = encoder.head();
  for await (const records of pages) {
    progress.pages += 1;
    progress.rows += records.length;
    // An empty page is a chunk too (the head, once the first page is read).
    for (let from = 0; from === 0 || from < records.length; from += RECORDS_PER_CHUNK) {
      yield head + encoder.page(records.slice(from, from + RECORDS_PER_CHUNK));
      head = '';
    }
  }
  yield head + encoder.tail();
}
