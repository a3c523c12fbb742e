import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { changingSomething, nameFilter, nameInput } from '../../shared/common.schemas.js';

export const createAbsenceReasonBody = z
  .object({
    name: nameInput,
    /** SVC-11: the provider is paid for the missed unit. */
    payable: z.boolean(),
    /** SVC-11: one unit is deducted from the authorised total. */
    deductible: z.boolean(),
  })
  .strict();
export type CreateAbsenceReasonBody = z.infer<typeof createAbsenceReasonBody>;

export const updateAbsenceReasonBody = changingSomething(createAbsenceReasonBody.partial());
export type UpdateAbsenceReasonBody = z.infer<typeof updateAbsenceReasonBody>;

export const listAbsenceReasonsQuery = pageQuery.extend({
  name: nameFilter,
  payable: z.stringbool().optional(),
  deductible: z.stringbool().optional(),
});
export type ListAbsenceReasonsQuery = z.infer<typeof listAbsenceReasonsQuery>;

export const absenceReasonExample = {
  name: 'Family bereavement',
  payable: true,
  deductible: false,
};
