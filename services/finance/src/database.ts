import { messagingMigration, OutboxMessage } from '@platform/messaging';
import { openDatabase } from '@platform/persistence';
import { financeCoreMigration } from './migrations/finance-core.migration.js';
import { financeProjectionsMigration } from './migrations/projections.migration.js';

/**
 * The finance service's own database (ARCHITECTURE rule 1), migrated on start: the outbox and
 * inbox first, then the projections of the providers service's facts (ADR 0018), then finance's own
 * records: clients and cases, authorizations, invoices, payments (ADR 0019).
 */
export function openFinanceDatabase(url: string) {
  return openDatabase({
    url,
    entities: [OutboxMessage],
    migrations: [messagingMigration, financeProjectionsMigration, financeCoreMigration],
  });
}
