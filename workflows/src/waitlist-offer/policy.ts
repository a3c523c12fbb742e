import type { WaitlistOfferInput } from '@platform/contracts/workflows';
import type { DecisionPolicy } from '../shared/decision-rules.js';

/**
 * PRV-10 / ROLE: the case worker of the entry (the task is assigned to them) accepts the offered
 * place or declines it with a reason, which the next case worker's task does not need to know.
 */
export const WAITLIST_OFFER_DECISION: DecisionPolicy = {
  deciderRoles: ['case-worker'],
  outcomes: ['accept', 'decline'],
  requiredFields: { decline: ['reason'] },
};

export const OFFER_TASK_PRIORITY = 'high';

/** What the case worker reads: the place, whose entry it is offered to, and from when. */
export function offerTaskContent(input: WaitlistOfferInput): { title: string; details: string[] } {
  const client = input.clientName
    ? `${input.clientName} (${input.clientReference})`
    : input.clientReference;
  return {
    title: `Place ${input.placeName} offered to ${client} from ${input.availableFrom}`,
    details: [
      `A place at the provider is free from ${input.availableFrom}; ${client} is the first suitable waiting client (PRV-10).`,
      'Accept: the waitlist entry is allocated — a placement when the period starts today, otherwise a reservation.',
      'Decline with a reason: the place is offered to the next suitable waiting client.',
    ],
  };
}

/**
 * PRV-10: the service period an accepted offer allocates: from the day the place is free, or today
 * when the answer came later (a period cannot start in the past); open-ended.
 */
export function allocationPeriod(availableFrom: string, today: string): { from: string; to: null } {
  return { from: availableFrom < today ? today : availableFrom, to: null };
}
