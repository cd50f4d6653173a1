/**
 * How long ranking claim candidates takes (DESIGN §12), in process, no server:
 *
 *     node --import tsx bench/candidates.ts [runs]
 *
 * Times `rankCandidates` on the 8 KB seed article and on a 500 KB body (the largest an article
 * may have: the seed's paragraphs repeated, so repeat detection meets its worst case), and
 * prints the median and the 90th percentile of `runs` runs (default 50) after a warm-up run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rankCandidates } from '../src/text/candidates';

const runs = Number(process.argv[2] ?? 50);
const seed = readFileSync(join(__dirname, '../src/modules/demo/article.ar.txt'), 'utf8');
const large = seed.repeat(Math.floor(500_000 / seed.length));

function time(label: string, body: string, times: number): void {
  rankCandidates(body, 'ar'); // warm-up: ICU segmenter, regexes, JIT
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    rankCandidates(body, 'ar');
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number).toFixed(1);
  console.log(`${label.padEnd(28)} ${String(body.length).padStart(7)} chars  median ${at(0.5)} ms  p90 ${at(0.9)} ms  (${times} runs)`);
}

time('seed article (8 KB)', seed, runs);
time('seed ×60 (500 KB)', large, Math.max(3, Math.round(runs / 10)));
