import type { EventDefinition } from './event-definition.js';
import {
  accreditationEnded,
  accreditationRecorded,
  accreditationUpdated,
  memberCertificationRecorded,
  memberCertificationRemoved,
  memberCertificationRenewed,
  memberTrainingCompleted,
  memberTrainingWaived,
} from './events/credential.events.js';
import {
  serviceEnquiryCancelled,
  serviceEnquiryResponded,
  serviceEnquirySent,
} from './events/service-enquiry.events.js';
import {
  waitlistEntryAdded,
  waitlistEntryAllocated,
  waitlistEntryExpired,
  waitlistEntryMoved,
  waitlistEntryRemoved,
  waitlistEntryUpdated,
} from './events/waitlist.events.js';
import { homeStudyDecided, homeStudySubmitted } from './events/home-study.events.js';
import { approvalCheckChanged } from './events/approval-check.events.js';
import { eventKey } from './event-definition.js';
import { CONTRACT_EVENTS } from './events/contract.events.js';
import { FINANCE_EVENTS } from './events/finance.events.js';
import { PLACEMENT_EVENTS } from './events/placement.events.js';
import { TAXONOMY_EVENTS } from './events/taxonomy.events.js';
import {
  licenceApproved,
  licenceExpired,
  licenceNonComplianceRecorded,
  licenceRecorded,
  licenceReinstated,
  licenceRejected,
  licenceRenewed,
  licenceSuspended,
} from './events/licence.events.js';
import {
  providerServiceAdded,
  providerServiceApproved,
  providerServiceEnded,
  providerServicePaymentOptionsChanged,
  providerServiceRateChanged,
  providerServiceSuspended,
  providerServiceUpdated,
} from './events/provider-service.events.js';
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
import {
  incidentClosed,
  incidentRecorded,
  incidentReopened,
  investigationClosed,
  investigationIncidentLinked,
  investigationIncidentUnlinked,
  investigationOpened,
} from './events/incident.events.js';

import {
  providerClassified,
  providerServiceCentreAdded,
  providerServiceCentreClosed,
  providerServiceCentreUpdated,
  providerSpecialtiesChanged,
} from './events/provider-classification.events.js';

/** Every published event contract. New versions are added beside old ones, never replacing them. */
export const EVENT_CATALOG: readonly EventDefinition[] = [
  homeStudySubmitted,
  homeStudyDecided,
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
  incidentRecorded,
  incidentClosed,
  incidentReopened,
  investigationOpened,
  investigationClosed,
  investigationIncidentLinked,
  investigationIncidentUnlinked,
  providerClassified,
  providerSpecialtiesChanged,
  providerServiceCentreAdded,
  providerServiceCentreUpdated,
  providerServiceCentreClosed,
  providerServiceAdded,
  providerServiceApproved,
  providerServiceUpdated,
  providerServiceRateChanged,
  providerServiceSuspended,
  providerServiceEnded,
  providerServicePaymentOptionsChanged,
  serviceEnquirySent,
  serviceEnquiryResponded,
  serviceEnquiryCancelled,
  waitlistEntryAdded,
  waitlistEntryMoved,
  waitlistEntryUpdated,
  waitlistEntryAllocated,
  waitlistEntryExpired,
  waitlistEntryRemoved,
  memberTrainingCompleted,
  memberTrainingWaived,
  memberCertificationRecorded,
  memberCertificationRenewed,
  memberCertificationRemoved,
  accreditationRecorded,
  accreditationUpdated,
  accreditationEnded,
  licenceRecorded,
  licenceApproved,
  licenceRejected,
  licenceSuspended,
  licenceReinstated,
  licenceRenewed,
  licenceNonComplianceRecorded,
  licenceExpired,
  approvalCheckChanged,
  ...CONTRACT_EVENTS,
  ...FINANCE_EVENTS,
  ...PLACEMENT_EVENTS,
  ...TAXONOMY_EVENTS,
];

const byKey = new Map(EVENT_CATALOG.map((definition) => [eventKey(definition), definition]));

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return byKey.get(eventKey({ type, version }));
}
