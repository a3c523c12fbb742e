import { ConsumerGroups } from '@platform/contracts';
import { startEventFedService, type EventFedService } from '@platform/testing';
import { loadPlacementsConfig } from '../../src/config.js';
import { startPlacementsService } from '../../src/placements.service-runtime.js';

export type { Reply } from '@platform/testing';
export type PlacementsApp = EventFedService;

/**
 * The placements service in-process for integration tests: its own database, Temporal namespace,
 * topics and consumer group on the real infrastructure (ADR 0020), fed by events this suite
 * publishes as the providers service would.
 */
export function startPlacementsApp(env: NodeJS.ProcessEnv = {}): Promise<PlacementsApp> {
  return startEventFedService({
    name: 'placements',
    consumerGroup: ConsumerGroups.placementsProjections,
    start: (bedEnv) => startPlacementsService(loadPlacementsConfig({ ...bedEnv, ...env })),
  });
}
