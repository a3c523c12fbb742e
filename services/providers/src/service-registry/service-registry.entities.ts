import { AbsenceReason } from './absence-reasons/absence-reason.entity.js';
import { ServiceProductRate } from './rates/service-product-rate.entity.js';
import { ServiceGroup } from './service-groups/service-group.entity.js';
import { ServiceProduct } from './service-products/service-product.entity.js';

/** The service registry's tables (SVC), for the providers database. */
export const SERVICE_REGISTRY_ENTITIES = [
  ServiceGroup,
  ServiceProduct,
  ServiceProductRate,
  AbsenceReason,
];
