/**
 * The workflow-safe part of the contracts: message definitions, activity interfaces, task queue and
 * search-attribute names. No Node built-ins and no validation libraries, so workflow bundles stay
 * deterministic and small.
 */
export * from './roles.js';
export * from './task-queues.js';
export * from './search-attributes.js';
export * from './activities/tasks.activities.js';
export * from './activities/providers.activities.js';
export * from './activities/finance.activities.js';
export * from './activities/placements.activities.js';
export * from './activities/taxonomy.activities.js';
export * from './workflows/task-decision.js';
export * from './workflows/inquiry-triage.messages.js';
export * from './workflows/task-assignment.js';
export * from './workflows/home-study-approval.messages.js';
export * from './workflows/licence-renewal.messages.js';
export * from './workflows/contract-approval.messages.js';
export * from './workflows/invoice-exception.messages.js';
export * from './workflows/reservation-expiry.messages.js';
export * from './workflows/waitlist-offer.messages.js';
export * from './workflows/taxonomy-review.messages.js';
