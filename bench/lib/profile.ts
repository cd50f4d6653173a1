/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): where the server's CPU time went.
 * Also a command: `node --import tsx bench/lib/profile.ts file.cpuprofile [top]`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './procs';

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileRow {
  name: string;
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  /** Busy time (all samples but `(idle)`), ms. */
  busyMs: number;
  totalMs: number;
  /** Self time by function. */
  topSelf: ProfileRow[];
  /** Self time by area: a package, a src/ file, node internals, GC. */
  byArea: ProfileRow[];
  /** Inclusive time of the app's own functions (src/, generated client excluded). */
  topAppInclusive: ProfileRow[];
}

function fileOf(url: string): string {
  if (!url) return '';
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice(7)) : url;
  return path.startsWith('/') ? relative(ROOT, path) : path;
}

/** node_modules/<pkg>, src/<file>, node:<internal>, or the V8 pseudo-frame. */
function areaOf(node: CpuNode): string {
  const { functionName, url } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  const file = fileOf(url);
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (nm) return nm[1] as string;
  if (file.startsWith('node:')) return 'node internals';
  if (file.startsWith('src/generated/')) return 'src/generated (Prisma client)';
  return file;
}

/**
 * `window`: only samples taken between these two instants (µs of the monotonic clock, as
 * `process.hrtime.bigint() / 1000n` reads it in any process), e.g. the load run without the
 * server's start-up.
 */
export function summarizeProfile(file: string, top = 15, window?: { fromUs: number; toUs: number }): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const id = profile.samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    total += us;
    if (byId.get(id)?.callFrame.functionName === '(idle)') idle += us;
  }
  const busy = total - idle;
  const add = (m: Map<string, { name: string; where: string; us: number }>, key: string, name: string, where: string, us: number) => {
    const row = m.get(key) ?? { name, where, us: 0 };
    row.us += us;
    m.set(key, row);
  };
  const self = new Map<string, { name: string; where: string; us: number }>();
  const areas = new Map<string, { name: string; where: string; us: number }>();
  const appInclusive = new Map<string, { name: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const { functionName, url } = node.callFrame;
    // Line numbers are left out: tsx-transpiled and minified files make them meaningless.
    const where = url ? fileOf(url) : '';
    add(self, `${functionName}|${where}`, functionName || '(anonymous)', where, us);
    add(areas, areaOf(node), areaOf(node), '', us);
    // Inclusive: charge each app function on the stack once per sample.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const f = fileOf(n.callFrame.url);
      if (!f.startsWith('src/') || f.startsWith('src/generated/')) continue;
      // Module bodies ("(anonymous)" at the top of a file) are start-up and route wrappers, not work.
      if (!n.callFrame.functionName) continue;
      const key = `${n.callFrame.functionName}|${f}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(appInclusive, key, n.callFrame.functionName, f, us);
    }
  }
  const rows = (m: Map<string, { name: string; where: string; us: number }>) =>
    [...m.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((r) => ({ name: r.name, where: r.where, ms: r.us / 1000, share: busy > 0 ? r.us / busy : 0 }));
  return { busyMs: busy / 1000, totalMs: total / 1000, topSelf: rows(self), byArea: rows(areas), topAppInclusive: rows(appInclusive) };
}

export function profileMarkdown(summary: ProfileSummary, top = 12): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const table = (title: string, rows: ProfileRow[]) =>
    [`| ${title} | where | ms | share of busy CPU |`, '| --- | --- | ---: | ---: |', ...rows.slice(0, top).map((r) => `| \`${r.name}\` | ${r.where ? `\`${r.where}\`` : ''} | ${r.ms.toFixed(0)} | ${pct(r.share)} |`)].join('\n');
  return [
    `Busy ${summary.busyMs.toFixed(0)} ms of ${summary.totalMs.toFixed(0)} ms sampled.`,
    '',
    table('area (self time)', summary.byArea),
    '',
    table('function (self time)', summary.topSelf),
    '',
    table('app function (inclusive)', summary.topAppInclusive),
  ].join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node --import tsx bench/lib/profile.ts FILE.cpuprofile [TOP]\n');
    process.exit(2);
  }
  process.stdout.write(`${profileMarkdown(summarizeProfile(file, Number(top ?? 20)), Number(top ?? 20))}\n`);
}
