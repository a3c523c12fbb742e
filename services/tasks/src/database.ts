import { openDatabase } from '@platform/persistence';
import { contractQueuesMigration } from './migrations/contract-queues.migration.js';
import { taskNotificationsMigration } from './migrations/notifications.migration.js';
import { tasksMigration } from './migrations/tasks.migration.js';
import { taxonomyReviewQueueMigration } from './migrations/taxonomy-review-queue.migration.js';
import { waitlistOfferQueueMigration } from './migrations/waitlist-offer-queue.migration.js';
import { workQueuesMigration } from './migrations/work-queues.migration.js';
import { FeedNotification, NotificationRead } from './notifications/notification.entity.js';
import { WorkQueue } from './queues/work-queue.entity.js';
import { TaskHistory } from './tasks/task-history.entity.js';
import { Task } from './tasks/task.entity.js';

/** The tasks service's own database, migrated on start. */
export function openTasksDatabase(url: string) {
  return openDatabase({
    url,
    entities: [Task, TaskHistory, WorkQueue, FeedNotification, NotificationRead],
    migrations: [
      tasksMigration,
      workQueuesMigration,
      taskNotificationsMigration,
      contractQueuesMigration,
      waitlistOfferQueueMigration,
      taxonomyReviewQueueMigration,
    ],
  });
}
