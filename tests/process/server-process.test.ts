/**
 * The server as an operator runs it: `node --import tsx src/server.ts` in a child process, on a
 * database of its own, spoken to over loopback HTTP. Covers first start, restarts, bad
 * configuration, SIGKILL during writes and SIGTERM with requests in flight.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { createTestDatabase, unique, type TestDatabase } from '../helpers/test-app';
import { connectionRefused, httpRequest, killAllServers, runUntilExit, startServer, type ServerProcess } from '../helpers/server-process';

const databases: TestDatabase[] = [];

async function newDatabase(): Promise<string> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url;
}

afterEach(async () => {
  await killAllServers();
  for (const database of databases.splice(0)) await database.drop();
});

function adminSecret(): string {
  return `ct_test_${randomBytes(24).toString('base64url')}`;
}

/** Every `ct_...` secret the process printed. */
function printedSecrets(server: ServerProcess): string[] {
  return server.stdout().match(/\bct_[A-Za-z0-9_-]{32,}/g) ?? [];
}

function articleInput() {
  return { url: `https://news.example.org/${unique('a')}`, title: 'عنوان', language: 'ar', body: 'نص' };
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('npm start on an empty database', () => {
  it(
    'prints a new admin key once, the key works, and a second start prints none',
    async () => {
      const url = await newDatabase();

      const first = await startServer({ DATABASE_URL: url, SEED_DEMO: 'false' });
      const secrets = printedSecrets(first);
      expect(secrets).toHaveLength(1);
      const key = secrets[0] as string;
      expect((await httpRequest(first.port, '/v1/api-keys', { key })).status).toBe(200);
      expect((await httpRequest(first.port, '/v1/api-keys', { key: adminSecret() })).status).toBe(401);
      await stop(first);

      const second = await startServer({ DATABASE_URL: url, SEED_DEMO: 'false' });
      expect(printedSecrets(second)).toEqual([]);
      expect(second.stdout()).not.toContain('created an admin API key');
      const keys = await httpRequest(second.port, '/v1/api-keys', { key });
      expect(keys.status).toBe(200);
      expect(keys.body.data).toHaveLength(1);
    },
    40_000,
  );

  it(
    'makes BOOTSTRAP_ADMIN_KEY the admin key, without printing a key',
    async () => {
      const url = await newDatabase();
      const secret = adminSecret();

      const server = await startServer({ DATABASE_URL: url, SEED_DEMO: 'false', BOOTSTRAP_ADMIN_KEY: secret });

      expect(printedSecrets(server)).toEqual([]);
      const keys = await httpRequest(server.port, '/v1/api-keys', { key: secret });
      expect(keys.status).toBe(200);
      expect(keys.body.data).toEqual([expect.objectContaining({ role: 'admin', prefix: secret.slice(0, 10) })]);
    },
    30_000,
  );

  it(
    'loads the demo article with its claims once, quotes matching the body',
    async () => {
      const url = await newDatabase();
      const key = adminSecret();

      const first = await startServer({ DATABASE_URL: url, BOOTSTRAP_ADMIN_KEY: key });
      const list = await httpRequest(first.port, '/v1/articles', { key });
      expect(list.status).toBe(200);
      expect(list.body.data).toHaveLength(1);
      const article = await httpRequest(first.port, `/v1/articles/${list.body.data[0].id}`, { key });
      expect(article.status).toBe(200);
      const { body, claims } = article.body as {
        body: string;
        claims: { quote: { exact: string; start: number; end: number }; quantities: { value: number; unit: string }[] }[];
      };
      expect(claims.length).toBeGreaterThanOrEqual(12);
      const quantities = claims.flatMap((c) => c.quantities);
      expect(quantities).toContainEqual(expect.objectContaining({ value: 5000000000, unit: 'USD' }));
      expect(quantities).toContainEqual(expect.objectContaining({ value: 0.6667, unit: 'ratio' }));
      const codePoints = Array.from(body);
      for (const claim of claims) {
        expect(codePoints.slice(claim.quote.start, claim.quote.end).join('')).toBe(claim.quote.exact);
      }
      await stop(first);

      const second = await startServer({ DATABASE_URL: url, BOOTSTRAP_ADMIN_KEY: key });
      const again = await httpRequest(second.port, '/v1/articles', { key });
      expect(again.body.data).toHaveLength(1);
      const reread = await httpRequest(second.port, `/v1/articles/${list.body.data[0].id}`, { key });
      expect(reread.body.claims).toHaveLength(claims.length);
      expect(second.stdout()).not.toContain('demo data loaded');
    },
    40_000,
  );

  it(
    'loads nothing with SEED_DEMO=false',
    async () => {
      const url = await newDatabase();
      const key = adminSecret();

      const server = await startServer({ DATABASE_URL: url, BOOTSTRAP_ADMIN_KEY: key, SEED_DEMO: 'false' });

      const list = await httpRequest(server.port, '/v1/articles', { key });
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([]);
    },
    30_000,
  );

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['BOOTSTRAP_ADMIN_KEY', { BOOTSTRAP_ADMIN_KEY: 'too-short' }],
  ])(
    'exits with code 1 naming %s when it is invalid',
    async (name, bad) => {
      const url = await newDatabase();

      const exit = await runUntilExit({ DATABASE_URL: url, SEED_DEMO: 'false', ...bad });

      expect(exit.code).toBe(1);
      expect(exit.stderr).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
      expect(exit.stdout).not.toContain('claimtrack listening');
    },
    20_000,
  );
});

