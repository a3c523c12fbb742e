// Public surface of the placements service package (issue 7): the service and its pure domain
// rules (ADR 0020).
export { startPlacementsService } from './placements.service-runtime.js';
export { loadPlacementsConfig, type PlacementsConfig } from './config.js';
export * from './domain/index.js';
