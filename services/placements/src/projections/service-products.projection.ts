import type { EventEnvelope, ServiceProductSnapshot } from '@platform/contracts';
import { upsertNewer, type EntityManager } from '@platform/persistence';

/**
 * SVC-5: whether a placement of the product creates a service authorization
 * (`placement.started`'s createsServiceAuthorization), with the product's name and unit, from
 * `service-product.created` and `.updated`, which carry the whole product.
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
    prevent_authorization_from_placement: data.preventAuthorizationFromPlacement,
    occurred_at: envelope.occurredAt,
  });
}
