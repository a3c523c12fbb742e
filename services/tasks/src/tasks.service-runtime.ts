import { TaskQueues } from '@platform/contracts';
import type { RunningService } from '@platform/http';
import { startService } from '@platform/runtime';
import type { TasksConfig } from './config.js';
import { openTasksDatabase } from './database.js';
import { taskMailerFrom } from './notifications/task-mailer.js';
import { createTasksActivities } from './tasks/task-activities.js';
import { TasksModule } from './tasks.module.js';

/** The tasks service: work queues and human tasks, and the activities workflows create them with. */
export function startTasksService(config: TasksConfig): Promise<RunningService> {
  const mailer = taskMailerFrom(config);
  return startService({
    name: 'tasks',
    title: 'Tasks service',
    description:
      'Work queues and human tasks; decisions are sent to the owning process; reminders and ' +
      'escalations reach people in the in-app feed and by email.',
    config,
    openDatabase: openTasksDatabase,
    activities: {
      taskQueue: TaskQueues.tasksActivities,
      create: (orm) => createTasksActivities(orm, mailer),
    },
    module: (deps) => TasksModule.register({ ...deps, config }),
    // The SMTP transport closes with the service.
    extensions: () => Promise.resolve(mailer ? [{ stop: async () => mailer.close() }] : []),
  });
}
