import { z } from 'zod';
import type { Database, Tx } from '../../db/database';
import { AppError } from '../../core/errors';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import { runWrite, type UnitOfWork, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import type { Actor } from '../../core/roles';
import * as evidence from '../evidence/evidence.repository';
import * as sources from './sources.repository';
import type { SourceCreate, SourceUpdate, sourceView } from './sources.schemas';
import type { Served } from '../../http/schemas';

export type SourceView = Served<typeof sourceView>;

export function presentSource(row: sources.SourceRow): SourceView {
  const { workspaceId: _w, deletedAt: _d, ...view } = row;
  return view as SourceView;
}

const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);

async function assertUrlFree(tx: Tx, workspaceId: string, url: string, exceptId?: string) {
  const existing = await sources.findByUrl(tx, workspaceId, url);
  if (existing && existing.id !== exceptId) {
    throw AppError.conflict(
      existing.deletedAt ? `A deleted source had the url ${url}; urls stay reserved.` : `A source with the url ${url} already exists; reuse it.`,
      { existingId: existing.id },
    );
  }
}

/** Creates a source inside a unit of work (the API's POST and the demo seed). */
export async function insertSource(uow: UnitOfWork, input: SourceCreate): Promise<SourceView> {
  await assertUrlFree(uow.tx, uow.actor.workspaceId, input.url);
  const row = await sources.insert(uow.tx, uow.actor.workspaceId, {
    url: input.url,
    title: input.title,
    publisher: input.publisher ?? null,
    kind: input.kind,
    publishedAt: toDate(input.publishedAt),
    accessedAt: toDate(input.accessedAt),
    archiveUrl: input.archiveUrl ?? null,
  });
  const view = presentSource(row);
  await uow.audit({ action: 'source.create', entityType: 'source', entityId: row.id, before: null, after: view });
  return view;
}

export async function createSource(db: Database, context: WriteContext, input: SourceCreate): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const view = await insertSource(uow, input);
    return { status: 201, body: view, version: view.version, location: `/v1/sources/${view.id}` };
  });
}

export async function getSource(db: Database, actor: Actor, id: string): Promise<SourceView> {
  const row = await sources.findActive(db.reader, actor.workspaceId, id);
  if (!row) throw AppError.notFound('source', id);
  return presentSource(row);
}

const cursorSchema = z.object({ id: z.string() });

export async function listSources(db: Database, actor: Actor, query: { limit: number; cursor?: string; kind?: string }): Promise<Page<SourceView>> {
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await sources.listPage(db.reader, actor.workspaceId, { kind: query.kind }, query.limit + 1, after?.id);
  return toPage(rows, query.limit, presentSource, (row) => ({ id: row.id }));
}

export async function updateSource(db: Database, context: WriteContext, id: string, patch: SourceUpdate): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const { current, written: updated } = await uow.changeVersioned('source', id, () => sources.findActive(uow.tx, workspaceId, id), async (current) => {
      if (patch.url !== undefined && patch.url !== current.url) await assertUrlFree(uow.tx, workspaceId, patch.url, id);
      const data: Partial<sources.SourceData> = {};
      if (patch.url !== undefined) data.url = patch.url;
      if (patch.title !== undefined) data.title = patch.title;
      if (patch.publisher !== undefined) data.publisher = patch.publisher;
      if (patch.kind !== undefined) data.kind = patch.kind;
      if (patch.publishedAt !== undefined) data.publishedAt = toDate(patch.publishedAt);
      if (patch.accessedAt !== undefined) data.accessedAt = toDate(patch.accessedAt);
      if (patch.archiveUrl !== undefined) data.archiveUrl = patch.archiveUrl;
      return sources.updateIfVersion(uow.tx, workspaceId, id, current.version, data);
    });
    const view = presentSource(updated);
    await uow.audit({ action: 'source.update', entityType: 'source', entityId: id, before: presentSource(current), after: view });
    return { status: 200, body: view, version: updated.version };
  });
}

/** A source still cited as evidence is not deleted: the evidence would point at nothing. */
export async function deleteSource(db: Database, context: WriteContext, id: string): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const { current } = await uow.changeVersioned('source', id, () => sources.findActive(uow.tx, workspaceId, id), async (current) => {
        const citing = await evidence.countForSource(uow.tx, id);
        if (citing > 0) throw AppError.conflict(`This source is cited by ${citing} evidence links; remove them first.`, { evidenceCount: citing });
        return sources.updateIfVersion(uow.tx, workspaceId, id, current.version, { deletedAt: new Date() });
    });
    await uow.audit({ action: 'source.delete', entityType: 'source', entityId: id, before: presentSource(current), after: null });
    return { status: 204 };
  });
}
