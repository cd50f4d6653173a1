/** One load run with autocannon, with every response time kept (p50, p95 and p99 are exact). */
import autocannon from 'autocannon';

export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PATCH';
  /** A fixed path, or one per request. */
  path: string | (() => string);
  headers?: Record<string, string>;
  /** For requests that vary: returns path, headers and body; `done` gets the answer. */
  dynamic?: () => { path: string; headers?: Record<string, string>; body?: string; done?: (status: number, body: string) => void };
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds; the run stops after this long. */
  duration: number;
  /** Requests; when set, the run stops after this many (still bounded by `duration` × 4). */
  amount?: number;
  request: LoadRequest;
  /** Seconds a single request may take. */
  timeout?: number;
}

export interface LoadResult {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
}

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  const { request } = options;
  const base = { method: request.method ?? 'GET', headers: request.headers ?? {} };
  let requests: autocannon.Request[];
  if (request.dynamic) {
    const make = request.dynamic;
    // Each connection keeps the callback of its request in flight in its context.
    requests = [
      {
        ...base,
        setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
          const next = make();
          context.done = next.done;
          return { ...req, path: next.path, headers: { ...base.headers, ...(next.headers ?? {}) }, ...(next.body !== undefined ? { body: next.body } : {}) };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          (context.done as ((s: number, b: string) => void) | undefined)?.(status, body);
        },
      } as unknown as autocannon.Request,
    ];
  } else if (typeof request.path === 'function') {
    const pathOf = request.path;
    requests = [{ ...base, setupRequest: (req: autocannon.Request) => ({ ...req, path: pathOf() }) } as autocannon.Request];
  } else {
    requests = [{ ...base, path: request.path }];
  }
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.amount ? options.duration * 4 : options.duration,
        ...(options.amount ? { amount: options.amount } : {}),
        timeout: options.timeout ?? 30,
        requests,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    (instance as unknown as { on(e: 'response', l: (c: unknown, status: number, bytes: number, ms: number) => void): void }).on('response', (_client, status, _bytes, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) {
        ok += 1;
        times.push(ms);
      }
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = Float64Array.from(times).sort();
  return {
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    rps: ok / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : NaN,
    statuses,
  };
}
