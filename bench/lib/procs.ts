/** Child processes of the harness: the claimtrack server and the baseline servers. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

const children = new Set<ChildProcess>();

/** Kills every child still running (SIGKILL); for exits and interrupts. */
export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Memory {
  /** Resident set now, KiB. */
  rssKiB: number;
  /** Peak resident set since start (VmHWM), KiB. */
  peakKiB: number;
}

export function memoryOf(pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKiB: field('VmRSS'), peakKiB: field('VmHWM') };
  } catch {
    return undefined;
  }
}

export interface Proc {
  name: string;
  pid: number;
  port: number;
  url: string;
  logFile: string;
  child: ChildProcess;
  memory(): Memory | undefined;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${url}: the process exited (${child.exitCode ?? child.signalCode}) before it was ready; see ${logFile}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms; see ${logFile}`);
}

export async function startProcess(options: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
  logDir: string;
  timeoutMs?: number;
  /** The tree to run in (default this repository). */
  cwd?: string;
}): Promise<Proc> {
  const logFile = join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, options.args, { cwd: options.cwd ?? ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitReady(url + options.readyPath, child, logFile, options.timeoutMs ?? 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid as number;
  return {
    name: options.name,
    pid,
    port: options.port,
    url,
    logFile,
    child,
    memory: () => memoryOf(pid),
    stop: async (graceMs = 30_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const BOOTSTRAP_KEY = 'ct_bench_bootstrap_admin_key_0123456789abcdef';

/**
 * The real server: `node --import tsx src/server.ts`, as `npm start` runs it; `env` adds
 * variables, `cwd` runs another checkout (a before/after comparison).
 */
export async function startServer(options: {
  databaseUrl: string;
  logDir: string;
  name: string;
  cpuProfDir?: string;
  poolSize?: number;
  env?: Record<string, string>;
  cwd?: string;
}): Promise<Proc> {
  const port = await freePort();
  const args = [...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []), '--import', 'tsx', 'src/server.ts'];
  return startProcess({
    name: options.name,
    args,
    port,
    readyPath: '/readyz',
    logDir: options.logDir,
    cwd: options.cwd,
    timeoutMs: 300_000, // migrations on a fresh PostgreSQL, or an FTS rebuild, may take a while
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: String(options.poolSize ?? 10),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      BOOTSTRAP_ADMIN_KEY: BOOTSTRAP_KEY,
      RATE_LIMIT_PER_MINUTE: '0',
      ...options.env,
    },
  });
}

/** (a) bare node:http or (a′) Express 5, serving the fixed claim JSON from memory. */
export async function startBaseline(kind: 'http' | 'express', logDir: string): Promise<Proc> {
  const port = await freePort();
  return startProcess({
    name: `baseline-${kind}`,
    args: [join(ROOT, 'bench', 'baselines', kind === 'http' ? 'bare-http.mjs' : 'express.mjs')],
    port,
    readyPath: '/v1/claims/0199a3c4-0000-7000-8000-000000000001',
    logDir,
    env: { PATH: process.env.PATH, PORT: String(port) },
  });
}

function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime, after pid and comm
  } catch {
    return undefined;
  }
}

/** CPU time (clock ticks, 1/100 s) of these processes together; processes gone count 0. */
export function cpuTicksOf(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (cpuTicks(pid) ?? 0), 0);
}

/** The children of `parent` (e.g. PostgreSQL's backends, children of the postmaster). */
export function childPids(parent: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) out.push(Number(name));
    } catch {
      // gone
    }
  }
  return out;
}

/**
 * Waits until the server has finished the requests a load run left behind: autocannon closes its
 * connections at the end of a run, but the server (and the database) still work through what was
 * accepted, and that backlog must not land on the next measurement. Done when /readyz (a database
 * ping, queued behind SQLite's one reader connection) answers and the server and `others` (the
 * PostgreSQL backends) together used under 10 % of a core for 200 ms. Bounded by `maxMs`.
 */
export async function settle(proc: Proc, others: () => number[] = () => [], maxMs = 120_000): Promise<number> {
  const started = Date.now();
  const deadline = started + maxMs;
  while (Date.now() < deadline) {
    try {
      await fetch(`${proc.url}/readyz`, { signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())) });
    } catch {
      // busy or gone; the CPU check decides
    }
    const pids = [proc.pid, ...others()];
    const before = cpuTicksOf(pids);
    await new Promise((r) => setTimeout(r, 200));
    if (cpuTicksOf(pids) - before <= 2) break;
  }
  return Date.now() - started;
}
