import http, { type IncomingHttpHeaders } from 'node:http';

/** One request a receiver got, as it came over the wire. */
export interface Received {
  headers: IncomingHttpHeaders;
  /** The raw body, exactly the bytes that were signed. */
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  path: string;
  at: number;
}

/** How a receiver answers: a status, or `hang` (it never answers; the sender's timeout must act). */
export type Answer = number | 'hang';

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Answers the n-th request (0-based); 200 unless set. */
  answer: (request: Received, index: number) => Answer;
  /** Resolves once `predicate` holds for what was received, or rejects after `timeoutMs`. */
  waitFor(predicate: (received: Received[]) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 (a webhook endpoint as a newsroom would run it). */
export async function startReceiver(answer: Receiver['answer'] = () => 200, path = '/hook'): Promise<Receiver> {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const request: Received = { headers: req.headers, body, json, path: req.url ?? '', at: Date.now() };
      const index = received.push(request) - 1;
      for (const check of [...waiters]) check();
      const status = receiver.answer(request, index);
      if (status === 'hang') return;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 300 ? `status ${status}` : 'ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    received,
    answer,
    waitFor: (predicate, timeoutMs = 10_000, what = 'the expected deliveries') =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate(received)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`receiver: no ${what} after ${timeoutMs} ms; got ${received.length}: ${received.map((r) => r.body.slice(0, 120)).join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
  return receiver;
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`: for states a test cannot await as an event. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'the condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
