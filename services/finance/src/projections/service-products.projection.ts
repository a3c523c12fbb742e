import type {
  EventData,
  EventEnvelope,
  ServiceProductSnapshot,
  serviceProductPaymentOptionsChanged,
  serviceProductRateChanged,
} from '@platform/contracts';
import { json, updateNewer, upsertNewer, type EntityManager } from '@platform/persistence';
import { rateColumns } from './money-columns.js';

/**
 * SVC-1 / SVC-3 / SVC-4: what finance needs of a product — its name and unit, how it may be paid
 * (channels and pay-by flags) and its default payment options — from `service-product.created`
 * and `.updated`, which carry the whole product.
 */
export async function projectServiceProduct(
  em: EntityManager,
  envelope: EventEnvelope<ServiceProductSnapshot>,
): Promise<void> {
  const { data } = envelope;
  await upsertNewer(em, 'service_product', ['product_id'], {
    product_id: data.productId,
    name: data.name,
    unit_of_measure: data.unitOfMeasure,
    payment_channels: json(data.paymentChannels),
    pay_based_on_attendance: data.payBasedOnAttendance,
    pay_based_on_placement: data.payBasedOnPlacement,
    payment_options: json(data.paymentOptions),
    occurred_at: envelope.occurredAt,
  });
}

/** SVC-3: the product's default payment options changed (PRV-7 may still override them). */
export async function projectServiceProductPaymentOptions(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof serviceProductPaymentOptionsChanged>>,
): Promise<void> {
  await updateNewer(
    em,
    'service_product',
    { product_id: envelope.data.productId },
    { payment_options: json(envelope.data.paymentOptions) },
    envelope.occurredAt,
  );
}

/**
 * SVC-2 → FIN-7 / FIN-9: a product rate with its effective period. Every change carries the whole
 * rate, so added, ended and removed all write it; a removed rate is kept, marked, because a past
 * payment may have used it (FIN-12 reassessment).
 */
export async function projectServiceProductRate(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof serviceProductRateChanged>>,
): Promise<void> {
  const { data } = envelope;
  const money = rateColumns(data.rate);
  await upsertNewer(em, 'service_product_rate', ['rate_id'], {
    rate_id: data.rate.rateId,
    product_id: data.productId,
    kind: data.rate.kind,
    amount_cents: money.amount,
    minimum_cents: money.minimum,
    maximum_cents: money.maximum,
    effective_from: data.rate.effectiveFrom,
    effective_to: data.rate.effectiveTo,
    removed: data.change === 'removed',
    occurred_at: envelope.occurredAt,
  });
}
