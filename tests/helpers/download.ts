import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import request from 'supertest';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/app';
import type { Config } from '../../src/config';
import type { Database } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import { bearer, type TestApp } from './test-app';

export interface Downloaded {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The exact bytes. */
  bytes: Buffer;
  /** The bytes as UTF-8 (a BOM stays in). */
  text: string;
  /** The body as JSON, for problem answers. */
  body: Record<string, unknown>;
}

/** GETs a download as bytes (supertest would parse JSON and drop the BOM's meaning). */
export async function download(app: Express, path: string, key?: string): Promise<Downloaded> {
  let req = request(app).get(path);
  if (key) req = req.set(bearer(key));
  const res = await req.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
  const bytes = res.body as Buffer;
  const text = bytes.toString('utf8');
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: a CSV or NDJSON file
  }
  return { status: res.status, headers: res.headers, bytes, text, body };
}

/** NDJSON → values, one per line. */
export function ndjsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}

/** `app` on a real port of 127.0.0.1 (for clients that hang up mid-body). */
export async function listen(app: Express): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** How the transfer ended: complete, or cut by the server (a truncated chunked body). */
  ended: 'complete' | 'cut';
}

/** GETs `url` with node:http and reports whether the body arrived whole. */
export function rawGet(url: string, key: string): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: bearer(key) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      const finish = (ended: RawResult['ended']) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ended });
      res.on('end', () => finish(res.complete ? 'complete' : 'cut'));
      res.on('aborted', () => finish('cut'));
      res.on('error', () => finish('cut'));
    });
    req.on('error', reject);
  });
}

/** GETs `url` and hangs up as soon as the first bytes of the body arrive; resolves with them. */
export function getFirstChunkAndHangUp(url: string, key: string): Promise<{ status: number; first: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: bearer(key) }, (res) => {
      res.once('data', (chunk: Buffer) => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, first: chunk.toString('utf8') });
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
  });
}

/** An app on the test app's database with its own configuration and a log the test can read. */
export function appWithLog(t: TestApp, overrides: Partial<Config> = {}, db: Database = t.db) {
  const lines: Record<string, unknown>[] = [];
  const waiting: { test: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        for (const waiter of [...waiting]) {
          if (waiter.test(line)) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(line);
          }
        }
      }
      done();
    },
  });
  const app = buildApp({ db, config: { ...t.config, ...overrides }, logger: createLogger({ LOG_LEVEL: 'info' }, sink) });
  /** The first log line (already written or to come) that `test` accepts. */
  const waitFor = (test: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const found = lines.find(test);
      if (found) resolve(found);
      else waiting.push({ test, resolve });
    });
  return { app, lines, waitFor };
}
