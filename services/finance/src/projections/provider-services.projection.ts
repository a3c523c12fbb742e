import type {
  EventData,
  EventEnvelope,
  PaymentOptions,
  ProviderServiceRate,
  ProviderServiceSnapshot,
  providerServiceApproved,
  providerServiceEnded,
  providerServicePaymentOptionsChanged,
  providerServiceRateChanged,
  providerServiceSuspended,
} from '@platform/contracts';
import { json, updateNewer, upsertNewer, type EntityManager } from '@platform/persistence';
import { rateColumns } from './money-columns.js';

const TABLE = 'provider_service';

function rate(value: ProviderServiceRate | null) {
  const columns = rateColumns(value);
  return {
    rate_kind: columns.kind,
    rate_amount_cents: columns.amount,
    rate_minimum_cents: columns.minimum,
    rate_maximum_cents: columns.maximum,
  };
}

const paymentOptions = (options: PaymentOptions | null) => ({ payment_options: json(options) });

/**
 * PRV-6: `provider-service.added` and `.updated` carry the whole provider service; the row takes
 * it (status, period, FIN-7's provider-service rate, PRV-7's payment options), keeping the
 * approval day only `.approved` tells.
 */
export async function projectProviderServiceSnapshot(
  em: EntityManager,
  envelope: EventEnvelope<ProviderServiceSnapshot>,
): Promise<void> {
  const { data } = envelope;
  await upsertNewer(
    em,
    TABLE,
    ['provider_service_id'],
    {
      provider_service_id: data.providerServiceId,
      provider_id: data.providerId,
      service_product_id: data.serviceProductId,
      status: data.status,
      from_date: data.from,
      to_date: data.to,
      ...rate(data.rate),
      place_limit: data.placeLimit,
      ...paymentOptions(data.paymentOptions),
      approved_on: null,
      occurred_at: envelope.occurredAt,
    },
    ['approved_on'],
  );
}

const key = (data: { providerServiceId: string }) => ({
  provider_service_id: data.providerServiceId,
});

/** PRV-6: approved (from pending, or after a suspension) on a day. */
export async function projectProviderServiceApproved(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof providerServiceApproved>>,
): Promise<void> {
  await updateNewer(
    em,
    TABLE,
    key(envelope.data),
    { status: 'approved', approved_on: envelope.data.approvedOn },
    envelope.occurredAt,
  );
}

/** PRV-6: suspended; FIN-4 will not find it approved. */
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
    { status: 'ended', to_date: envelope.data.to },
    envelope.occurredAt,
  );
}

/** FIN-7: the provider-service rate (null: the product rate applies). */
export async function projectProviderServiceRate(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof providerServiceRateChanged>>,
): Promise<void> {
  await updateNewer(em, TABLE, key(envelope.data), rate(envelope.data.rate), envelope.occurredAt);
}

/** PRV-7: the provider's payment options, overriding the product's (null: the product's apply). */
export async function projectProviderServicePaymentOptions(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof providerServicePaymentOptionsChanged>>,
): Promise<void> {
  await updateNewer(
    em,
    TABLE,
    key(envelope.data),
    paymentOptions(envelope.data.paymentOptions),
    envelope.occurredAt,
  );
}
