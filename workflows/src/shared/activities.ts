import { proxyActivities } from '@temporalio/workflow';
import {
  TaskQueues,
  type FinanceActivities,
  type PlacementsActivities,
  type ProvidersActivities,
  type TasksActivities,
  type TaxonomyActivities,
} from '@platform/contracts/workflows';

/**
 * The services' activities as workflows call them. Activities are idempotent and classify business
 * rejections as non-retryable (ARCHITECTURE rule 5), so anything else is retried — with a capped
 * back-off, as a service may be down for a while.
 */
const options = {
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
} as const;

export const tasksActivities = proxyActivities<TasksActivities>({
  taskQueue: TaskQueues.tasksActivities,
  ...options,
});

export const providersActivities = proxyActivities<ProvidersActivities>({
  taskQueue: TaskQueues.providersActivities,
  ...options,
});

export const financeActivities = proxyActivities<FinanceActivities>({
  taskQueue: TaskQueues.financeActivities,
  ...options,
});

export const placementsActivities = proxyActivities<PlacementsActivities>({
  taskQueue: TaskQueues.placementsActivities,
  ...options,
});

export const taxonomyActivities = proxyActivities<TaxonomyActivities>({
  taskQueue: TaskQueues.taxonomyActivities,
  ...options,
});
