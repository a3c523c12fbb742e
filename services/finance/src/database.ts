import { messagingMigration, OutboxMessage } from '@platform/messaging';
import { openDatabase } from '@platform/persistence';
import { financeProjectionsMigration } from './migrations/projections.migration.js';

/**
 * The finance service's own database (ARCHITECTURE rule 1), migrated on start: the outbox and
 * inbox first, then the projections of the providers service's facts (ADR 0018).
 */
export function openFinanceDatabase(url: string) {
  return openDatabase({
    url,
    entities: [OutboxMessage],
    migrations: [messagingMigration, financeProjectionsMigration],
  });
}
