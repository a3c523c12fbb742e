import type { CompartmentCharacteristics } from '../domain/index.js';

/** Who changed a record last, and when (null: never changed since created). */
export interface AuditView {
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** PLC-1: a facility as listed. */
export interface FacilitySummaryView extends AuditView {
  facilityId: string;
  providerId: string;
  name: string;
  designatedCapacity: number;
  physicalCapacity: number;
  /** The top-level compartment (a building's parent). */
  rootCompartmentId: string;
  /** Open places (designated and emergency). */
  placeCount: number;
}

/** PLC-1…PLC-3: a place in the layout, with what keeps it from being chosen today. */
export interface LayoutPlaceView {
  placeId: string;
  name: string;
  /** PLC-6: created beyond designated capacity for an emergency. */
  emergency: boolean;
  /** PLC-6: an emergency place is closed from this day on; null: open. */
  closedOn: string | null;
  /** PLC-3: a record on the place or on a compartment above it is in force today. */
  outOfServiceToday: boolean;
}

/** PLC-1/PLC-2: a compartment of the tree, its own and its effective (inherited) characteristics. */
export interface LayoutCompartmentView {
  compartmentId: string;
  parentId: string | null;
  name: string;
  characteristics: CompartmentCharacteristics;
  effectiveCharacteristics: CompartmentCharacteristics;
  /** Places directly in the compartment, in name order. */
  places: LayoutPlaceView[];
  /** In name order. */
  children: LayoutCompartmentView[];
}

export interface FacilityCountsView {
  /** Open places today, designated and emergency. */
  places: number;
  /** PLC-1: open non-emergency places today (at most the designated capacity). */
  designated: number;
  /** PLC-6: open emergency places today. */
  emergency: number;
}

/** PLC-1: a facility with its whole layout (one tree rooted at the top-level compartment). */
export interface FacilityView extends Omit<FacilitySummaryView, 'placeCount'> {
  counts: FacilityCountsView;
  layout: LayoutCompartmentView;
}

/** PLC-1/PLC-2: a compartment as created or changed. */
export interface CompartmentView extends AuditView {
  compartmentId: string;
  facilityId: string;
  parentId: string | null;
  name: string;
  characteristics: CompartmentCharacteristics;
}

/** PLC-1: a place as listed. */
export interface PlaceView {
  placeId: string;
  facilityId: string;
  compartmentId: string;
  compartmentName: string;
  name: string;
  emergency: boolean;
  closedOn: string | null;
  createdBy: string;
  createdAt: string;
}

/** PLC-1: the places a bulk creation added, by name. */
export interface CreatedPlacesView {
  created: number;
  places: PlaceView[];
}

/** PLC-3: an out-of-service record; a withdrawn one is kept with who withdrew it and when. */
export interface OutOfServiceView {
  outOfServiceId: string;
  facilityId: string;
  placeId: string | null;
  compartmentId: string | null;
  from: string;
  to: string | null;
  reason: string;
  recordedBy: string;
  recordedAt: string;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
}

/** ROLE: a facility manager assigned to a provider. */
export interface AssignmentView {
  userId: string;
  providerId: string;
  assignedBy: string;
  assignedAt: string;
}

/** PLC-2: the administrator's switch. */
export interface CharacteristicSettingsView {
  raceEnabled: boolean;
  religionEnabled: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}
