import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { canonicalJson, sha256Hex } from '../../src/write-path/audit-chain';
import { download, ndjsonLines } from '../helpers/download';
import { bearer, unique, useTestApp, type Workspace } from '../helpers/test-app';

// Pages of 4 events: the exports below cross page boundaries.
const { t } = useTestApp({ workspace: false, env: { EXPORT_PAGE_SIZE: '4' } });
const dir = mkdtempSync(join(tmpdir(), 'claimtrack-audit-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Line = Record<string, unknown> & { seq: number; hash: string; prevHash: string; at: string };

const exportAudit = (w: Workspace, query = '', key = w.keys.auditor) => download(t.app, `/v1/exports/audit?${query}`, key);

/** Runs `npx claimtrack verify-audit` (the package's bin) on `text` saved to a file. */
function verifyAudit(text: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `${unique('audit')}.ndjson`);
  writeFileSync(file, text);
  return new Promise((resolve) => {
    execFile(process.execPath, [join(__dirname, '..', '..', 'bin', 'claimtrack.js'), 'verify-audit', file, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const joinLines = (lines: Line[]) => lines.map((line) => `${JSON.stringify(line)}\n`).join('');

describe('GET /v1/exports/audit', () => {
  let w: Workspace;
  let lines: Line[];
  let text: string;

  beforeAll(async () => {
    w = await t.newWorkspace();
    for (let i = 0; i < 6; i += 1) {
      await request(t.app).post('/v1/sources').set(bearer(w.keys.checker)).send({ url: `https://example.org/${unique()}`, title: `مصدر «${i}»، "مقتبس"`, kind: 'dataset' }).expect(201);
    }
    const res = await exportAudit(w, 'format=ndjson');
    text = res.text;
    lines = ndjsonLines<Line>(text);
  });

  it('gives every event in seq order with what its hash covers, so the file can be re-hashed', async () => {
    const res = await exportAudit(w, 'format=ndjson');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="audit-${w.id}-\\d{4}-\\d{2}-\\d{2}\\.ndjson"$`));
    const head = (await request(t.app).get('/v1/audit/verify').set(bearer(w.keys.auditor)).expect(200)).body;
    expect(lines.map((line) => line.seq)).toEqual(Array.from({ length: head.headSeq }, (_, i) => i + 1));
    expect(lines[0]?.prevHash).toBe('');
    for (const [i, line] of lines.entries()) {
      const { hash, id: _id, ...content } = line;
      // SHA-256 of the canonical JSON of everything but the hash (and the id, which it does not cover).
      expect(sha256Hex(canonicalJson(content))).toBe(hash);
      if (i > 0) expect(line.prevHash).toBe(lines[i - 1]?.hash);
      expect(Object.keys(content).sort()).toEqual(['action', 'actor', 'after', 'at', 'before', 'entityId', 'entityType', 'prevHash', 'requestId', 'seq', 'workspaceId']);
    }
    expect(lines.at(-1)?.hash).toBe(head.headHash);
  });

  it('matches the events GET /v1/audit/events answers', async () => {
    const page = await request(t.app).get('/v1/audit/events?limit=200').set(bearer(w.keys.auditor)).expect(200);
    expect(lines.map(({ workspaceId: _w, ...event }) => event)).toEqual(page.body.data);
  });

  it('csv: the same events, one per row, before and after as JSON', async () => {
    const res = await exportAudit(w, 'format=csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.text.startsWith('\uFEFFworkspaceId,seq,at,actorKeyId,actorName,actorRole,action,entityType,entityId,before,after,requestId,prevHash,hash\r\n')).toBe(true);
    const rows: Record<string, string>[] = parse(res.text.slice(1), { columns: true });
    expect(rows.map((row) => Number(row.seq))).toEqual(lines.map((line) => line.seq));
    expect(rows.map((row) => row.hash)).toEqual(lines.map((line) => line.hash));
    expect(JSON.parse(rows.at(-1)?.after as string)).toEqual(lines.at(-1)?.after);
  });

  it('from= and to= give one unbroken run of the chain', async () => {
    const third = lines[2] as Line;
    const sixth = lines[5] as Line;
    const slice = ndjsonLines<Line>((await exportAudit(w, `format=ndjson&from=${encodeURIComponent(third.at)}&to=${encodeURIComponent(new Date(Date.parse(sixth.at) + 1).toISOString())}`)).text);
    expect(slice[0]?.seq).toBeLessThanOrEqual(3);
    expect(slice.map((line) => line.seq)).toEqual(Array.from({ length: slice.length }, (_, i) => (slice[0] as Line).seq + i));
    expect(slice.every((line) => line.at >= third.at && line.at <= sixth.at)).toBe(true);
    expect(slice.map((line) => line.seq)).toContain(6);
    const none = await exportAudit(w, `format=ndjson&from=${encodeURIComponent('2999-01-01T00:00:00Z')}`);
    expect([none.status, none.text]).toEqual([200, '']);
  });

  it('answers 400 for a bad format or date, or from after to; auditors and admins only', async () => {
    for (const query of ['format=json', 'format=claimreview', 'from=yesterday', 'to=2026-13-01T00:00:00Z', 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'limit=3']) {
      const res = await exportAudit(w, query);
      expect([query, res.status, res.headers['content-disposition']]).toEqual([query, 400, undefined]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await exportAudit(w, '', w.keys.admin)).status).toBe(200);
    for (const role of ['viewer', 'checker', 'editor'] as const) expect((await exportAudit(w, '', w.keys[role])).status).toBe(403);
  });

  describe('npx claimtrack verify-audit', () => {
    it('exits 0 on an intact export and prints events, first and last seq and the head hash', async () => {
      const result = await verifyAudit(text);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`${lines.length} events, seq 1–${lines.length}, head hash ${lines.at(-1)?.hash}`);
      expect((await verifyAudit(text, '--head', lines.at(-1)!.hash)).code).toBe(0);
    });

    it('names the seq of an edited line', async () => {
      const edited = lines.map((line) => (line.seq === 4 ? { ...line, after: { ...(line.after as object), title: 'عنوان مزور' } } : line));
      const result = await verifyAudit(joinLines(edited));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/BROKEN at seq 4 \(line 4\)/);
    });

    it('names the seq of a deleted line', async () => {
      const result = await verifyAudit(joinLines(lines.filter((line) => line.seq !== 5)));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/BROKEN at seq 5/);
    });

    it('names the first seq of a reordered pair', async () => {
      const swapped = [...lines];
      [swapped[2], swapped[3]] = [swapped[3] as Line, swapped[2] as Line];
      const result = await verifyAudit(joinLines(swapped));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/BROKEN at seq 3/);
    });

    it('finds a re-hashed forgery by its broken link to the next event', async () => {
      const forged = lines.map((line) => (line.seq === 2 ? { ...line, action: 'source.delete' } : line));
      const two = forged[1] as Line;
      const { hash: _h, id: _id, ...content } = two;
      forged[1] = { ...two, hash: sha256Hex(canonicalJson(content)) };
      const result = await verifyAudit(joinLines(forged));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/BROKEN at seq 3/);
    });

    it('finds events cut off the end when given the head, and refuses a line that is no event', async () => {
      const cut = await verifyAudit(joinLines(lines.slice(0, -1)), '--head', lines.at(-1)!.hash);
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(new RegExp(`BROKEN at seq ${lines.length}`));
      const junk = await verifyAudit(`${joinLines(lines.slice(0, 2))}{"seq":"three"}\n`);
      expect(junk.code).toBe(1);
      expect(junk.stderr).toMatch(/BROKEN at seq 3 \(line 3\): the line is not an audit event/);
      expect((await verifyAudit('')).code).toBe(1);
    });

    it('verifies an export that starts mid-chain (from=) from its first prevHash', async () => {
      const from = (lines[3] as Line).at;
      const slice = await exportAudit(w, `format=ndjson&from=${encodeURIComponent(from)}`);
      const first = ndjsonLines<Line>(slice.text)[0] as Line;
      expect(first.seq).toBeGreaterThan(1);
      const result = await verifyAudit(slice.text);
      expect([result.code, result.stderr]).toEqual([0, '']);
      expect(result.stdout).toContain(`seq ${first.seq}–${lines.length}`);
      expect(result.stdout).toContain('starts mid-chain');
    });

    it('exits 2 when the file cannot be read', async () => {
      const result = await new Promise<number>((resolve) => execFile(process.execPath, [join(__dirname, '..', '..', 'bin', 'claimtrack.js'), 'verify-audit', join(dir, 'missing.ndjson')], (error) => resolve(error ? Number(error.code) : 0)));
      expect(result).toBe(2);
    });
  });
});
