import { AbsenceReasonsController } from './absence-reasons/absence-reasons.controller.js';
import { AbsenceReasonsService } from './absence-reasons/absence-reasons.service.js';
import { PaymentOptionsController } from './payment-options/payment-options.controller.js';
import { PaymentOptionsService } from './payment-options/payment-options.service.js';
import { RatesController } from './rates/rates.controller.js';
import { RatesService } from './rates/rates.service.js';
import { ServiceGroupsController } from './service-groups/service-groups.controller.js';
import { ServiceGroupsService } from './service-groups/service-groups.service.js';
import { ServiceProductsController } from './service-products/service-products.controller.js';
import { ServiceProductsService } from './service-products/service-products.service.js';

/** The service registry's HTTP API (SVC), registered in the providers module. */
export const SERVICE_REGISTRY_CONTROLLERS = [
  ServiceProductsController,
  RatesController,
  PaymentOptionsController,
  ServiceGroupsController,
  AbsenceReasonsController,
];

export const SERVICE_REGISTRY_SERVICES = [
  ServiceProductsService,
  RatesService,
  PaymentOptionsService,
  ServiceGroupsService,
  AbsenceReasonsService,
];
