import { messagingMigration, OutboxMessage } from '@platform/messaging';
import { openDatabase } from '@platform/persistence';
import { Inquiry } from './inquiries/inquiry.entity.js';
import { inquiriesMigration } from './migrations/inquiries.migration.js';
import { Provider } from './providers/provider.entity.js';

/** The providers service's own database (ARCHITECTURE rule 1), migrated on start. */
export function openProvidersDatabase(url: string) {
  return openDatabase({
    url,
    entities: [Inquiry, Provider, OutboxMessage],
    migrations: [messagingMigration, inquiriesMigration],
  });
}
