import { Module, type DynamicModule } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { AuthModule } from '@platform/auth';
import { HealthModule } from '@platform/http';
import type { ServiceDeps } from '@platform/runtime';
import type { ProvidersConfig } from './config.js';
import { InquiriesController } from './inquiries/inquiries.controller.js';
import { InquiriesService } from './inquiries/inquiries.service.js';
import { InquiryTriageStarter } from './process-starters/inquiry-triage.starter.js';
import { ProvidersController } from './providers/providers.controller.js';
import { INQUIRY_DECISION_DAYS } from './tokens.js';

export interface ProvidersModuleDeps extends ServiceDeps {
  config: ProvidersConfig;
}

@Module({})
export class ProvidersModule {
  static register(deps: ProvidersModuleDeps): DynamicModule {
    return {
      module: ProvidersModule,
      imports: [
        AuthModule.forRoot({
          jwksUrl: deps.config.AUTH_JWKS_URL,
          issuer: deps.config.AUTH_ISSUER,
          audience: deps.config.AUTH_AUDIENCE,
        }),
        HealthModule.forChecks(() => deps.healthChecks),
      ],
      controllers: [InquiriesController, ProvidersController, InquiryTriageStarter],
      providers: [
        InquiriesService,
        { provide: MikroORM, useValue: deps.orm },
        { provide: Client, useValue: deps.temporal },
        { provide: INQUIRY_DECISION_DAYS, useValue: deps.config.INQUIRY_DECISION_DAYS },
      ],
    };
  }
}
