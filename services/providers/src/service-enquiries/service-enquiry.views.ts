import type { CalendarDate } from '@platform/kernel';
import { auditView } from '../shared/audit.js';
import { instantOrNull } from '../shared/view-values.js';
import type { ServiceEnquiryRecord } from './service-enquiry.entity.js';

export type ServiceEnquiryView = ReturnType<typeof serviceEnquiryView>;

/** PRV-9: an enquiry as the API shows it; `answer` is null until the provider responded. */
export function serviceEnquiryView(enquiry: ServiceEnquiryRecord) {
  return {
    id: enquiry.id,
    providerId: enquiry.providerId,
    serviceProductId: enquiry.serviceProductId,
    clientReference: enquiry.clientReference,
    clientName: enquiry.clientName ?? null,
    from: enquiry.from as CalendarDate,
    to: enquiry.to as CalendarDate,
    units: enquiry.units,
    contactMethod: enquiry.contactMethod,
    contactMethodSource: enquiry.contactMethodSource,
    question: enquiry.question ?? null,
    caseWorker: enquiry.caseWorker,
    status: enquiry.status,
    answer:
      enquiry.status === 'responded' && enquiry.response
        ? {
            response: enquiry.response,
            availableUnits: enquiry.availableUnits ?? 0,
            comments: enquiry.responseComments ?? null,
            respondedBy: enquiry.respondedBy ?? '',
            respondedAt: instantOrNull(enquiry.respondedAt),
            recordedBy: enquiry.responseRecordedBy ?? '',
            via: enquiry.responseVia ?? 'staff',
          }
        : null,
    cancellation:
      enquiry.status === 'cancelled'
        ? {
            reason: enquiry.cancelReason ?? null,
            cancelledBy: enquiry.cancelledBy ?? '',
            cancelledAt: instantOrNull(enquiry.cancelledAt),
          }
        : null,
    ...auditView(enquiry),
  };
}
