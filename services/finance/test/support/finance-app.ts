import { ConsumerGroups } from '@platform/contracts';
import { startEventFedService, type EventFedService } from '@platform/testing';
import { loadFinanceConfig } from '../../src/config.js';
import { startFinanceService } from '../../src/finance.service-runtime.js';

export type { Reply } from '@platform/testing';
export type FinanceApp = EventFedService;

/**
 * The finance service in-process for integration tests: its own database, Temporal namespace,
 * topics and consumer group on the real infrastructure (ADR 0018), fed by events this suite
 * publishes.
 */
export function startFinanceApp(): Promise<FinanceApp> {
  return startEventFedService({
    name: 'finance',
    consumerGroup: ConsumerGroups.financeProjections,
    start: (env) => startFinanceService(loadFinanceConfig(env)),
  });
}
