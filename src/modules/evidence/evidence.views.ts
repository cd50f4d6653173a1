import type { Served } from '../../http/schemas';
import type { EvidenceRow } from './evidence.repository';
import type { evidenceView } from './evidence.schemas';

/** An evidence link as the API answers it: the `evidenceView` schema, with dates as `Date`s. */
export type EvidenceView = Served<typeof evidenceView>;

/** The read model other features (a claim read) use for evidence, with `evidence.repository`. */
export function presentEvidence(row: EvidenceRow): EvidenceView {
  const { workspaceId: _w, ...view } = row;
  return view as EvidenceView;
}
