import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { ChainVerifier, type ChainedAuditEvent } from '../write-path/audit-chain';

/** The members a line must have to be checked (the export's `AuditExportLine`); others are ignored. */
const line = z.looseObject({
  workspaceId: z.string(),
  seq: z.number().int().min(1),
  at: z.string(),
  actor: z.looseObject({ keyId: z.string().nullable(), name: z.string(), role: z.string() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

export interface FileCheck {
  ok: boolean;
  events: number;
  firstSeq: number | undefined;
  lastSeq: number | undefined;
  headHash: string;
  /** The first seq missing, altered or out of order; null when the chain holds. */
  firstBadSeq: number | null;
  /** The line where the break was found. */
  line: number | null;
  problem: string | null;
}

/**
 * Recomputes the hash chain of an NDJSON audit export, line by line (a file of any size in
 * flat memory). The chain starts at the first event's prevHash, so an export `from=` a date
 * verifies on its own. With `head`, the last event's hash must be it (the `headHash` of
 * `GET /v1/audit/verify`): events cut off the end are found too.
 */
export async function verifyAuditFile(path: string, options: { head?: string } = {}): Promise<FileCheck> {
  const chain = new ChainVerifier();
  let lineNumber = 0;
  let badLine: number | null = null;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const event = line.safeParse(parsed);
    const ok = event.success ? chain.add(event.data as ChainedAuditEvent) : chain.broken(chain.nextSeq ?? Number.NaN, 'the line is not an audit event');
    if (!ok) {
      badLine = lineNumber;
      break;
    }
  }
  lines.close();
  if (chain.firstBadSeq === null && chain.count === 0) chain.broken(Number.NaN, 'the file holds no audit events');
  if (chain.firstBadSeq === null && options.head !== undefined && chain.headHash !== options.head) {
    chain.broken((chain.lastSeq ?? 0) + 1, 'the last event is not the head given with --head: events after it are missing');
  }
  return {
    ok: chain.firstBadSeq === null,
    events: chain.count,
    firstSeq: chain.firstSeq,
    lastSeq: chain.lastSeq,
    headHash: chain.headHash,
    firstBadSeq: chain.firstBadSeq,
    line: badLine,
    problem: chain.problem,
  };
}
