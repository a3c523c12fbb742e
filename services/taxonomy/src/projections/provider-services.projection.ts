import type {
  EventData,
  EventEnvelope,
  ProviderServiceSnapshot,
  providerServiceApproved,
  providerServiceEnded,
  providerServiceSuspended,
} from '@platform/contracts';
import { updateNewer, upsertNewer, type EntityManager } from '@platform/persistence';

const TABLE = 'provider_service';

type StatusEvent =
  | EventData<typeof providerServiceApproved>
  | EventData<typeof providerServiceSuspended>
  | EventData<typeof providerServiceEnded>;

/**
 * PRV-6: `provider-service.added` and `.updated` carry the whole provider service; TAX-8 indexes
 * the services known here, and search offers only approved ones.
 */
export async function projectProviderServiceSnapshot(
  em: EntityManager,
  envelope: EventEnvelope<ProviderServiceSnapshot>,
): Promise<void> {
  const { data } = envelope;
  await upsertNewer(em, TABLE, ['provider_service_id'], {
    provider_service_id: data.providerServiceId,
    provider_id: data.providerId,
    service_product_id: data.serviceProductId,
    status: data.status,
    starts_on: data.from,
    ends_on: data.to,
    occurred_at: envelope.occurredAt,
  });
}

/** PRV-6: approved, suspended or ended — the status the event names. */
export function projectProviderServiceStatus(status: 'approved' | 'suspended' | 'ended') {
  return async (em: EntityManager, envelope: EventEnvelope<StatusEvent>): Promise<void> => {
    const changes: Record<string, string | null> = { status };
    if ('to' in envelope.data) changes.ends_on = envelope.data.to;
    await updateNewer(
      em,
      TABLE,
      { provider_service_id: envelope.data.providerServiceId },
      changes,
      envelope.occurredAt,
    );
  };
}
