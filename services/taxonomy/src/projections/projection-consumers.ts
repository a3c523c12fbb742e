import {
  PROVIDER_LIFECYCLE_EVENTS,
  providerClassified,
  providerServiceAdded,
  providerServiceApproved,
  providerServiceCentreAdded,
  providerServiceCentreClosed,
  providerServiceCentreUpdated,
  providerServiceEnded,
  providerServiceSuspended,
  providerServiceUpdated,
  serviceProductCreated,
  serviceProductUpdated,
} from '@platform/contracts';
import { eventConsumer, on } from '@platform/messaging';
import { projectProviderClassified, projectProviderLifecycle } from './provider.projection.js';
import {
  projectProviderServiceSnapshot,
  projectProviderServiceStatus,
} from './provider-services.projection.js';
import { projectServiceCentre } from './service-centres.projection.js';
import { projectServiceProduct } from './service-products.projection.js';

/*
 * The providers service's facts the taxonomy service keeps a copy of (ARCHITECTURE rule 1): what
 * TAX-8 indexes and TAX-9 search and the HSDS export show. Each handler runs in the inbox
 * transaction of its event (rule 2): a redelivery is dropped by the inbox, and an older event
 * never overwrites a newer one.
 */

/** PRV-1 / PRV-3: providers with their name, status and category. */
export const ProviderProjections = eventConsumer('ProviderProjections', [
  ...PROVIDER_LIFECYCLE_EVENTS.map((event) => on(event, projectProviderLifecycle)),
  on(providerClassified, projectProviderClassified),
]);

/** PRV-6: provider services with their product and status. */
export const ProviderServiceProjections = eventConsumer('TaxonomyProviderServiceProjections', [
  on(providerServiceAdded, projectProviderServiceSnapshot),
  on(providerServiceUpdated, projectProviderServiceSnapshot),
  on(providerServiceApproved, projectProviderServiceStatus('approved')),
  on(providerServiceSuspended, projectProviderServiceStatus('suspended')),
  on(providerServiceEnded, projectProviderServiceStatus('ended')),
]);

/** SVC-1: product names. */
export const ServiceProductProjections = eventConsumer('TaxonomyServiceProductProjections', [
  on(serviceProductCreated, projectServiceProduct),
  on(serviceProductUpdated, projectServiceProduct),
]);

/** PRV-3: service centres, the location text of search. */
export const ServiceCentreProjections = eventConsumer('ServiceCentreProjections', [
  on(providerServiceCentreAdded, projectServiceCentre),
  on(providerServiceCentreUpdated, projectServiceCentre),
  on(providerServiceCentreClosed, projectServiceCentre),
]);

export const PROJECTION_CONSUMERS = [
  ProviderProjections,
  ProviderServiceProjections,
  ServiceProductProjections,
  ServiceCentreProjections,
];
