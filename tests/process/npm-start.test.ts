/**
 * `npm start` as a supervisor runs it: the process the start script runs must be the server
 * itself, so that killing it (SIGKILL after a timeout) frees the port and stopping npm (SIGTERM)
 * reaches the server. A wrapper such as `tsx src/server.ts` fails both: it spawns the real server
 * as a child of its own, which outlives it. A shell left between npm and the server (a start
 * script without `exec`) fails the second: npm passes SIGTERM to the shell, which dies of it.
 *
 * Runs the built server (`npm run build`, done by `npm install`). Linux only: the process tree is
 * read from /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../helpers/test-app';
import { connectionRefused, httpRequest, killAllServers, startServer } from '../helpers/server-process';

/** How long the port may stay open after its process is killed. */
const PORT_FREE_WITHIN_MS = 5_000;

const databases: TestDatabase[] = [];

afterEach(async () => {
  // Ends npm's whole process group: also a server that a killed wrapper left behind.
  await killAllServers();
  for (const database of databases.splice(0)) await database.drop();
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Proc {
  pid: number;
  ppid: number;
  /** One letter: R, S, … or Z for a process that has exited but is not reaped yet. */
  state: string;
  argv: string[];
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, the last ')' ends it.
    const [state = '', ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, ppid: Number(ppid), state, argv };
  } catch {
    return undefined; // gone meanwhile
  }
}

function childrenOf(pid: number): Proc[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((proc): proc is Proc => proc !== undefined && proc.ppid === pid);
}

function isShellC(proc: Proc): boolean {
  return ['sh', 'dash', 'bash'].includes(basename(proc.argv[0] ?? '')) && proc.argv[1] === '-c';
}

/**
 * The process the start script runs: npm runs the script with `sh -c`; if the shell execs the
 * command, npm's child is already that process, else it is the shell's only child. This is what a
 * supervisor that watches the start command kills.
 */
function startedByScript(npmPid: number): { started: Proc; tree: string } {
  const fromNpm = childrenOf(npmPid);
  if (fromNpm.length !== 1) throw new Error(`npm (pid ${npmPid}) has ${fromNpm.length} children: ${JSON.stringify(fromNpm)}`);
  const first = fromNpm[0] as Proc;
  const chain = [first];
  if (isShellC(first)) {
    const fromShell = childrenOf(first.pid);
    if (fromShell.length !== 1) throw new Error(`${first.argv.join(' ')} has ${fromShell.length} children: ${JSON.stringify(fromShell)}`);
    chain.push(fromShell[0] as Proc);
  }
  const started = chain[chain.length - 1] as Proc;
  // Everything below, for the failure message: a wrapper shows its own node child here.
  for (let below = childrenOf(started.pid); below.length > 0; below = childrenOf((below[0] as Proc).pid)) chain.push(...below);
  return { started, tree: ['npm start', ...chain.map((p) => `${p.pid} ${p.argv.join(' ')}`)].join(' → ') };
}

/**
 * Starts `npm start` in a process group of its own on a port the server itself asks the system
 * for (PORT=0), and resolves once it logs that port. A port picked here and handed over would be
 * free only at the moment of asking: another test's server could take it before this one binds,
 * and the requests below would then reach that server.
 */
async function npmStart(env: Record<string, string | undefined>) {
  const server = await startServer({ ...env, PORT: '0' }, { command: ['npm', 'start'], processGroup: true });
  // The pid the server logs with its listening line: the process that holds the port.
  const line = server
    .stdout()
    .split('\n')
    .find((l) => l.includes('claimtrack listening'));
  const listeningPid = Number(/"pid":(\d+)/.exec(line ?? '')?.[1]);
  expect((await httpRequest(server.port, '/readyz')).status).toBe(200);
  return { ...server, listeningPid };
}

/** Polls until a connect to the port is refused; false if it is still accepted after `withinMs`. */
async function portFreed(port: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  for (;;) {
    if (await connectionRefused(port)) return true;
    if (Date.now() > until) return false;
    await sleep(100);
  }
}

/** Whether a process runs: a zombie has exited (and holds no port), only nobody reaped it yet. */
function alive(pid: number): boolean {
  const proc = readProc(pid);
  return proc !== undefined && proc.state !== 'Z';
}

/** Polls until the process has exited; false if it still runs after `withinMs`. */
async function exitedWithin(pid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (alive(pid)) {
    if (Date.now() > until) return false;
    await sleep(50);
  }
  return true;
}

const onLinux = process.platform === 'linux' ? describe : describe.skip;

onLinux('npm start under a supervisor', () => {
  it(
    'serves the demo data, and SIGKILL to the process the start script runs frees the port',
    async () => {
      const database = await createTestDatabase();
      databases.push(database);
      const key = `ct_test_${randomBytes(24).toString('base64url')}`;
      const server = await npmStart({ DATABASE_URL: database.url, BOOTSTRAP_ADMIN_KEY: key });
      const { port } = server;
      const articles = await httpRequest(port, '/v1/articles', { key });
      expect(articles.status).toBe(200);
      expect(articles.body.data).toHaveLength(1);

      const { started, tree } = startedByScript(server.pid);
      process.kill(started.pid, 'SIGKILL');
      const freed = await portFreed(port, PORT_FREE_WITHIN_MS);

      // On failure the received object names the process killed and the tree it headed.
      expect({ port: freed ? 'refused' : `still accepting connections ${PORT_FREE_WITHIN_MS} ms after the kill`, killed: started.pid, tree }).toEqual({
        port: 'refused',
        killed: started.pid,
        tree,
      });
      expect(started.pid).toBe(server.listeningPid);
    },
    45_000,
  );

  it(
    'passes SIGTERM to npm on to the server, which shuts down and frees the port',
    async () => {
      const database = await createTestDatabase();
      databases.push(database);
      const server = await npmStart({ DATABASE_URL: database.url, SEED_DEMO: 'false' });
      const { port } = server;
      const { tree } = startedByScript(server.pid);
      server.child.kill('SIGTERM');
      const stopped = await server.waitForOutput('"msg":"stopped"', 10_000).then(
        () => 'stopped',
        (error: Error) => error.message.split('\n')[0],
      );

      expect({ stopped, tree }).toEqual({ stopped: 'stopped', tree });
      expect(await portFreed(port, PORT_FREE_WITHIN_MS)).toBe(true);
      // It logs "stopped" just before process.exit(0).
      expect(await exitedWithin(server.listeningPid, PORT_FREE_WITHIN_MS)).toBe(true);
    },
    45_000,
  );
});
