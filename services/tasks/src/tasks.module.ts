import { Module, type DynamicModule } from '@nestjs/common';
import { serviceModule, type ServiceDeps } from '@platform/runtime';
import type { TasksConfig } from './config.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { QueuesController } from './queues/queues.controller.js';
import { QueuesService } from './queues/queues.service.js';
import { AssignmentNotifier } from './tasks/assignment-signal.js';
import { DecisionSender } from './tasks/decision-sender.js';
import { TasksController } from './tasks/tasks.controller.js';
import { TasksService } from './tasks/tasks.service.js';

@Module({})
export class TasksModule {
  static register(deps: ServiceDeps & { config: TasksConfig }): DynamicModule {
    return serviceModule(TasksModule, deps, {
      controllers: [QueuesController, TasksController, NotificationsController],
      providers: [
        QueuesService,
        TasksService,
        DecisionSender,
        AssignmentNotifier,
        NotificationsService,
      ],
    });
  }
}
