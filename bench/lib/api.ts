/** A small client of the public API for setting up and loading the data set. */
import { request } from 'node:http';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

/**
 * One request on a connection of its own (no keep-alive): a pooled connection that the server
 * closes as idle at the moment a new request is sent on it fails that request, and a POST cannot
 * be retried blindly. Setup and ingest requests are few and heavy, so a connect each costs nothing.
 * GETs are retried on a network error.
 */
export async function call<T>(base: string, key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  for (let attempt = 1; ; attempt += 1) {
    try {
      const res = await send(base + path, method, { authorization: `Bearer ${key}`, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}), ...headers }, payload);
      if (res.status < 200 || res.status >= 300) throw new ApiError(res.status, res.text, `${method} ${path}`);
      return { status: res.status, body: (res.text ? JSON.parse(res.text) : undefined) as T };
    } catch (error) {
      if (error instanceof ApiError || method !== 'GET' || attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

function send(url: string, method: string, headers: Record<string, string>, payload: Buffer | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false, timeout: 300_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer in 300 s`)));
    req.on('error', (error) => reject(new Error(`${method} ${url}: ${error.message}`, { cause: error })));
    req.end(payload);
  });
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` at once; stops at the first error. */
export async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < n) {
      const i = next;
      next += 1;
      try {
        await task(i);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  if (failed !== undefined) throw failed;
}
