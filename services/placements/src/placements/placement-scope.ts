import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';

/** What a placement is held under: provider service, its product (SVC-5) and contract (PLC-8). */
export interface PlacementScope {
  providerServiceId: string | null;
  serviceProductId: string | null;
  contractId: string | null;
}

/**
 * PRV-6/PLC-8: the provider service and contract a request names must be the provider's (read
 * from the projections of the providers and contracts services); the product defaults to the
 * provider service's. 422 naming the field otherwise.
 */
export async function resolvePlacementScope(
  em: EntityManager,
  providerId: string,
  request: { providerServiceId?: string; serviceProductId?: string; contractId?: string },
): Promise<PlacementScope> {
  let serviceProductId = request.serviceProductId ?? null;
  if (request.providerServiceId !== undefined) {
    const [service] = await em.execute<{ providerId: string; productId: string }[]>(
      `select provider_id as "providerId", service_product_id as "productId"
         from provider_service where provider_service_id = ?`,
      [request.providerServiceId],
    );
    if (!service || service.providerId !== providerId) {
      refuse({
        rule: 'PRV-6',
        field: 'providerServiceId',
        message: `provider service ${request.providerServiceId} is not a service of provider ${providerId}`,
      });
    }
    if (serviceProductId !== null && serviceProductId !== service.productId) {
      refuse({
        rule: 'PRV-6',
        field: 'serviceProductId',
        message: `provider service ${request.providerServiceId} delivers product ${service.productId}, not ${serviceProductId}`,
      });
    }
    serviceProductId = service.productId;
  }
  if (request.contractId !== undefined) {
    const [contract] = await em.execute<{ found: boolean }[]>(
      `select true as found from contract_version
        where contract_id = ? and status = 'active'
          and (provider_id = ? or ? = any (bound_provider_ids))`,
      [request.contractId, providerId, providerId],
    );
    if (!contract) {
      refuse({
        rule: 'PLC-8',
        field: 'contractId',
        message: `contract ${request.contractId} is not an active contract binding provider ${providerId}`,
      });
    }
  }
  return {
    providerServiceId: request.providerServiceId ?? null,
    serviceProductId,
    contractId: request.contractId ?? null,
  };
}
