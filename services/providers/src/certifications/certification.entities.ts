import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CERTIFICATION_ISSUERS } from '@platform/contracts';
import { auditProperties } from '../shared/audit.js';

/**
 * CRD-5: a kind of certification as the administrator registered it: how long a certification of
 * this type is valid (months), how many training credits (CRD-4) it requires, and who issues it.
 */
export const CertificationType = defineEntity({
  name: 'CertificationType',
  tableName: 'certification_type',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    description: p.text().nullable(),
    validityMonths: p.smallint().fieldName('validity_months'),
    requiredCredits: p.decimal('number').fieldName('required_credits'),
    issuer: p.enum(CERTIFICATION_ISSUERS),
    active: p.boolean(),
    ...auditProperties,
  },
});
export type CertificationTypeRecord = InferEntity<typeof CertificationType>;

/**
 * CRD-5: a certification a member holds: issued by the agency or a third party, valid for a period
 * derived from its type. On expiry it is renewed (a new period) or removed and added anew; a
 * removed one is kept, marked with who removed it, when and why.
 */
export const MemberCertification = defineEntity({
  name: 'MemberCertification',
  tableName: 'member_certification',
  properties: {
    id: p.uuid().primary(),
    memberId: p.uuid().fieldName('member_id'),
    certificationTypeId: p.uuid().fieldName('certification_type_id'),
    issuedBy: p.text().fieldName('issued_by'),
    issuedOn: p.date().fieldName('issued_on'),
    validFrom: p.date().fieldName('valid_from'),
    validTo: p.date().fieldName('valid_to'),
    creditsEarned: p.decimal('number').fieldName('credits_earned'),
    renewalCount: p.smallint().fieldName('renewal_count'),
    removedAt: p.datetime().fieldName('removed_at').nullable(),
    removedBy: p.text().fieldName('removed_by').nullable(),
    removalReason: p.text().fieldName('removal_reason').nullable(),
    ...auditProperties,
  },
});
export type MemberCertificationRecord = InferEntity<typeof MemberCertification>;

export const CERTIFICATION_ENTITIES = [CertificationType, MemberCertification];
