import type { CalendarDate } from '@platform/kernel';
import { auditView } from '../shared/audit.js';
import { instantOrNull } from '../shared/view-values.js';
import type {
  CertificationTypeRecord,
  MemberCertificationRecord,
} from './certification.entities.js';
import { certificationStatusOn } from './certification.rules.js';

export type CertificationTypeView = ReturnType<typeof certificationTypeView>;

/** CRD-5: a certification type as the API shows it. */
export function certificationTypeView(type: CertificationTypeRecord) {
  return {
    id: type.id,
    name: type.name,
    description: type.description ?? null,
    validityMonths: type.validityMonths,
    requiredCredits: Number(type.requiredCredits),
    issuer: type.issuer,
    active: type.active,
    ...auditView(type),
  };
}

export type CertificationView = ReturnType<typeof certificationView>;

/** CRD-5: a member's certification, with its status on `onDate`. */
export function certificationView(
  certification: MemberCertificationRecord,
  type: CertificationTypeRecord,
  onDate: CalendarDate,
) {
  const validFrom = certification.validFrom as CalendarDate;
  const validTo = certification.validTo as CalendarDate;
  return {
    id: certification.id,
    memberId: certification.memberId,
    certificationTypeId: type.id,
    certificationTypeName: type.name,
    issuer: type.issuer,
    issuedBy: certification.issuedBy,
    issuedOn: certification.issuedOn as CalendarDate,
    validFrom,
    validTo,
    creditsEarned: Number(certification.creditsEarned),
    requiredCredits: Number(type.requiredCredits),
    renewalCount: certification.renewalCount,
    onDate,
    status: certificationStatusOn(
      { validFrom, validTo, removed: certification.removedAt != null },
      onDate,
    ),
    removedAt: instantOrNull(certification.removedAt),
    removedBy: certification.removedBy ?? null,
    removalReason: certification.removalReason ?? null,
    ...auditView(certification),
  };
}
