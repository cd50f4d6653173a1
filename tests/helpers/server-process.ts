import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { resolve } from 'node:path';

/** The repository root: `npm start` runs from here. */
export const repoRoot = resolve(__dirname, '../..');

/** How long a server may take to migrate, seed and listen. */
const START_TIMEOUT_MS = 30_000;
/** How long a child may take to exit after SIGKILL. */
const KILL_WAIT_MS = 5_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Everything the process has written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
  /** Resolves once stdout contains `text`, or rejects after `timeoutMs`. */
  waitForOutput(text: string, timeoutMs: number): Promise<void>;
}

const children = new Set<ChildProcess>();
/**
 * The process groups of children started with `processGroup`, kept after the child exits: what
 * it left behind may still run. killAllServers ends them.
 */
const groups = new Set<number>();

/** How a server is started: the command (a file and its arguments) and whether it leads a process group. */
export interface SpawnOptions {
  /** `[file, ...args]`, run from the repository root; the default is `node --import tsx src/server.ts`. */
  command?: readonly string[];
  /**
   * Start the command as the leader of a new process group, so that killAllServers also ends any
   * process it leaves behind (a wrapper's child that outlives it, say). Default false.
   */
  processGroup?: boolean;
}

/** The environment of `npm start`, with the variables a test does not set removed. */
function serverEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  // As `npm start` sees them: jest's NODE_ENV=test and the caller's settings are not inherited.
  for (const name of ['NODE_ENV', 'PORT', 'HOST', 'SEED_DEMO', 'BOOTSTRAP_ADMIN_KEY', 'LOG_LEVEL', 'SHUTDOWN_TIMEOUT_MS', 'NODE_OPTIONS']) delete base[name];
  const merged: NodeJS.ProcessEnv = {
    ...base,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

/**
 * Runs `node --import tsx src/server.ts` as a child (the node process is the server, so a
 * signal reaches the server itself), or `options.command`, and collects its output.
 */
export function spawnServer(env: Record<string, string | undefined>, options: SpawnOptions = {}): Omit<ServerProcess, 'port'> {
  const [file, ...args] = options.command ?? [process.execPath, '--import', 'tsx', 'src/server.ts'];
  const child = spawn(file as string, args, {
    cwd: repoRoot,
    env: serverEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup ?? false,
  });
  children.add(child);
  if (options.processGroup && child.pid !== undefined) groups.add(child.pid);
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const check of [...waiters]) check();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<Exit>((done) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      // Let the last output arrive before anyone reads it.
      setImmediate(() => {
        for (const check of [...waiters]) check();
        done({ code, signal });
      });
    });
  });

  function waitForOutput(text: string, timeoutMs: number): Promise<void> {
    return new Promise((resolveWait, rejectWait) => {
      const check = () => {
        if (out.includes(text)) finish();
        else if (child.exitCode !== null || child.signalCode !== null) finish(new Error(`server exited (${child.exitCode ?? child.signalCode}) before printing "${text}"\nstderr:\n${err}`));
      };
      const timer = setTimeout(() => finish(new Error(`no "${text}" on stdout after ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`)), timeoutMs);
      function finish(error?: Error) {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) rejectWait(error);
        else resolveWait();
      }
      waiters.add(check);
      check();
    });
  }

  return { child, pid: child.pid as number, stdout: () => out, stderr: () => err, exited, waitForOutput };
}

/** Starts the server and resolves once it logs the port it listens on. */
export async function startServer(env: Record<string, string | undefined>, options: SpawnOptions = {}): Promise<ServerProcess> {
  const server = spawnServer(env, options);
  await server.waitForOutput('claimtrack listening', START_TIMEOUT_MS);
  const line = server
    .stdout()
    .split('\n')
    .find((l) => l.includes('claimtrack listening'));
  const match = /"port":(\d+)/.exec(line ?? '');
  if (!match) throw new Error(`no port in the listening line: ${line}`);
  return { ...server, port: Number(match[1]) };
}

/** Runs the server to its exit, for configurations that must refuse to start. */
export async function runUntilExit(env: Record<string, string | undefined>, timeoutMs = 20_000): Promise<Exit & { stdout: string; stderr: string }> {
  const server = spawnServer(env);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`server still running after ${timeoutMs} ms\nstdout:\n${server.stdout()}`)), timeoutMs);
  });
  try {
    const exit = await Promise.race([server.exited, timedOut]);
    return { ...exit, stdout: server.stdout(), stderr: server.stderr() };
  } finally {
    clearTimeout(timer);
  }
}

/** Sends `signal` to every member of a process group; false once the group is empty. */
function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is empty
  }
}

/** SIGKILLs a process group and waits (up to KILL_WAIT_MS) until none of its members is left. */
async function killGroup(pgid: number): Promise<void> {
  const until = Date.now() + KILL_WAIT_MS;
  while (signalGroup(pgid, 'SIGKILL') && Date.now() < until) await new Promise((done) => setTimeout(done, 50));
}

/**
 * SIGKILLs every server child still running, and every process group started with
 * `processGroup` (with whatever its child left behind), and waits for each to exit. Call in
 * afterEach.
 */
export async function killAllServers(): Promise<void> {
  const pgids = [...groups];
  groups.clear();
  await Promise.all(pgids.map(killGroup));
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            children.delete(child);
            done();
            return;
          }
          const timer = setTimeout(done, KILL_WAIT_MS);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          child.kill('SIGKILL');
        }),
    ),
  );
  children.clear();
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface HttpOptions {
  method?: string;
  key?: string;
  body?: unknown;
  agent?: http.Agent | false;
  timeoutMs?: number;
}

/** One HTTP request to the server on 127.0.0.1; rejects on a connection error or timeout. */
export function httpRequest(port: number, path: string, options: HttpOptions = {}): Promise<HttpResult> {
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body), 'utf8');
  const headers: http.OutgoingHttpHeaders = { Accept: 'application/json' };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  if (payload) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = payload.length;
  }
  return new Promise((resolveRequest, rejectRequest) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers, agent: options.agent ?? false, timeout: options.timeoutMs ?? 15_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', rejectRequest);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolveRequest({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${options.method ?? 'GET'} ${path} timed out`)));
    req.on('error', rejectRequest);
    req.end(payload);
  });
}

/** Whether a new TCP connection to the port is refused. */
export function connectionRefused(port: number): Promise<boolean> {
  return httpRequest(port, '/healthz', { timeoutMs: 3_000 }).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
  );
}