describe('kill -9 during concurrent writes', () => {
  it(
    'loses no acknowledged write',
    async () => {
      const url = await newDatabase();
      const key = adminSecret();
      const env = { DATABASE_URL: url, BOOTSTRAP_ADMIN_KEY: key, SEED_DEMO: 'false' };
      const CONCURRENCY = 8;
      const KILL_AFTER = 150;
      // The kill comes after KILL_AFTER acknowledged writes or at the deadline, whichever is first;
      // workers stop at the kill, or at the hard stop should the kill not end them.
      const deadline = Date.now() + 20_000;
      const hardStop = deadline + 5_000;

      const server = await startServer(env);
      const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const acknowledged: string[] = [];
      const otherStatuses: number[] = [];
      let failed = 0;
      let inFlight = 0;
      let inFlightAtKill = -1;
      const kill = () => {
        if (inFlightAtKill >= 0) return;
        inFlightAtKill = inFlight;
        server.child.kill('SIGKILL');
      };
      const worker = async () => {
        for (let i = 0; i < 1_000 && inFlightAtKill < 0 && Date.now() < hardStop; i += 1) {
          inFlight += 1;
          try {
            const res = await httpRequest(server.port, '/v1/articles', { method: 'POST', key, body: articleInput(), agent });
            // A 201 that arrives after the kill was still sent by the server: it counts.
            if (res.status === 201) acknowledged.push(res.body.id);
            else otherStatuses.push(res.status);
          } catch {
            failed += 1;
          } finally {
            inFlight -= 1;
          }
          if (acknowledged.length >= KILL_AFTER) kill();
        }
      };
      const workers = Promise.all(Array.from({ length: CONCURRENCY }, worker));
      // Bounded by the deadline: kill even if fewer writes were acknowledged by then.
      const timer = setTimeout(kill, deadline - Date.now());
      await workers;
      clearTimeout(timer);
      kill();
      const exit = await server.exited;
      agent.destroy();

      expect(exit.signal).toBe('SIGKILL');
      expect(inFlightAtKill).toBeGreaterThan(0);
      expect(otherStatuses).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(50);

      const restarted = await startServer(env);
      const readAgent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const missing: string[] = [];
      const queue = [...acknowledged];
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
            const res = await httpRequest(restarted.port, `/v1/articles/${id}`, { key, agent: readAgent });
            if (res.status !== 200) missing.push(`${id}: ${res.status}`);
          }
        }),
      );
      const verify = await httpRequest(restarted.port, '/v1/audit/verify', { key, agent: readAgent });
      readAgent.destroy();

      console.log(
        `kill -9: ${acknowledged.length} writes acknowledged, ${inFlightAtKill} in flight at the kill, ${failed} cut off, ` +
          `${missing.length} missing after restart; audit chain ${verify.body?.count} events, ok=${verify.body?.ok}`,
      );
      expect(missing).toEqual([]);
      expect(verify.status).toBe(200);
      expect(verify.body).toMatchObject({ ok: true, firstBadSeq: null });
      // The bootstrap key's event plus one per acknowledged article, at least.
      expect(verify.body.count).toBeGreaterThanOrEqual(acknowledged.length + 1);
    },
    50_000,
  );
});

