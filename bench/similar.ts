/**
 * Similar-claim lookup on a database the harness kept (`npm run bench -- --keep`), in process:
 *
 *     node --import tsx bench/similar.ts file:/tmp/claimtrack-bench.XXXX/sqlite/claimtrack.db [runs]
 *     node --import tsx bench/similar.ts postgresql://…                                    [runs] [--writes N]
 *
 * For texts the data set's templates give (not claims it holds), Arabic and English apart: the
 * whole lookup (`findSimilar`, limit 5) and its stages — the index queries for candidates, reading
 * their searchText, ranking — as median and p95 over `runs` texts (default 200), after a warm-up.
 * The HTTP figures are the harness's scenarios (g) and (h).
 *
 * With `--writes N` it also creates N claims each way, alternating (this WRITES to that
 * database): `createClaim` as POST /v1/claims runs it (the write, then the similar check) against
 * `createClaims` with a batch of one (the same write path, no check) — scenario (h) without HTTP.
 */
import { loadavg } from 'node:os';
import { openDatabase } from '../src/db/database';
import * as claims from '../src/modules/claims/claims.repository';
import { similarCandidates } from '../src/modules/claims/claims.search';
import { createClaim, createClaims } from '../src/modules/claims/claims.service';
import { findSimilar } from '../src/modules/claims/claims.similar';
import { extractQuantities } from '../src/text/quantities';
import { comparableOf, comparableOfIndexed, indexTerms, likeness, quantityToken } from '../src/text/similar';
import { ArticleCache, claimInput } from './lib/generator';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const show = (xs: number[]) => `${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)}`;

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: bench/similar.ts DATABASE_URL [runs] [--writes N]');
  const runs = Number(process.argv[3] ?? 200);
  const writesAt = process.argv.indexOf('--writes');
  const writes = writesAt > 0 ? Number(process.argv[writesAt + 1]) : 0;
  const db = await openDatabase({ url });
  const [largest] = await db.sql.all<{ id: string; n: unknown }>('SELECT "workspaceId" AS id, count(*) AS n FROM "Claim" GROUP BY "workspaceId" ORDER BY 2 DESC LIMIT 1');
  if (!largest) throw new Error('no claims in that database');
  const actor = { keyId: null, name: 'bench', role: 'viewer' as const, workspaceId: largest.id };
  const cache = new ArticleCache();
  console.log(`workspace of ${Number(largest.n).toLocaleString('en-US')} claims (${db.provider}); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('| texts | whole lookup ms p50 / p95 | candidates (index) | their searchText | ranking | candidates ranked (median) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const language of ['ar', 'en'] as const) {
    const texts: string[] = [];
    for (let k = 0; texts.length < runs; k += 1) {
      const claim = claimInput(0, 50_000_000 + k, [], cache);
      if (claim.language === language) texts.push(claim.text);
    }
    for (const text of texts.slice(0, 10)) await findSimilar(db, actor, { text, limit: 5 });
    const whole: number[] = [];
    const stages = { index: [] as number[], rows: [] as number[], rank: [] as number[], count: [] as number[] };
    for (const text of texts) {
      let started = performance.now();
      await findSimilar(db, actor, { text, limit: 5 });
      whole.push(performance.now() - started);
      // The same stages again, timed one by one (claims.similar.ts composes them).
      const quantities = extractQuantities(text);
      started = performance.now();
      const ids = await similarCandidates(db.sql, actor.workspaceId, indexTerms(text).slice(0, 16), [...new Set(quantities.map(quantityToken))]);
      stages.index.push(performance.now() - started);
      started = performance.now();
      const rows = await claims.findSearchTexts(db.sql, actor.workspaceId, ids);
      stages.rows.push(performance.now() - started);
      started = performance.now();
      const target = comparableOf(text, quantities);
      rows.map((row) => likeness(target, comparableOfIndexed(row.searchText, row.quantities))).sort((a, b) => b.score - a.score);
      stages.rank.push(performance.now() - started);
      stages.count.push(ids.length);
    }
    console.log(`| ${language} (${runs}) | ${show(whole)} | ${show(stages.index)} | ${show(stages.rows)} | ${show(stages.rank)} | ${quantile(stages.count, 0.5)} |`);
  }
  if (writes > 0) {
    const writer = { ...actor, role: 'checker' as const };
    const times = { with: [] as number[], without: [] as number[] };
    for (let i = 0; i < writes * 2; i += 1) {
      const claim = claimInput(0, 60_000_000 + i, [], cache);
      const context = { actor: writer, requestId: `bench-similar-${i}` };
      const started = performance.now();
      if (i % 2 === 0) await createClaim(db, context, claim);
      else await createClaims(db, context, [claim]);
      (i % 2 === 0 ? times.with : times.without).push(performance.now() - started);
    }
    const ratio = (q: number) => (quantile(times.with, q) / quantile(times.without, q)).toFixed(2);
    console.log(`\n| ${writes} claims each way, alternating | p50 / p95 ms |`);
    console.log('| --- | ---: |');
    console.log(`| createClaim (POST /v1/claims: write, then the similar check) | ${show(times.with)} |`);
    console.log(`| createClaims, a batch of one (no check) | ${show(times.without)} |`);
    console.log(`| ratio with / without | ${ratio(0.5)} / ${ratio(0.95)} |`);
  }
  await db.close();
}

void main();
