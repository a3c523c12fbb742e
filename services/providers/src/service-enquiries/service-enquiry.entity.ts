import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  SERVICE_ENQUIRY_CONTACT_METHODS,
  SERVICE_ENQUIRY_RESPONSES,
  SERVICE_ENQUIRY_STATUSES,
} from '@platform/contracts';
import { auditProperties } from '../shared/audit.js';

/**
 * PRV-9: a case worker's question to a provider — can it deliver this service product, for this
 * client, this many units (places, sessions …), in this period? — asked by phone, email, web or
 * mail, and the provider's recorded answer. Status: sent → responded | cancelled (both final).
 * The client belongs to another context (case management): kept as an opaque reference and an
 * optional display name.
 */
export const ServiceEnquiry = defineEntity({
  name: 'ServiceEnquiry',
  tableName: 'service_enquiry',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    serviceProductId: p.uuid().fieldName('service_product_id'),
    clientReference: p.text().fieldName('client_reference'),
    clientName: p.text().fieldName('client_name').nullable(),
    from: p.date().fieldName('from_date'),
    /** Inclusive. */
    to: p.date().fieldName('to_date'),
    units: p.integer(),
    contactMethod: p.enum(SERVICE_ENQUIRY_CONTACT_METHODS).fieldName('contact_method'),
    contactMethodSource: p
      .enum(['provider-preference', 'case-worker'] as const)
      .fieldName('contact_method_source'),
    question: p.text().nullable(),
    /** The user id of the case worker who asked (the creator). */
    caseWorker: p.text().fieldName('case_worker'),
    status: p.enum(SERVICE_ENQUIRY_STATUSES).default('sent'),
    response: p.enum(SERVICE_ENQUIRY_RESPONSES).nullable(),
    availableUnits: p.integer().fieldName('available_units').nullable(),
    responseComments: p.text().fieldName('response_comments').nullable(),
    /** Who answered for the provider (a name), as told. */
    respondedBy: p.text().fieldName('responded_by').nullable(),
    respondedAt: p.datetime().fieldName('responded_at').nullable(),
    /** The user who recorded the answer: the provider itself (self-service) or agency staff. */
    responseRecordedBy: p.text().fieldName('response_recorded_by').nullable(),
    responseVia: p
      .enum(['self-service', 'staff'] as const)
      .fieldName('response_via')
      .nullable(),
    cancelReason: p.text().fieldName('cancel_reason').nullable(),
    cancelledBy: p.text().fieldName('cancelled_by').nullable(),
    cancelledAt: p.datetime().fieldName('cancelled_at').nullable(),
    ...auditProperties,
  },
});
export type ServiceEnquiryRecord = InferEntity<typeof ServiceEnquiry>;

export const SERVICE_ENQUIRY_ENTITIES = [ServiceEnquiry];
