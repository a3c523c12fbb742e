import type { EventDefinition } from './event-definition.js';
import { eventKey } from './event-definition.js';
import {
  providerInquiryClosed,
  providerInquiryConverted,
  providerInquiryReceived,
} from './events/provider-inquiry.events.js';
import {
  providerApproved,
  providerClosed,
  providerEnrolled,
  providerRejected,
  providerReopened,
  providerSuspended,
} from './events/provider.events.js';
import {
  providerGroupClosed,
  providerGroupEnrolled,
  providerGroupReopened,
  providerPaymentDirectionChanged,
} from './events/provider-group.events.js';
import {
  backgroundCheckRecorded,
  providerMemberAdded,
  providerMemberMembershipEnded,
} from './events/provider-member.events.js';
import {
  serviceProductCreated,
  serviceProductPaymentOptionsChanged,
  serviceProductRateChanged,
  serviceProductUpdated,
} from './events/service-registry.events.js';

/** Every published event contract. New versions are added beside old ones, never replacing them. */
export const EVENT_CATALOG: readonly EventDefinition[] = [
  providerInquiryReceived,
  providerInquiryClosed,
  providerInquiryConverted,
  providerEnrolled,
  providerApproved,
  providerRejected,
  providerSuspended,
  providerClosed,
  providerReopened,
  providerMemberAdded,
  providerMemberMembershipEnded,
  backgroundCheckRecorded,
  serviceProductCreated,
  serviceProductUpdated,
  serviceProductRateChanged,
  serviceProductPaymentOptionsChanged,
  providerGroupEnrolled,
  providerGroupClosed,
  providerGroupReopened,
  providerPaymentDirectionChanged,
];

const byKey = new Map(EVENT_CATALOG.map((definition) => [eventKey(definition), definition]));

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return byKey.get(eventKey({ type, version }));
}
