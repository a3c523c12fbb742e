/** Injection token of the placements service's configuration (PlacementsConfig). */
export const PLACEMENTS_CONFIG = Symbol('PLACEMENTS_CONFIG');
