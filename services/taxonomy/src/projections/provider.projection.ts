import {
  PROVIDER_STATUS_AFTER,
  type EventData,
  type EventEnvelope,
  type providerClassified,
} from '@platform/contracts';
import { upsertNewer, type EntityManager } from '@platform/persistence';

type LifecycleData = { providerId: string; name?: string };

/**
 * PRV-1: the provider's name and lifecycle status — search and the export offer only providers a
 * directory may name (search/directory-scope.ts). The name comes only with `provider.enrolled`;
 * the other lifecycle events keep it.
 */
export async function projectProviderLifecycle(
  em: EntityManager,
  envelope: EventEnvelope<LifecycleData>,
): Promise<void> {
  const status = PROVIDER_STATUS_AFTER[envelope.type];
  if (!status) throw new Error(`${envelope.type} is not a provider lifecycle event`);
  const name = envelope.data.name ?? null;
  await upsertNewer(
    em,
    'provider',
    ['provider_id'],
    { provider_id: envelope.data.providerId, name, status, occurred_at: envelope.occurredAt },
    name === null ? ['name'] : [],
  );
}

/** PRV-3: the provider's category and type, which search filters on (`category`). */
export async function projectProviderClassified(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof providerClassified>>,
): Promise<void> {
  const { data } = envelope;
  await upsertNewer(em, 'provider_classification', ['provider_id'], {
    provider_id: data.providerId,
    category_code: data.categoryCode,
    category_name: data.categoryName,
    type_code: data.typeCode,
    type_name: data.typeName,
    occurred_at: envelope.occurredAt,
  });
}
