import http from 'node:http';
import https from 'node:https';
import { checkUrlShape, guardedLookup, type Resolver } from './ssrf-guard';

/** What one POST to a receiver came to. */
export interface PostResult {
  /** The receiver's HTTP status; undefined when none came. */
  status?: number;
  /** Why it is not a success (a 2xx has none). */
  error?: string;
  durationMs: number;
}

export interface PostOptions {
  timeoutMs: number;
  /** The SSRF guard: on unless private addresses are allowed. */
  guard: boolean;
  resolver?: Resolver;
  agents: { http: http.Agent; https: https.Agent };
  /** Aborts the request (shutdown). */
  signal?: AbortSignal;
}

/** Read at most this much of a receiver's answer, for the log; the rest is dropped. */
const MAX_RESPONSE_BYTES = 4 * 1024;
/** How much of a non-2xx answer the attempt log keeps. */
const MAX_ERROR_TEXT = 200;

/**
 * Keep-alive agents for one dispatcher: at 1,000 deliveries/s, a connection per delivery would
 * not do. As many sockets may stay free as may be busy: with fewer, every burst to one receiver
 * closed the surplus and opened it again on the next (seen in bench:webhooks' profiles).
 */
export function deliveryAgents(maxSockets: number): PostOptions['agents'] {
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' as const };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

/**
 * POSTs `body` to `url` with `headers`: within `timeoutMs` overall (connect, answer and body),
 * redirects not followed (a 3xx is a failure), the answer read up to 4 KB. With the guard on, an
 * IP literal is checked here and every name at connect time, on the addresses DNS answers then.
 */
export function postJson(url: URL, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (options.guard) {
    const refused = checkUrlShape(url);
    if (refused) return Promise.resolve({ error: `refused: ${refused.message}`, durationMs: elapsed() });
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(url, {
      method: 'POST',
      agent: url.protocol === 'https:' ? options.agents.https : options.agents.http,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'claimtrack-webhooks/1' },
      ...(options.guard ? { lookup: guardedLookup(options.resolver) } : options.resolver ? { lookup: options.resolver } : {}),
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    const onAbort = () => request.destroy(new Error('aborted: the server is shutting down'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const refused = error.code === 'ERR_WEBHOOK_SSRF';
      finish({ error: refused ? `refused: ${error.message}` : describeError(error) });
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const ok = status >= 200 && status < 300;
        finish({ status, ...(ok ? {} : { error: statusError(status, Buffer.concat(chunks).toString('utf8')) }) });
      };
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
        else {
          // Enough: the socket is not reused, the answer is not read to its end.
          response.destroy();
          done();
        }
      });
      response.on('end', done);
      response.on('error', done);
      response.on('close', done);
    });
    request.end(body);
  });
}

function describeError(error: NodeJS.ErrnoException): string {
  return error.code ? `${error.code}: ${error.message}` : error.message;
}

function statusError(status: number, text: string): string {
  const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
  // eslint-disable-next-line no-control-regex -- the receiver's text goes into a JSON log: no control characters
  const excerpt = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_ERROR_TEXT);
  return `answered ${status}${redirect}${excerpt ? `: ${excerpt}` : ''}`;
}
