import { Module, type DynamicModule } from '@nestjs/common';
import { serviceModule, type ServiceDeps } from '@platform/runtime';
import type { ProvidersConfig } from './config.js';
import { InquiriesController } from './inquiries/inquiries.controller.js';
import { InquiriesService } from './inquiries/inquiries.service.js';
import { InquiryTriageStarter } from './process-starters/inquiry-triage.starter.js';
import { ProvidersController } from './providers/providers.controller.js';
import { INQUIRY_DECISION_DAYS } from './tokens.js';

@Module({})
export class ProvidersModule {
  static register(deps: ServiceDeps & { config: ProvidersConfig }): DynamicModule {
    return serviceModule(ProvidersModule, deps, {
      controllers: [InquiriesController, ProvidersController, InquiryTriageStarter],
      providers: [
        InquiriesService,
        { provide: INQUIRY_DECISION_DAYS, useValue: deps.config.INQUIRY_DECISION_DAYS },
      ],
    });
  }
}
