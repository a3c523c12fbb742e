import { messagingMigration, OutboxMessage } from '@platform/messaging';
import { openDatabase } from '@platform/persistence';
import { Inquiry } from './inquiries/inquiry.entity.js';
import { inquiriesMigration } from './migrations/inquiries.migration.js';
import { providerLifecycleMigration } from './migrations/provider-lifecycle.migration.js';
import { providerMembersMigration } from './migrations/provider-members.migration.js';
import { PROVIDER_MEMBER_ENTITIES } from './provider-members/provider-members.entities.js';
import { ProviderStatusChange } from './providers/provider-status-change.entity.js';
import { Provider } from './providers/provider.entity.js';
import { serviceRegistryMigration } from './migrations/service-registry.migration.js';
import { SERVICE_REGISTRY_ENTITIES } from './service-registry/service-registry.entities.js';
import { providerGroupsMigration } from './migrations/provider-groups.migration.js';
import { PROVIDER_GROUP_ENTITIES } from './provider-groups/provider-group.entities.js';

/** The providers service's own database (ARCHITECTURE rule 1), migrated on start. */
export function openProvidersDatabase(url: string) {
  return openDatabase({
    url,
    entities: [
      Inquiry,
      Provider,
      ProviderStatusChange,
      ...SERVICE_REGISTRY_ENTITIES,
      ...PROVIDER_MEMBER_ENTITIES,
      ...PROVIDER_GROUP_ENTITIES,
      OutboxMessage,
    ],
    migrations: [
      messagingMigration,
      inquiriesMigration,
      providerLifecycleMigration,
      serviceRegistryMigration,
      providerGroupsMigration,
      providerMembersMigration,
    ],
  });
}
