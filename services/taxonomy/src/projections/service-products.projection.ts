import type { EventEnvelope, ServiceProductSnapshot } from '@platform/contracts';
import { upsertNewer, type EntityManager } from '@platform/persistence';

/**
 * SVC-1: the product's name, the public name of the provider services delivering it (search
 * results, the HSDS export's service name). The registry's products carry no description.
 */
export async function projectServiceProduct(
  em: EntityManager,
  envelope: EventEnvelope<ServiceProductSnapshot>,
): Promise<void> {
  const { data } = envelope;
  await upsertNewer(em, 'service_product', ['service_product_id'], {
    service_product_id: data.productId,
    name: data.name,
    unit_of_measure: data.unitOfMeasure,
    occurred_at: envelope.occurredAt,
  });
}
