import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../shared/audit.js';

/**
 * CRD-1: an accreditation of a provider by an accrediting body: current from its start date to its
 * expiry date (both inclusive), unless ended early (`endDate`, the last current day, and why).
 */
export const Accreditation = defineEntity({
  name: 'Accreditation',
  tableName: 'accreditation',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    accreditingBody: p.text().fieldName('accrediting_body'),
    accreditationType: p.text().fieldName('accreditation_type'),
    reference: p.text().nullable(),
    startDate: p.date().fieldName('start_date'),
    expiryDate: p.date().fieldName('expiry_date'),
    endDate: p.date().fieldName('end_date').nullable(),
    endReason: p.text().fieldName('end_reason').nullable(),
    ...auditProperties,
  },
});
export type AccreditationRecord = InferEntity<typeof Accreditation>;

export const ACCREDITATION_ENTITIES = [Accreditation];
