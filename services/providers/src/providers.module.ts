import { Module, type DynamicModule } from '@nestjs/common';
import { serviceModule, type ServiceDeps } from '@platform/runtime';
import type { ProvidersConfig } from './config.js';
import { InquiriesController } from './inquiries/inquiries.controller.js';
import { InquiriesService } from './inquiries/inquiries.service.js';
import { InquiryTriageStarter } from './process-starters/inquiry-triage.starter.js';
import { ProviderGroupsController } from './provider-groups/provider-groups.controller.js';
import { ProviderGroupsService } from './provider-groups/provider-groups.service.js';
import {
  PROVIDER_MEMBER_CONTROLLERS,
  PROVIDER_MEMBER_SERVICES,
} from './provider-members/provider-members.controllers.js';
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
        ProviderGroupsController,
        InquiryTriageStarter,
        ...SERVICE_REGISTRY_CONTROLLERS,
        ...PROVIDER_MEMBER_CONTROLLERS,
      ],
      providers: [
        InquiriesService,
        ProvidersService,
        ProviderGroupsService,
        ...SERVICE_REGISTRY_SERVICES,
        ...PROVIDER_MEMBER_SERVICES,
        { provide: INQUIRY_DECISION_DAYS, useValue: deps.config.INQUIRY_DECISION_DAYS },
      ],
    });
  }
}
