import { Logger } from '@nestjs/common';
import {
  ConsumerGroups,
  EVENT_CATALOG,
  TaskQueues,
  deadLetterTopicFor,
  topicFor,
} from '@platform/contracts';
import type { RunningService } from '@platform/http';
import { createKafka, ensureTopics, KafkaInboxServer, OutboxRelay } from '@platform/messaging';
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
    async extensions(orm) {
      const prefix = config.KAFKA_NAME_PREFIX;
      const ownTopics = EVENT_CATALOG.filter((d) => d.owner === 'providers').map(
        (definition) => `${prefix}${topicFor(definition)}`,
      );
      await ensureTopics(kafka, [...ownTopics, ...ownTopics.map(deadLetterTopicFor)]);
      const relay = new OutboxRelay({
        orm,
        kafka,
        topicPrefix: prefix,
        logger: new Logger('OutboxRelay'),
      });
      const consumers = new KafkaInboxServer({
        kafka,
        orm,
        consumer: `${prefix}${ConsumerGroups.providersProcessStarters}`,
        topicPrefix: prefix,
      });
      return [
        { attach: (app) => void app.connectMicroservice({ strategy: consumers }) },
        { start: () => relay.start(), stop: () => relay.stop() },
      ];
    },
  });
}
