import type { CalendarDate } from '@platform/kernel';
import { auditView } from '../shared/audit.js';
import type { AccreditationRecord } from './accreditation.entity.js';
import { accreditationStatusOn } from './accreditation.rules.js';

export type AccreditationView = ReturnType<typeof accreditationView>;

/** CRD-1: an accreditation with its status on `onDate`. */
export function accreditationView(accreditation: AccreditationRecord, onDate: CalendarDate) {
  const startDate = accreditation.startDate as CalendarDate;
  const expiryDate = accreditation.expiryDate as CalendarDate;
  const endDate = (accreditation.endDate ?? null) as CalendarDate | null;
  return {
    id: accreditation.id,
    providerId: accreditation.providerId,
    accreditingBody: accreditation.accreditingBody,
    accreditationType: accreditation.accreditationType,
    reference: accreditation.reference ?? null,
    startDate,
    expiryDate,
    endDate,
    endReason: accreditation.endReason ?? null,
    onDate,
    status: accreditationStatusOn({ startDate, expiryDate, endDate }, onDate),
    ...auditView(accreditation),
  };
}
