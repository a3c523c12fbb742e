import { ConsumerGroups, TaskQueues } from '@platform/contracts';
import type { RunningService } from '@platform/http';
import { createKafka, eventMessaging } from '@platform/messaging';
import { startService } from '@platform/runtime';
import { createFinanceActivities } from './activities/finance.activities.js';
import type { FinanceConfig } from './config.js';
import { openFinanceDatabase } from './database.js';
import { FinanceModule } from './finance.module.js';

/**
 * The finance service: HTTP API, activity worker, outbox relay for its own events, and the
 * consumer group that keeps its projections of the providers service's facts (ADR 0018).
 */
export function startFinanceService(config: FinanceConfig): Promise<RunningService> {
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'finance' });
  return startService({
    name: 'finance',
    title: 'Finance service',
    description:
      'Service authorizations, invoices, the invoice exception process and payments (DOMAIN.md ' +
      "FIN); keeps its own projections of providers' facts, fed by their events.",
    config,
    openDatabase: openFinanceDatabase,
    activities: { taskQueue: TaskQueues.financeActivities, create: createFinanceActivities },
    module: (deps) => FinanceModule.register({ ...deps, config }),
    extensions: (orm) =>
      eventMessaging({
        orm,
        kafka,
        owner: 'finance',
        topicPrefix: config.KAFKA_NAME_PREFIX,
        consumerGroup: ConsumerGroups.financeProjections,
      }),
  });
}
