import { Module, type DynamicModule } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { AuthModule } from '@platform/auth';
import { HealthModule } from '@platform/http';
import type { ServiceDeps } from '@platform/runtime';
import type { TasksConfig } from './config.js';
import { DecisionSender } from './tasks/decision-sender.js';
import { TasksController } from './tasks/tasks.controller.js';
import { TasksService } from './tasks/tasks.service.js';

export interface TasksModuleDeps extends ServiceDeps {
  config: TasksConfig;
}

@Module({})
export class TasksModule {
  static register(deps: TasksModuleDeps): DynamicModule {
    return {
      module: TasksModule,
      imports: [
        AuthModule.forRoot({
          jwksUrl: deps.config.AUTH_JWKS_URL,
          issuer: deps.config.AUTH_ISSUER,
          audience: deps.config.AUTH_AUDIENCE,
        }),
        HealthModule.forChecks(() => deps.healthChecks),
      ],
      controllers: [TasksController],
      providers: [
        TasksService,
        DecisionSender,
        { provide: MikroORM, useValue: deps.orm },
        { provide: Client, useValue: deps.temporal },
      ],
    };
  }
}
