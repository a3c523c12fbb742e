import { openDatabase } from '@platform/persistence';
import { tasksMigration } from './migrations/tasks.migration.js';
import { TaskHistory } from './tasks/task-history.entity.js';
import { Task } from './tasks/task.entity.js';

/** The tasks service's own database, migrated on start. */
export function openTasksDatabase(url: string) {
  return openDatabase({ url, entities: [Task, TaskHistory], migrations: [tasksMigration] });
}
