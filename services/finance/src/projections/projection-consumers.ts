import {
  contractActivated,
  contractAmended,
  contractCancelled,
  contractTerminated,
  PROVIDER_LIFECYCLE_EVENTS,
  providerPaymentDirectionChanged,
  providerServiceAdded,
  providerServiceApproved,
  providerServiceEnded,
  providerServicePaymentOptionsChanged,
  providerServiceRateChanged,
  providerServiceSuspended,
  providerServiceUpdated,
  serviceProductCreated,
  serviceProductPaymentOptionsChanged,
  serviceProductRateChanged,
  serviceProductUpdated,
} from '@platform/contracts';
import { eventConsumer, on } from '@platform/messaging';
import {
  projectContractActivated,
  projectContractAmended,
  projectContractCancelled,
  projectContractTerminated,
} from './contracts.projection.js';
import { projectPaymentDirection } from './payment-direction.projection.js';
import { ProviderGroupProjections } from './provider-groups.projection.js';
import { projectProviderStatus } from './provider-status.projection.js';
import {
  projectProviderServiceApproved,
  projectProviderServiceEnded,
  projectProviderServicePaymentOptions,
  projectProviderServiceRate,
  projectProviderServiceSnapshot,
  projectProviderServiceSuspended,
} from './provider-services.projection.js';
import {
  projectServiceProduct,
  projectServiceProductPaymentOptions,
  projectServiceProductRate,
} from './service-products.projection.js';

/*
 * The providers service's facts finance keeps a copy of (issue 6 "Projections"). Each handler runs
 * in the inbox transaction of its event (ARCHITECTURE rule 2): a redelivery is dropped by the
 * inbox, and a replay into an empty database builds the same rows (ADR 0018).
 */

/** PRV-1 (FIN-4: a provider must be approved to be paid) and PRV-5 payment direction. */
export const ProviderProjections = eventConsumer('ProviderProjections', [
  ...PROVIDER_LIFECYCLE_EVENTS.map((event) => on(event, projectProviderStatus)),
  on(providerPaymentDirectionChanged, projectPaymentDirection),
]);

/** PRV-6 / PRV-7: provider services, keyed by provider on `providers.provider`. */
export const ProviderServiceProjections = eventConsumer('ProviderServiceProjections', [
  on(providerServiceAdded, projectProviderServiceSnapshot),
  on(providerServiceUpdated, projectProviderServiceSnapshot),
  on(providerServiceApproved, projectProviderServiceApproved),
  on(providerServiceSuspended, projectProviderServiceSuspended),
  on(providerServiceEnded, projectProviderServiceEnded),
  on(providerServiceRateChanged, projectProviderServiceRate),
  on(providerServicePaymentOptionsChanged, projectProviderServicePaymentOptions),
]);

/** SVC-1…SVC-4: the registry's products, keyed by product on `providers.service-product`. */
export const ServiceProductProjections = eventConsumer('ServiceProductProjections', [
  on(serviceProductCreated, projectServiceProduct),
  on(serviceProductUpdated, projectServiceProduct),
  on(serviceProductRateChanged, projectServiceProductRate),
  on(serviceProductPaymentOptionsChanged, projectServiceProductPaymentOptions),
]);

/** CTR-3…CTR-7: contract versions, keyed by version on `providers.contract`. */
export const ContractProjections = eventConsumer('ContractProjections', [
  on(contractActivated, projectContractActivated),
  on(contractAmended, projectContractAmended),
  on(contractTerminated, projectContractTerminated),
  on(contractCancelled, projectContractCancelled),
]);

export const PROJECTION_CONSUMERS = [
  ProviderProjections,
  ProviderServiceProjections,
  ServiceProductProjections,
  ProviderGroupProjections,
  ContractProjections,
];
