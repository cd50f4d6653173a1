import type { Served } from '../../http/schemas';
import type { ClaimRow } from './claims.repository';
import type { ClaimStatus, claimView } from './claims.schemas';

/** A claim as the API answers it: the `claimView` schema, with dates as `Date`s. */
export type ClaimView = Served<typeof claimView>;

/** The read model other features use for claims, with `claims.repository`. */
export function presentClaim(row: ClaimRow): ClaimView {
  const { workspaceId: _workspaceId, ...view } = row;
  return { ...view, status: row.status as ClaimStatus, quantities: view.quantities as ClaimView['quantities'] };
}
