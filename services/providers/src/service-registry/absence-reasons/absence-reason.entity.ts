import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../../shared/audit.js';

/**
 * SVC-11: why a client missed a planned unit. *Payable*: the provider is still paid for it (e.g.
 * bereavement). *Deductible*: one unit is deducted from the authorised total, so the client does
 * not lose it. Neither: the unit is simply not paid (e.g. no-show).
 */
export const AbsenceReason = defineEntity({
  name: 'AbsenceReason',
  tableName: 'absence_reason',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    payable: p.boolean(),
    deductible: p.boolean(),
    ...auditProperties,
  },
});

export type AbsenceReasonRecord = InferEntity<typeof AbsenceReason>;
