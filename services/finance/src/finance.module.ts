import { Module, type DynamicModule } from '@nestjs/common';
import { serviceModule, type ServiceDeps } from '@platform/runtime';
import {
  AUTHORIZATIONS_CONTROLLERS,
  AUTHORIZATIONS_PROVIDERS,
} from './authorizations/authorizations.parts.js';
import type { FinanceConfig } from './config.js';
import { EXCEPTIONS_CONTROLLERS, EXCEPTIONS_PROVIDERS } from './exceptions/exceptions.parts.js';
import { FINANCE_CONFIG } from './finance-config.token.js';
import { INVOICES_CONTROLLERS, INVOICES_PROVIDERS } from './invoices/invoices.parts.js';
import {
  PARTICIPANTS_CONTROLLERS,
  PARTICIPANTS_PROVIDERS,
} from './participants/participants.parts.js';
import { PAYMENTS_CONTROLLERS, PAYMENTS_PROVIDERS } from './payments/payments.parts.js';
import { PROCESSING_CONTROLLERS, PROCESSING_PROVIDERS } from './processing/processing.parts.js';
import { PROJECTION_CONSUMERS } from './projections/projection-consumers.js';
import { ProjectionsController } from './projections/projections.controller.js';

@Module({})
export class FinanceModule {
  static register(deps: ServiceDeps & { config: FinanceConfig }): DynamicModule {
    return serviceModule(FinanceModule, deps, {
      controllers: [
        ProjectionsController,
        ...PROJECTION_CONSUMERS,
        ...PARTICIPANTS_CONTROLLERS,
        ...AUTHORIZATIONS_CONTROLLERS,
        ...INVOICES_CONTROLLERS,
        ...PROCESSING_CONTROLLERS,
        ...EXCEPTIONS_CONTROLLERS,
        ...PAYMENTS_CONTROLLERS,
      ],
      providers: [
        { provide: FINANCE_CONFIG, useValue: deps.config },
        ...PARTICIPANTS_PROVIDERS,
        ...AUTHORIZATIONS_PROVIDERS,
        ...INVOICES_PROVIDERS,
        ...PROCESSING_PROVIDERS,
        ...EXCEPTIONS_PROVIDERS,
        ...PAYMENTS_PROVIDERS,
      ],
    });
  }
}
