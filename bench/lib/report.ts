/** The results as Markdown. */
import type { LoadResult } from './load';
import { checkTargets, findMeasure, fmt, med, sizeLabel, type DbResult, type Measure, type Options, type SizeResult, type TargetCheck } from './model';
import { SEARCH_WORDS } from './generator';

const LABELS: Record<string, string> = {
  a: '(a) bare node:http, fixed JSON',
  "a'": '(a′) Express 5, fixed JSON',
  b: '(b) GET /v1/claims/:id, random ids',
  c1: '(c) list ?status=unverified&limit=50, first page',
  c2: '(c) list, same filter, page at the end (cursor)',
  d1: `(d) search q=${SEARCH_WORDS.ar}`,
  d2: `(d) search q=${SEARCH_WORDS.en}`,
  e: '(e) PATCH /v1/claims/:id + If-Match (writes/s)',
  g1: '(g) GET /v1/claims/similar, Arabic texts',
  g2: '(g) GET /v1/claims/similar, English texts',
  h0: '(h) one claim, no similar check (batch of one)',
  h1: '(h) POST /v1/claims, with the similar check',
  f: '(f) POST /v1/claims/batch, 1,000 claims',
};
const ORDER = ['a', "a'", 'b', 'c1', 'c2', 'd1', 'd2', 'e', 'g1', 'g2', 'h0', 'h1', 'f'];

const mib = (kib: number | undefined) => (kib === undefined || !Number.isFinite(kib) ? '–' : `${fmt(kib / 1024)} MiB`);
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : '–');
const ratio = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : '–');

function spread(m: Measure, f: (r: LoadResult) => number, show: (x: number) => string): string {
  const xs = m.runs.map(f).filter(Number.isFinite);
  if (xs.length === 0) return '–';
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return `${show(med(m, f))} (${show(lo)}–${show(hi)})`;
}

function scenarioTable(size: SizeResult): string {
  const rows: string[] = [
    '| scenario | conn. | req/s, median (min–max) | p50 ms | p95 ms | p99 ms | req/s ÷ (a) | req/s ÷ (a′) | p50 ÷ (a) | p50 ÷ (a′) | p99 ÷ (a) | p99 ÷ (a′) | failed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const measures = [...size.measures].sort((x, y) => ORDER.indexOf(x.scenario) - ORDER.indexOf(y.scenario) || y.connections - x.connections);
  for (const m of measures) {
    const a = findMeasure(size, 'a', m.connections);
    const ap = findMeasure(size, "a'", m.connections);
    const rps = med(m, (r) => r.rps);
    const p50 = med(m, (r) => r.p50);
    const p99 = med(m, (r) => r.p99);
    const failed = m.runs.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0);
    const isBase = m.scenario === 'a' || m.scenario === "a'";
    let rpsCell = spread(m, (r) => r.rps, (x) => fmt(x, x < 100 ? 1 : 0));
    if (m.scenario === 'f') rpsCell += ` = ${spread(m, (r) => r.rps * 1000, (x) => fmt(x))} claims/s`;
    const base = a && ap && !isBase && m.scenario !== 'f';
    rows.push(
      [
        LABELS[m.scenario] ?? m.scenario,
        m.connections,
        rpsCell,
        spread(m, (r) => r.p50, ms),
        spread(m, (r) => r.p95, ms),
        spread(m, (r) => r.p99, ms),
        base ? ratio(rps / med(a, (r) => r.rps)) : '',
        base ? ratio(rps / med(ap, (r) => r.rps)) : '',
        base ? `${ratio(p50 / med(a, (r) => r.p50))}×` : '',
        base ? `${ratio(p50 / med(ap, (r) => r.p50))}×` : '',
        base ? `${ratio(p99 / med(a, (r) => r.p99))}×` : '',
        base ? `${ratio(p99 / med(ap, (r) => r.p99))}×` : '',
        failed > 0 ? `**${failed}**` : '0',
      ].join(' | ').replace(/^/, '| ').concat(' |'),
    );
  }
  return rows.join('\n');
}

function ingestTable(result: DbResult): string {
  const rows = [
    '| size | claims added | claims/s (batches of 1,000) | articles | evidence links | bulk transitions | ingest wall | data on disk |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of result.sizes) {
    const i = s.ingest;
    const per = (x: { n: number; seconds: number }) => (x.n > 0 ? `${fmt(x.n)} (${fmt(x.n / x.seconds)}/s)` : '–');
    rows.push(
      `| ${sizeLabel(s.size)} | ${fmt(i.claims.n)} | ${i.claims.n > 0 ? `**${fmt(i.claims.n / i.claims.seconds)}**` : '–'} | ${per(i.articles)} | ${per(i.evidence)} | ${per(i.transitions)} | ${fmt(i.totalSeconds, 1)} s | ${s.dbBytes ? `${fmt(s.dbBytes / 2 ** 20)} MiB` : '–'} |`,
    );
  }
  return rows.join('\n');
}

