import { Module, type DynamicModule } from '@nestjs/common';
import { serviceModule, type ServiceDeps } from '@platform/runtime';
import type { ProvidersConfig } from './config.js';
import { InquiriesController } from './inquiries/inquiries.controller.js';
import { InquiriesService } from './inquiries/inquiries.service.js';
import { InquiryTriageStarter } from './process-starters/inquiry-triage.starter.js';
import { ProvidersService } from './providers/provider-management.service.js';
import { ProvidersController } from './providers/providers.controller.js';
import {
  SERVICE_REGISTRY_CONTROLLERS,
  SERVICE_REGISTRY_SERVICES,
} from './service-registry/service-registry.parts.js';
import { INQUIRY_DECISION_DAYS } from './tokens.js';

@Module({})
export class ProvidersModule {
  static register(deps: ServiceDeps & { config: ProvidersConfig }): DynamicModule {
    return serviceModule(ProvidersModule, deps, {
      controllers: [
        InquiriesController,
        ProvidersController,
        InquiryTriageStarter,
        ...SERVICE_REGISTRY_CONTROLLERS,
      ],
      providers: [
        InquiriesService,
        ProvidersService,
        ...SERVICE_REGISTRY_SERVICES,
        { provide: INQUIRY_DECISION_DAYS, useValue: deps.config.INQUIRY_DECISION_DAYS },
      ],
    });
  }
}
