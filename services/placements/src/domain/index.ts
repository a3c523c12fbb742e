// The placement rules (ADR 0020): pure functions over looked-up facts, one file per rule family.
export * from './layout.types.js';
export * from './rule-failure.js';
export * from './reservations.js';
export * from './reservation-confirmation.js';
export * from './placements.js';
export * from './emergency-places.js';
export * from './transfers.js';
export * from './facility-layout.js';
export * from './characteristics.js';
export * from './out-of-service.js';
export * from './place-limits.js';
export * from './availability.js';
