import { ConsumerGroups, TaskQueues } from '@platform/contracts';
import type { RunningService } from '@platform/http';
import { createKafka, eventMessaging } from '@platform/messaging';
import { startService } from '@platform/runtime';
import { createProvidersActivities } from './activities/providers.activities.js';
import type { ProvidersConfig } from './config.js';
import { openProvidersDatabase } from './database.js';
import { ProvidersModule } from './providers.module.js';

/**
 * The providers service: HTTP API, activity worker, outbox relay publishing its events, and the
 * event consumers that start its processes.
 */
export function startProvidersService(config: ProvidersConfig): Promise<RunningService> {
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'providers' });
  return startService({
    name: 'providers',
    title: 'Providers service',
    description: 'Provider inquiries, enrolment and the provider lifecycle (DOMAIN.md PRV).',
    config,
    openDatabase: openProvidersDatabase,
    activities: {
      taskQueue: TaskQueues.providersActivities,
      create: (orm) => createProvidersActivities(orm, { agencyName: config.AGENCY_NAME }),
    },
    module: (deps) => ProvidersModule.register({ ...deps, config }),
    extensions: (orm) =>
      eventMessaging({
        orm,
        kafka,
        owner: 'providers',
        topicPrefix: config.KAFKA_NAME_PREFIX,
        consumerGroup: ConsumerGroups.providersProcessStarters,
      }),
  });
}
