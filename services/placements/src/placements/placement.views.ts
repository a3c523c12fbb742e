import type { ClientCharacteristics, PlacementState } from '../domain/index.js';

/** A placement as the API shows it (PLC-5…PLC-7); `to` null: open-ended. */
export interface PlacementView {
  placementId: string;
  providerId: string;
  facilityId: string;
  placeId: string;
  placeName: string;
  compartmentId: string;
  clientId: string;
  client: ClientCharacteristics;
  period: { from: string; to: string | null };
  state: PlacementState;
  endReason: string | null;
  /** PLC-6: in an emergency place beyond designated capacity. */
  emergency: boolean;
  providerServiceId: string | null;
  serviceProductId: string | null;
  contractId: string | null;
  reservationId: string | null;
  waitlistEntryId: string | null;
  /** PLC-7: the placement this one continues after a transfer. */
  transferredFrom: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** One placement with where the client was before (PLC-7: the transferred_from chain). */
export interface PlacementDetailView extends PlacementView {
  /** Earlier placements this one continues, oldest first. */
  history: PlacementView[];
  /** The placement that continues this one after a transfer, if any. */
  continuedBy: string | null;
}

/** PLC-7: one client's move within a transfer. */
export interface TransferMoveView {
  placementId: string;
  /** Same as placementId when the placement only changed place (it started on or after `on`). */
  newPlacementId: string;
  clientId: string;
  fromPlaceId: string;
  toPlaceId: string;
  newPeriod: { from: string; to: string | null };
  /** PLC-6: the client left an emergency place, which closed. */
  fromEmergencyPlace: boolean;
}

export interface TransferView {
  transferId: string;
  on: string;
  moves: TransferMoveView[];
}

/** PLC-6: an emergency-placed client who can move to a freed designated place. */
export interface EmergencyReleaseView {
  placementId: string;
  clientId: string;
  /** The emergency placement's start: the longest waiting go first. */
  waitingSince: string;
  fromPlaceId: string;
  fromPlaceName: string;
  toPlaceId: string;
  toPlaceName: string;
  newPeriod: { from: string; to: string | null };
}
