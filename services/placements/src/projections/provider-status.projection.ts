import { PROVIDER_STATUS_AFTER, type EventEnvelope } from '@platform/contracts';
import { upsertNewer, type EntityManager } from '@platform/persistence';

type LifecycleData = { providerId: string; name?: string; reason?: string | null };

/**
 * PRV-1 → issue 7: the provider's current status, which decides whether it takes new reservations
 * and placements (shared/provider-access.ts). The name comes only with `provider.enrolled`; the
 * other events keep it. An older event never overwrites a newer one (ADR 0018's pattern).
 */
export async function projectProviderStatus(
  em: EntityManager,
  envelope: EventEnvelope<LifecycleData>,
): Promise<void> {
  const status = PROVIDER_STATUS_AFTER[envelope.type];
  if (!status) throw new Error(`${envelope.type} is not a provider lifecycle event`);
  const name = envelope.data.name ?? null;
  await upsertNewer(
    em,
    'provider_status',
    ['provider_id'],
    {
      provider_id: envelope.data.providerId,
      name,
      status,
      reason: envelope.data.reason ?? null,
      occurred_at: envelope.occurredAt,
    },
    name === null ? ['name'] : [],
  );
}
