import type { Express, Request, Response } from 'express';

/** One response the app sent during a test file, as the client received it. */
export interface RecordedResponse {
  /** The test (or hook) that was running. */
  test: string;
  method: string;
  url: string;
  /** The Express route pattern that matched (`req.route.path`); undefined when none did. */
  route: string | undefined;
  status: number;
  headers: Record<string, string>;
  body: string;
}

// Jest gives every test file its own module registry: this list holds one file's responses.
const recorded: RecordedResponse[] = [];

export function recordedResponses(): readonly RecordedResponse[] {
  return recorded;
}

function currentTest(): string {
  const state = (globalThis as { expect?: { getState(): { currentTestName?: string } } }).expect?.getState();
  return state?.currentTestName ?? '(beforeAll/afterAll)';
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** Tees the bytes of one response and records it when it ends, with the route that matched. */
function capture(req: Request, res: Response): void {
  const chunks: Buffer[] = [];
  const write = res.write;
  const end = res.end;
  res.write = function recordWrite(this: Response, chunk: unknown, ...rest: unknown[]) {
    const buffer = toBuffer(chunk, rest[0]);
    if (buffer) chunks.push(buffer);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as Response['write'];
  res.end = function recordEnd(this: Response, chunk?: unknown, ...rest: unknown[]) {
    const buffer = toBuffer(chunk, rest[0]);
    if (buffer) chunks.push(buffer);
    recorded.push({
      test: currentTest(),
      method: req.method,
      url: req.originalUrl,
      route: (req.route as { path?: string } | undefined)?.path,
      status: res.statusCode,
      headers: headersOf(res),
      body: Buffer.concat(chunks).toString('utf8'),
    });
    return (end as (...args: unknown[]) => Response).call(this, chunk, ...rest);
  } as Response['end'];
}

/**
 * Records every response `app` sends. The app object stays the same (supertest and the tests
 * see no difference): only its request entry point is wrapped, ahead of all middleware.
 */
export function recordResponses(app: Express): void {
  const target = app as unknown as { handle(req: Request, res: Response, next?: unknown): unknown };
  const handle = target.handle;
  target.handle = function recordingHandle(this: unknown, req: Request, res: Response, next?: unknown) {
    capture(req, res);
    return handle.call(this, req, res, next);
  };
}
