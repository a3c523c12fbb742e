import type { CalendarDate } from '@platform/kernel';
import {
  effectiveCharacteristicsIndex,
  indexFacilityLayout,
  isDesignatedPlaceOn,
  isPlaceOpenOn,
  placesOutOfService,
  type Compartment,
} from '../domain/index.js';
import type { LoadedFacility } from '../shared/facility-facts.js';
import type {
  FacilityCountsView,
  LayoutCompartmentView,
  LayoutPlaceView,
} from './facility.views.js';

/**
 * PLC-1…PLC-3: the facility's layout as a nested tree from its top-level compartment, each
 * compartment with its own and effective characteristics and its places with what keeps them
 * from being chosen `today`, plus the counts. Built from the set-based facts (no query per
 * compartment), indexed once by the domain.
 */
export function layoutView(
  facts: LoadedFacility,
  today: CalendarDate,
): { layout: LayoutCompartmentView; counts: FacilityCountsView } {
  const layout = indexFacilityLayout(facts.compartments, facts.places);
  const effective = effectiveCharacteristicsIndex(layout);
  const outToday = placesOutOfService(
    facts.places,
    facts.outOfService,
    { start: today, end: today },
    layout,
  );

  const view = (compartment: Compartment): LayoutCompartmentView => ({
    compartmentId: compartment.compartmentId,
    parentId: compartment.parentId,
    name: compartment.name,
    characteristics: compartment.characteristics,
    effectiveCharacteristics: effective(compartment.compartmentId),
    places: layout.placesIn(compartment.compartmentId).map((place): LayoutPlaceView => ({
      placeId: place.placeId,
      name: place.name,
      emergency: place.emergency,
      closedOn: place.closedOn,
      outOfServiceToday: outToday.has(place.placeId),
    })),
    children: layout.childrenOf(compartment.compartmentId).map(view),
  });

  // PLC-1 keeps exactly one root (checked on every layout change).
  const root = facts.compartments.find((compartment) => compartment.parentId === null);
  if (root === undefined) throw new Error(`facility ${facts.facility.facilityId} has no root`);
  const open = facts.places.filter((place) => isPlaceOpenOn(place, today));
  const designated = open.filter((place) => isDesignatedPlaceOn(place, today)).length;
  return {
    layout: view(root),
    counts: { places: open.length, designated, emergency: open.length - designated },
  };
}