/**
 * A request written over a raw socket except for its last byte, so that the server has accepted
 * the connection and is parsing the request, but cannot finish it until `release()`.
 */
interface HeldRequest {
  release(): void;
  /** The status of a complete response, or the error that ended the connection first. */
  response: Promise<{ status: number; body: string } | { error: string }>;
}

function holdRequest(port: number, method: 'GET' | 'POST', path: string, key: string, body?: unknown): Promise<HeldRequest> {
  const payload = body === undefined ? '' : JSON.stringify(body);
  const head =
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${key}\r\nAccept: application/json\r\n` +
    (payload ? `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n` : '') +
    '\r\n';
  const raw = Buffer.from(head + payload, 'utf8');
  const socket = net.connect({ host: '127.0.0.1', port });
  const response = new Promise<{ status: number; body: string } | { error: string }>((done) => {
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => finish({ error: 'no response after 15 s' }), 15_000);
    function finish(result: { status: number; body: string } | { error: string }) {
      clearTimeout(timer);
      socket.destroy();
      done(result);
    }
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers = received.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headers)?.[1] ?? 0);
      if (received.length - end - 4 < length) return;
      finish({ status: Number(headers.split(' ')[1]), body: received.subarray(end + 4, end + 4 + length).toString('utf8') });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
    socket.on('close', () => finish({ error: 'closed before a complete response' }));
  });
  return new Promise((resolveHeld, rejectHeld) => {
    socket.once('error', rejectHeld);
    socket.once('connect', () => {
      socket.write(raw.subarray(0, raw.length - 1), () => resolveHeld({ release: () => socket.write(raw.subarray(raw.length - 1)), response }));
    });
  });
}

describe('SIGTERM', () => {
  it(
    'finishes requests in flight, then exits 0',
    async () => {
      const url = await newDatabase();
      const key = adminSecret();
      const SHUTDOWN_TIMEOUT_MS = 8_000;
      const server = await startServer({ DATABASE_URL: url, BOOTSTRAP_ADMIN_KEY: key, SEED_DEMO: 'false', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
      const existing = await httpRequest(server.port, '/v1/articles', { method: 'POST', key, body: articleInput() });
      expect(existing.status).toBe(201);

      // 20 requests, each on its own connection, all but their last byte sent.
      const held = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0
            ? holdRequest(server.port, 'POST', '/v1/articles', key, articleInput())
            : holdRequest(server.port, 'GET', `/v1/articles/${existing.body.id}`, key),
        ),
      );
      // A request on a later connection is answered only after the server accepted the earlier ones.
      expect((await httpRequest(server.port, '/healthz')).status).toBe(200);
      // A connection whose headers are not parsed yet counts as idle, and close() drops idle
      // connections: give a loaded machine time to parse the held requests' headers.
      await sleep(600);

      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      await server.waitForOutput('shutting down', 5_000);
      // The listening socket closes on the server's next loop turn: poll, while the held requests
      // are still in flight, until new connections are refused.
      let refusedWhileDraining = false;
      for (let attempt = 0; attempt < 40 && !refusedWhileDraining; attempt += 1) {
        refusedWhileDraining = await connectionRefused(server.port);
        if (!refusedWhileDraining) await sleep(50);
      }
      for (const request of held) request.release();
      const responses = await Promise.all(held.map((request) => request.response));
      let timer: NodeJS.Timeout | undefined;
      const exit = await Promise.race([
        server.exited,
        new Promise<null>((done) => {
          timer = setTimeout(() => done(null), SHUTDOWN_TIMEOUT_MS + 2_000);
        }),
      ]);
      clearTimeout(timer);
      const exitedAfterMs = Date.now() - signalledAt;

      console.log(`SIGTERM: ${responses.filter((r) => 'status' in r).length}/20 in-flight requests answered; exit after ${exitedAfterMs} ms`);
      expect(responses.map((r) => ('status' in r ? r.status : r.error))).toEqual(held.map((_, i) => (i % 2 === 0 ? 201 : 200)));
      expect(refusedWhileDraining).toBe(true);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(exitedAfterMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
      expect(server.stdout()).not.toContain('still running after the shutdown timeout');
      expect(await connectionRefused(server.port)).toBe(true);
    },
    40_000,
  );
});
