import type { MikroORM } from '@mikro-orm/postgresql';
import type { ProvidersActivities } from '@platform/contracts';
import { recordInquiryOutcome } from './record-inquiry-outcome.js';

/** The activities this service hosts on TaskQueues.providersActivities. */
export function createProvidersActivities(orm: MikroORM): ProvidersActivities {
  return {
    recordInquiryOutcome: (input) => recordInquiryOutcome(orm, input),
  };
}
