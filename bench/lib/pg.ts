/**
 * A throwaway PostgreSQL server for the benchmark, as scripts/test-pg.sh starts one for the tests:
 * binaries found by scripts/pg-bin.sh, data in a new temp folder, 127.0.0.1 on a free port, run as
 * the `postgres` user when we are root. Unlike the test server it keeps fsync and synchronous
 * commit on (a benchmark should pay what production pays); see `settings`.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, mkdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, ROOT } from './procs';

export interface PgBinaries {
  bindir: string;
  initdb: string;
  pgCtl: string;
  postgres: string;
  isready: string;
}

export function findPgBinaries(): PgBinaries | undefined {
  const out = spawnSync(
    'bash',
    ['-c', 'source scripts/pg-bin.sh && pg_find_bin && printf "%s\\n" "$PG_BINDIR" "$PG_INITDB" "$PG_CTL" "$PG_POSTGRES" "$PG_ISREADY"'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (out.status !== 0) return undefined;
  const [bindir, initdb, pgCtl, postgres, isready] = out.stdout.split('\n');
  if (!bindir || !initdb || !pgCtl || !postgres) return undefined;
  return { bindir, initdb, pgCtl, postgres, isready: isready ?? '' };
}

/** Server settings: production-like durability, memory sized for a 24 GB machine shared with the app. */
export const settings = ['-c fsync=on', '-c synchronous_commit=on', '-c shared_buffers=512MB', '-c max_connections=100', '-c listen_addresses=127.0.0.1'];

export interface PgServer {
  url: string;
  version: string;
  dir: string;
  pid(): number | undefined;
  stop(): void;
}

export async function startPostgres(bin: PgBinaries): Promise<PgServer> {
  const root = process.getuid?.() === 0;
  if (root && spawnSync('id', ['-u', 'postgres']).status !== 0) throw new Error("running as root, but there is no 'postgres' system user to run PostgreSQL as");
  const dir = mkdtempSync('/tmp/claimtrack-bench-pg.');
  mkdirSync(join(dir, 'sock'));
  if (root) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    for (const p of [dir, join(dir, 'sock')]) chownSync(p, Number(ids), Number(gid));
  }
  const asPg = (cmd: string, args: string[]) => {
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    return spawnSync(file, argv, { cwd: dir, encoding: 'utf8' });
  };
  let init = asPg(bin.initdb, ['-D', join(dir, 'data'), '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8', '-N']);
  if (init.status !== 0) {
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    init = asPg(bin.initdb, ['-D', join(dir, 'data'), '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C', '-N']);
  }
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr}`);
  }
  let port: number;
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    const start = asPg(bin.pgCtl, ['start', '-D', join(dir, 'data'), '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-s', '-o', `${settings.join(' ')} -p ${port} -k '${join(dir, 'sock')}'`]);
    if (start.status === 0) break;
    if (attempt === 3) {
      const log = existsSync(join(dir, 'postgres.log')) ? readFileSync(join(dir, 'postgres.log'), 'utf8') : '';
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start: ${start.stderr}\n${log}`);
    }
  }
  const version = spawnSync(bin.postgres, ['--version'], { encoding: 'utf8' }).stdout.trim();
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    version,
    dir,
    pid: () => {
      try {
        return Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      } catch {
        return undefined;
      }
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      const fast = asPg(bin.pgCtl, ['stop', '-D', join(dir, 'data'), '-m', 'fast', '-w', '-t', '30', '-s']);
      if (fast.status !== 0) asPg(bin.pgCtl, ['stop', '-D', join(dir, 'data'), '-m', 'immediate', '-w', '-t', '10', '-s']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL after a bulk load is not the database a desk reads: the first read of each new row
 * sets its hint bits (writing the page back), and autovacuum then rewrites the visibility map,
 * both on the same cores as what is being measured. `VACUUM (ANALYZE)` does that work before the
 * clock starts, as days of normal use would have. Returns the seconds it took.
 */
export async function settleAfterLoad(url: string): Promise<number> {
  const started = performance.now();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}
