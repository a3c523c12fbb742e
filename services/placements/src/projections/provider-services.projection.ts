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

const key = (data: { providerServiceId: string }) => ({
  provider_service_id: data.providerServiceId,
});

/**
 * PRV-6 / PLC-8: `provider-service.added` and `.updated` carry the whole provider service; the row
 * keeps what placements needs of it — its period, status and per-service place limit.
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
    place_limit: data.placeLimit,
    occurred_at: envelope.occurredAt,
  });
}

/** PRV-6: approved, from pending or after a suspension. */
export async function projectProviderServiceApproved(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof providerServiceApproved>>,
): Promise<void> {
  await updateNewer(em, TABLE, key(envelope.data), { status: 'approved' }, envelope.occurredAt);
}

/** PRV-6: suspended. */
export async function projectProviderServiceSuspended(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof providerServiceSuspended>>,
): Promise<void> {
  await updateNewer(em, TABLE, key(envelope.data), { status: 'suspended' }, envelope.occurredAt);
}

/** PRV-6: ended, with its last day (null: it was open-ended and no day was given). */
export async function projectProviderServiceEnded(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof providerServiceEnded>>,
): Promise<void> {
  await updateNewer(
    em,
    TABLE,
    key(envelope.data),
    { status: 'ended', ends_on: envelope.data.to },
    envelope.occurredAt,
  );
}
