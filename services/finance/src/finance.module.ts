import { Module, type DynamicModule } from '@nestjs/common';
import { serviceModule, type ServiceDeps } from '@platform/runtime';
import type { FinanceConfig } from './config.js';
import { PROJECTION_CONSUMERS } from './projections/projection-consumers.js';
import { ProjectionsController } from './projections/projections.controller.js';

@Module({})
export class FinanceModule {
  static register(deps: ServiceDeps & { config: FinanceConfig }): DynamicModule {
    return serviceModule(FinanceModule, deps, {
      controllers: [ProjectionsController, ...PROJECTION_CONSUMERS],
      providers: [],
    });
  }
}