function memoryTable(results: DbResult[]): string {
  const rows = [
    '| database | size | server RSS after ingest | server peak RSS (VmHWM) | server RSS at the end | (a) RSS | (a′) RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results)
    for (const s of r.sizes)
      rows.push(
        `| ${r.db} | ${sizeLabel(s.size)} | ${mib(s.memory.afterIngest?.rssKiB)} | **${mib(s.memory.end?.peakKiB)}** | ${mib(s.memory.end?.rssKiB)} | ${mib(s.memory.baselineHttp?.rssKiB)} | ${mib(s.memory.baselineExpress?.rssKiB)} |`,
      );
  return rows.join('\n');
}

function trendTable(result: DbResult): string {
  const sizes = result.sizes;
  const head = `| figure | ${sizes.map((s) => sizeLabel(s.size)).join(' | ')} | last ÷ first |`;
  const rows = [head, `| --- |${sizes.map(() => ' ---: |').join('')} ---: |`];
  const line = (label: string, values: number[], show: (x: number) => string) => {
    const first = values[0] as number;
    const last = values[values.length - 1] as number;
    rows.push(`| ${label} | ${values.map(show).join(' | ')} | ${values.length > 1 ? `${ratio(last / first)}×` : ''} |`);
  };
  line('ingest, claims/s', sizes.map((s) => (s.ingest.claims.n > 0 ? s.ingest.claims.n / s.ingest.claims.seconds : NaN)), (x) => fmt(x));
  const scenarios = ORDER.filter((id) => sizes.some((s) => s.measures.some((m) => m.scenario === id)));
  for (const id of scenarios) {
    const conns = [...new Set(sizes.flatMap((s) => s.measures.filter((m) => m.scenario === id).map((m) => m.connections)))].sort((a, b) => b - a);
    for (const c of conns) {
      const name = `${LABELS[id] ?? id}, ${c} conn.`;
      line(`${name}: req/s`, sizes.map((s) => med(findMeasure(s, id, c), (r) => r.rps)), (x) => fmt(x, x < 100 ? 1 : 0));
      if (c === 1) {
        line(`${name}: p50 ms`, sizes.map((s) => med(findMeasure(s, id, c), (r) => r.p50)), ms);
        line(`${name}: p99 ms`, sizes.map((s) => med(findMeasure(s, id, c), (r) => r.p99)), ms);
      }
    }
  }
  line('server peak RSS, MiB', sizes.map((s) => (s.memory.end?.peakKiB ?? NaN) / 1024), (x) => fmt(x));
  line('server RSS at the end, MiB', sizes.map((s) => (s.memory.end?.rssKiB ?? NaN) / 1024), (x) => fmt(x));
  return rows.join('\n');
}

function targetsTable(checks: TargetCheck[]): string {
  const rows = ['| target | database | size | measured | met |', '| --- | --- | ---: | --- | --- |'];
  for (const t of checks) rows.push(`| ${t.text}${t.note ?? ''} | ${t.db} | ${sizeLabel(t.size)} | ${t.value} | ${t.met === undefined ? 'n/a' : t.met ? 'met' : '**missed**'} |`);
  return rows.join('\n');
}

function gapLine(t: TargetCheck): string {
  return `- **${t.db}: ${t.text}** — measured ${t.value} at ${sizeLabel(t.size)} claims.`;
}

export function renderReport(input: { opts: Options; results: DbResult[]; machine: Record<string, string>; wallSeconds: number; date: Date }): string {
  const { opts, results, machine } = input;
  const out: string[] = [];
  out.push(`# claimtrack benchmark — ${input.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out.push('');
  out.push(
    `${opts.quick ? '`npm run bench:quick`' : '`npm run bench`'}: sizes ${opts.sizes.map(sizeLabel).join(' → ')} claims over three workspaces (50/30/20 %); ${opts.reps} repetitions of ${opts.duration} s per measurement after ${opts.warmup} s of warm-up, medians with (min–max); ${opts.connections.join(' and ')} connections; whole run ${fmt(input.wallSeconds / 60, 1)} min.`,
  );
  out.push('');
  out.push('## Machine');
  out.push('');
  out.push('| | |');
  out.push('| --- | --- |');
  for (const [k, v] of Object.entries(machine)) out.push(`| ${k} | ${v} |`);
  for (const r of results) out.push(`| ${r.db} | ${r.skipped ? `skipped: ${r.skipped}` : r.version}${r.failed ? ` — **FAILED after ${r.sizes.length} size(s): ${r.failed.replace(/\s+/g, ' ').slice(0, 300)}**` : ''} |`);
  out.push('');
  out.push('The load generator (autocannon), the server and the database share the same cores: the figures are what one small machine does end to end, and the baselines (a) and (a′) are measured in the same rounds, so the ratios hold better than the absolute numbers.');
  out.push('');

  const checks = results.flatMap((r) => (r.sizes.length > 0 ? checkTargets(r) : []));
  out.push('## Targets (issue 5)');
  out.push('');
  out.push(targetsTable(checks));
  out.push('');

  out.push('## Ingest through the public API');
  out.push('');
  out.push(
    'Articles one by one (POST /v1/articles, 4 in flight), claims in batches of 1,000 (POST /v1/claims/batch, 2 in flight on SQLite, 1 on PostgreSQL where a second batch into the same workspace waits on the audit-chain lock and can pass the 15 s transaction timeout; three in four quote an article, by code point offsets; the server anchors the quotes, extracts quantities, writes tags, one audit event per claim and the search index), evidence links (POST /v1/claims/:id/evidence, 4 in flight), and a tenth of the claims moved to in_review (POST /v1/claims/bulk-transition, 1,000 ids per request). Claims/s counts the batch phase only.',
  );
  for (const r of results) {
    if (r.sizes.length === 0) continue;
    out.push('');
    out.push(`### ${r.db}`);
    out.push('');
    out.push(ingestTable(r));
  }
  out.push('');

  for (const r of results) {
    for (const s of r.sizes) {
      out.push(`## ${r.db}, ${sizeLabel(s.size)} claims`);
      out.push('');
      out.push(`${fmt(s.claimsAtMeasure)} claims when the measurements began (the batch scenario, measured last, adds more); the last page starts at ${s.lastPageDepth ?? '–'} of workspace 1's unverified claims. Ratios: req/s as a fraction of the baseline's, latencies as multiples of it, at the same connection count.`);
      out.push('');
      out.push(scenarioTable(s));
      for (const n of s.notes) out.push(`\n- ${n}`);
      out.push('');
    }
  }

  out.push('## Memory (server process alone, from /proc/<pid>/status)');
  out.push('');
  out.push(memoryTable(results));
  out.push('');

  if (results.some((r) => r.sizes.length > 1)) {
    out.push(`## How the figures move, ${opts.sizes.map(sizeLabel).join(' → ')}`);
    for (const r of results) {
      if (r.sizes.length < 2) continue;
      out.push('');
      out.push(`### ${r.db}`);
      out.push('');
      out.push(trendTable(r));
    }
    out.push('');
  }

  const missed = checks.filter((t) => t.met === false);
  out.push('## Missed targets: the gap and its cause');
  out.push('');
  if (missed.length === 0) out.push('None missed.');
  for (const t of missed) out.push(gapLine(t));
  for (const r of results) {
    for (const p of r.profiles) {
      out.push('');
      out.push(`### CPU profile of the server: ${r.db}, scenario ${LABELS[p.scenario] ?? p.scenario}, ${p.connections} connection(s)`);
      out.push('');
      const cores = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
      out.push(
        `For: ${p.target}. \`node --cpu-prof\` on the server child while the scenario ran for ${fmt(p.run.seconds, 1)} s at ${fmt(p.run.rps, p.run.rps < 100 ? 1 : 0)} req/s${opts.keep ? ` (profile: \`${p.run.file}\`)` : ''}. CPU used meanwhile: server ${cores(p.run.serverCores)} cores${r.db === 'postgres' ? `, PostgreSQL backends ${cores(p.run.dbCores)} cores` : ''} (of 2; the load generator takes the rest).`,
      );
      out.push('');
      out.push(p.markdown);
    }
  }
  if (missed.length > 0 && !results.some((r) => r.profiles.length > 0)) out.push('\nNo CPU profiles in this run (`--profile` takes them; `bench:quick` skips them).');
  out.push('');
  out.push('## Method');
  out.push('');
  out.push(
    [
      '- The server is the real one, `node --import tsx src/server.ts`, a child process per size with LOG_LEVEL=warn, SEED_DEMO=false, RATE_LIMIT_PER_MINUTE=0 and NODE_ENV=production; restarted between sizes on the same, growing database. Its RSS is read from /proc, alone.',
      '- Baselines, child processes started in the same run: (a) bare `node:http` and (a′) Express 5 without middleware, both serving a fixed ~1 KB claim JSON from memory. Each round runs (a), (a′) and then every read and PATCH scenario, so noise hits them alike; the batch scenario runs last, in rounds of its own, as it grows the data set.',
      `- Reads use a viewer key of workspace 1 (half the claims); writes a checker key. Search words: ${SEARCH_WORDS.ar} and ${SEARCH_WORDS.en} (each in roughly 5–9 % of the claims of its language). Random ids: a uniform sample of 20,000 claims of workspace 1.`,
      '- The last page is reached by walking the list with real cursors (limit 200) to its end; the measured page (limit 50) starts from the last cursor that leaves a full page.',
      '- PATCH changes the claimant and tags of claims from a pool of 5,000 (each claim in flight once at a time, with its current version in If-Match); every write appends to the workspace audit chain.',
      `- The batch scenario runs at ${opts.batchAmounts.map((b) => `${b.connections} connection${b.connections > 1 ? 's' : ''} (${b.amount} batches per repetition)`).join(' and ')} rather than 50: each request carries 1,000 claims, and 50 in flight would queue 50,000 claims behind one writer and add them to the data set every repetition.`,
      '- Percentiles are exact, from every 2xx response time; req/s counts 2xx responses only; "failed" counts non-2xx, errors and timeouts.',
    ].join('\n'),
  );
  out.push('');
  return out.join('\n');
}
