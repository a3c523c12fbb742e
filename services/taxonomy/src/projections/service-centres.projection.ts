import type {
  EventData,
  EventEnvelope,
  providerServiceCentreAdded,
  providerServiceCentreClosed,
} from '@platform/contracts';
import { upsertNewer, type EntityManager } from '@platform/persistence';

type CentreData = EventData<typeof providerServiceCentreAdded>;

/**
 * PRV-3: a provider's service centres — the location text search filters on (TAX-9 `location`).
 * Every centre event carries the whole centre, so each overwrites the row; `.closed` marks it
 * closed from the day after `to`.
 */
export async function projectServiceCentre(
  em: EntityManager,
  envelope: EventEnvelope<CentreData | EventData<typeof providerServiceCentreClosed>>,
): Promise<void> {
  const { data } = envelope;
  await upsertNewer(em, 'service_centre', ['service_centre_id'], {
    service_centre_id: data.serviceCentreId,
    provider_id: data.providerId,
    name: data.name,
    address_line1: data.addressLine1,
    address_line2: data.addressLine2,
    city: data.city,
    region: data.region,
    postal_code: data.postalCode,
    phone: data.phone,
    starts_on: data.from,
    ends_on: data.to,
    closed: envelope.type === 'provider-service-centre.closed',
    occurred_at: envelope.occurredAt,
  });
}
