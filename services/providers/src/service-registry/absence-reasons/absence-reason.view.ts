import { auditView } from '../../shared/audit.js';
import type { AbsenceReasonRecord } from './absence-reason.entity.js';

export type AbsenceReasonView = ReturnType<typeof absenceReasonView>;

export function absenceReasonView(reason: AbsenceReasonRecord) {
  return {
    id: reason.id,
    name: reason.name,
    payable: reason.payable,
    deductible: reason.deductible,
    ...auditView(reason),
  };
}
