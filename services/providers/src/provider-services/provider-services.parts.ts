import { ProviderServicesController } from './provider-services.controller.js';
import { ProviderServicesService } from './provider-services.service.js';

/** Provider services (PRV-6, PRV-7), registered in the providers module. */
export const PROVIDER_SERVICE_CONTROLLERS = [ProviderServicesController];
export const PROVIDER_SERVICE_SERVICES = [ProviderServicesService];
