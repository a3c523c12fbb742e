import { ConsumerGroups, TaskQueues } from '@platform/contracts';
import type { RunningService } from '@platform/http';
import { createKafka, eventMessaging } from '@platform/messaging';
import { startService } from '@platform/runtime';
import { createTaxonomyActivities } from './activities/taxonomy.activities.js';
import type { TaxonomyConfig } from './config.js';
import { openTaxonomyDatabase } from './database.js';
import { TaxonomyModule } from './taxonomy.module.js';

/**
 * The taxonomy service (issue 8, ADR 0021): HTTP API for taxonomies, versions, terms, imports,
 * indexes, search and the Open Referral export; the activity worker of the import-review process;
 * the outbox relay for its events; the consumer group keeping its copies of providers, provider
 * services, products and service centres.
 */
export function startTaxonomyService(config: TaxonomyConfig): Promise<RunningService> {
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'taxonomy' });
  return startService({
    name: 'taxonomy',
    title: 'Taxonomy service',
    description:
      'AIRS/211 taxonomy import with versions and review, customisation, languages, custom ' +
      'taxonomies, indexing of provider services and keyword search (DOMAIN.md TAX-1…TAX-9).',
    config,
    openDatabase: openTaxonomyDatabase,
    activities: {
      taskQueue: TaskQueues.taxonomyActivities,
      create: (orm) => createTaxonomyActivities(orm),
    },
    module: (deps) => TaxonomyModule.register({ ...deps, config }),
    extensions: (orm) =>
      eventMessaging({
        orm,
        kafka,
        owner: 'taxonomy',
        topicPrefix: config.KAFKA_NAME_PREFIX,
        consumerGroup: ConsumerGroups.taxonomyProjections,
      }),
  });
}
