import { messagingMigration, OutboxMessage } from '@platform/messaging';
import { openDatabase } from '@platform/persistence';
import { placementsAllocationMigration } from './migrations/allocation.migration.js';
import { placementsAvailabilityIndexesMigration } from './migrations/availability-indexes.migration.js';
import { placementsCoreMigration } from './migrations/placements-core.migration.js';
import { placementsProjectionsMigration } from './migrations/projections.migration.js';

/**
 * The placements service's own database (ARCHITECTURE rule 1), migrated on start: the outbox and
 * inbox, the projections of the providers service's facts, then its own records (ADR 0020).
 */
export function openPlacementsDatabase(url: string) {
  return openDatabase({
    url,
    entities: [OutboxMessage],
    migrations: [
      messagingMigration,
      placementsProjectionsMigration,
      placementsCoreMigration,
      placementsAllocationMigration,
      placementsAvailabilityIndexesMigration,
    ],
  });
}
