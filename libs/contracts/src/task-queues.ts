/** Temporal task queues: one per service that hosts activities, one for the workflow worker. */
export const TaskQueues = {
  workflows: 'platform-workflows',
  providersActivities: 'providers-activities',
  tasksActivities: 'tasks-activities',
} as const;

/** Work queues of the tasks service that people pull work from. */
export const WorkQueues = {
  providerInquiries: 'provider-inquiries',
} as const;
