import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '@platform/kernel';
import { Licence, LicenceType } from '../licences/licence.entities.js';
import { ProviderService } from '../provider-services/provider-service.entity.js';
import { Provider } from '../providers/provider.entity.js';
import { ServiceProduct } from '../service-registry/service-products/service-product.entity.js';
import { recordsById } from '../shared/lookup.js';
import type { ActivationFacts } from './contract-rules.js';
import { currentDocument, signatureOn } from './contract-for-process.js';
import type { ContractTermsState } from './contract-terms-state.js';
import type { ContractRecord } from './contract.entities.js';

const FOR_SHARE = { lockMode: LockMode.PESSIMISTIC_READ } as const;

/**
 * CRD-2, as SVC-7's licence criterion decides it: the codes of the types of the provider's
 * licences valid on the day — approved, and the day within their periods (from the first period's
 * start to the current period's end; renewals keep the periods contiguous).
 */
async function validLicenceTypeCodes(
  em: EntityManager,
  providerId: string,
  onDate: CalendarDate,
): Promise<string[]> {
  const licences = await em.find(
    Licence,
    { providerId, status: 'approved', validFrom: { $lte: onDate }, periodTo: { $gte: onDate } },
    FOR_SHARE,
  );
  const types = await recordsById(
    em,
    LicenceType,
    licences.map((licence) => licence.licenceTypeId),
  );
  return [...types.values()].map((type) => type.code);
}

/**
 * CTR-2 / CTR-4: what activation needs to know, read where the facts live (ADR 0015) in the
 * transaction that activates. The provider, its covered services and its licences are read
 * `for share`, so a suspension or a licence expiry either commits first (and is seen) or waits for
 * the activation: none can slip between the check and the activation.
 */
export async function activationFacts(
  em: EntityManager,
  contract: ContractRecord,
  terms: ContractTermsState,
  onDate: CalendarDate,
): Promise<ActivationFacts> {
  const provider = await em.findOneOrFail(Provider, { id: contract.providerId }, FOR_SHARE);
  const services =
    terms.coveredProviderServiceIds.length === 0
      ? []
      : await em.find(
          ProviderService,
          { id: { $in: terms.coveredProviderServiceIds } },
          { ...FOR_SHARE, orderBy: { id: 'asc' } },
        );
  const products = await recordsById(
    em,
    ServiceProduct,
    services.map((service) => service.serviceProductId),
  );
  const document = await currentDocument(em, contract.id);
  return {
    providerStatus: provider.status,
    coveredServices: services.map((service) => ({
      id: service.id,
      name: products.get(service.serviceProductId)?.name ?? service.id,
      status: service.status,
    })),
    requiredLicenceTypes: terms.requiredLicenceTypeCodes,
    validLicenceTypes: await validLicenceTypeCodes(em, contract.providerId, onDate),
    signedCurrentDocument: document !== null && (await signatureOn(em, document.id)) !== null,
  };
}
