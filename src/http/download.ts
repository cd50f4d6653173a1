import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';

/** What a streamed export counts as it goes (the producer updates it; the end log reports it). */
export interface DownloadProgress {
  rows: number;
  pages: number;
}

/** A file produced page by page (docs/decisions/0007-exports.md). */
export interface Download {
  /** The Content-Type, e.g. `text/csv; charset=utf-8`. */
  contentType: string;
  /** The name a browser saves it under (ASCII: slugs, ids and dates only). */
  filename: string;
  /**
   * The body in chunks, one per page read. The first is produced before any header is sent, so
   * a query that fails on its first page is still an ordinary problem response.
   */
  chunks: AsyncIterator<string>;
  progress: DownloadProgress;
  /** Named in the end log: `claims.csv`, `audit.ndjson`, … */
  label: string;
}

export type DownloadOutcome = 'complete' | 'aborted' | 'failed';

/** Resolves when the socket can take more, or when the client is gone (whichever comes first). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Streams `download` to the client with backpressure: a chunk is written, and the next page is
 * read only once the socket has taken it (`drain`), so memory holds about one page however large
 * the export. Between pages the event loop gets a turn, so the SQLite reader (synchronous) does
 * not starve other requests, and a client that went away is noticed: the loop stops and the
 * producer is closed (`return()`), which ends its page loop — no further statement runs.
 *
 * The first chunk is awaited before the status and headers are sent: validation and the first
 * page's query have run, and an error there is thrown to the problem handler. An error after the
 * headers cannot become a problem body: it is logged and the response destroyed, so the client
 * sees a truncated transfer (no final chunk), never a complete-looking file.
 */
export async function sendDownload(req: Request, res: Response, logger: Logger, download: Download): Promise<DownloadOutcome> {
  const { chunks } = download;
  let gone = false;
  const onClose = () => {
    gone = true;
  };
  res.on('close', onClose);
  const started = performance.now();
  const first = await chunks.next().catch(async (error: unknown) => {
    res.off('close', onClose);
    await chunks.return?.();
    throw error;
  });

  res.status(200);
  res.setHeader('Content-Type', download.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${download.filename}"`);
  let outcome: DownloadOutcome = 'complete';
  try {
    if (req.method === 'HEAD') {
      await chunks.return?.();
    } else {
      for (let next = first; !next.done; ) {
        if (gone) break;
        if (next.value.length > 0 && !res.write(next.value)) await drained(res);
        if (gone) break;
        await nextTurn();
        if (gone) break;
        next = await chunks.next();
      }
    }
    if (gone) {
      outcome = 'aborted';
      await chunks.return?.();
    } else {
      res.end();
    }
  } catch (error) {
    outcome = 'failed';
    logger.error({ err: error, requestId: req.id, export: download.label, rows: download.progress.rows }, 'export failed after its first bytes; response destroyed');
    await chunks.return?.().catch(() => undefined);
    res.destroy(error as Error);
  } finally {
    res.off('close', onClose);
  }
  logger.info(
    { requestId: req.id, export: download.label, outcome, rows: download.progress.rows, pages: download.progress.pages, ms: Math.round(performance.now() - started) },
    'export ended',
  );
  return outcome;
}
