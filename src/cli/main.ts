import type { Writable } from 'node:stream';
import { verifyAuditFile } from './verify-audit';

const USAGE = [
  'usage: claimtrack verify-audit <file.ndjson> [--head <hash>]',
  '',
  '  Recomputes the hash chain of an audit export (GET /v1/exports/audit?format=ndjson) offline.',
  '  Exit 0 when it holds; 1 naming the first bad seq when a line was edited, removed or reordered;',
  '  2 for a usage error or a file that cannot be read. --head: the headHash of GET /v1/audit/verify,',
  '  which the last event must have (finds events cut off the end).',
  '',
].join('\n');

/** `claimtrack <command>`; resolves to the exit code. */
export async function main(argv: string[], out: Writable, err: Writable): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'verify-audit') {
    (command === '--help' || command === '-h' ? out : err).write(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const files: string[] = [];
  let head: string | undefined;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] as string;
    if (arg === '--head') head = rest[(i += 1)];
    else if (arg === '--help' || arg === '-h') {
      out.write(USAGE);
      return 0;
    } else files.push(arg);
  }
  if (files.length !== 1 || (rest.includes('--head') && !head)) {
    err.write(USAGE);
    return 2;
  }
  const file = files[0] as string;
  let result;
  try {
    result = await verifyAuditFile(file, { head });
  } catch (error) {
    err.write(`claimtrack verify-audit: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  if (!result.ok) {
    const where = Number.isNaN(result.firstBadSeq) ? '' : ` at seq ${result.firstBadSeq}`;
    err.write(`claimtrack verify-audit: ${file}: the chain is BROKEN${where}${result.line ? ` (line ${result.line})` : ''}: ${result.problem}\n`);
    if (result.events > 0) err.write(`  ${result.events} events verified before it (seq ${result.firstSeq}–${result.lastSeq}).\n`);
    return 1;
  }
  out.write(
    `claimtrack verify-audit: ${file}: the chain holds: ${result.events} events, seq ${result.firstSeq}–${result.lastSeq}, head hash ${result.headHash}` +
      `${result.firstSeq === 1 ? '' : ` (starts mid-chain, from the prevHash of seq ${result.firstSeq})`}\n`,
  );
  return 0;
}
