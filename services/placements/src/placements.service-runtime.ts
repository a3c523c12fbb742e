import { ConsumerGroups, TaskQueues } from '@platform/contracts';
import type { RunningService } from '@platform/http';
import { createKafka, eventMessaging } from '@platform/messaging';
import { startService } from '@platform/runtime';
import { createPlacementsActivities } from './activities/placements.activities.js';
import type { PlacementsConfig } from './config.js';
import { openPlacementsDatabase } from './database.js';
import { PlacementsModule } from './placements.module.js';

/**
 * The placements service: HTTP API, activity worker (reservation expiry, waitlist offers), outbox
 * relay for its own events, and the consumer group that keeps its projections of the providers
 * service's facts and waitlists (ADR 0020).
 */
export function startPlacementsService(config: PlacementsConfig): Promise<RunningService> {
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'placements' });
  return startService({
    name: 'placements',
    title: 'Placements service',
    description:
      'Facilities, compartments and places; availability; reservations with expiry; placements, ' +
      'emergency placements and transfers; waitlist allocation (DOMAIN.md PLC, PRV-10).',
    config,
    openDatabase: openPlacementsDatabase,
    activities: {
      taskQueue: TaskQueues.placementsActivities,
      create: (orm) => createPlacementsActivities(orm, config),
    },
    module: (deps) => PlacementsModule.register({ ...deps, config }),
    extensions: (orm) =>
      eventMessaging({
        orm,
        kafka,
        owner: 'placements',
        topicPrefix: config.KAFKA_NAME_PREFIX,
        consumerGroup: ConsumerGroups.placementsProjections,
      }),
  });
}
