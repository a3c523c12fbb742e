import { ConsumerGroups } from '@platform/contracts';
import { startEventFedService, type EventFedService } from '@platform/testing';
import { loadTaxonomyConfig } from '../../src/config.js';
import { startTaxonomyService } from '../../src/taxonomy.service-runtime.js';

export type { Reply } from '@platform/testing';
export type TaxonomyApp = EventFedService;

/**
 * The taxonomy service in-process for integration tests: its own database, Temporal namespace,
 * topics and consumer group on the real infrastructure (ADR 0021), fed by events this suite
 * publishes as the providers service would.
 */
export function startTaxonomyApp(env: NodeJS.ProcessEnv = {}): Promise<TaxonomyApp> {
  return startEventFedService({
    name: 'taxonomy',
    consumerGroup: ConsumerGroups.taxonomyProjections,
    start: (bedEnv) => startTaxonomyService(loadTaxonomyConfig({ ...bedEnv, ...env })),
  });
}
