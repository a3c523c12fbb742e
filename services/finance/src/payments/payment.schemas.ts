import { z } from 'zod';
import { pageQuery } from '@platform/http';

import { uuidInput as uuid } from '../shared/request-inputs.js';
const calendarDate = z.iso.date('must be a date like 2026-01-31');

export const PAYMENT_STATUSES = ['calculated', 'approved', 'issued'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const listPaymentsQuery = pageQuery
  .extend({
    status: z.enum(PAYMENT_STATUSES).optional(),
    providerId: uuid.optional(),
    payeeId: uuid.optional(),
    payeeKind: z.enum(['provider', 'group', 'nominee']).optional(),
    invoiceId: uuid.optional(),
    /** Calculated on or after this day (UTC), inclusive. */
    calculatedFrom: calendarDate.optional(),
    /** Calculated on or before this day (UTC), inclusive. */
    calculatedTo: calendarDate.optional(),
  })
  .refine((q) => !q.calculatedFrom || !q.calculatedTo || q.calculatedFrom <= q.calculatedTo, {
    message: 'must not be before calculatedFrom',
    path: ['calculatedTo'],
  });
export type ListPaymentsQuery = z.infer<typeof listPaymentsQuery>;

export const selfServicePaymentsQuery = pageQuery.extend({
  status: z.enum(PAYMENT_STATUSES).optional(),
});
export type SelfServicePaymentsQuery = z.infer<typeof selfServicePaymentsQuery>;

/** ROLE-1: approve the payments named, or every calculated payment of one invoice. */
export const approvePaymentsBody = z.union([
  z.strictObject({ paymentIds: z.array(uuid).min(1, 'name at least one payment').max(500) }),
  z.strictObject({ invoiceId: uuid }),
]);
export type ApprovePaymentsBody = z.infer<typeof approvePaymentsBody>;
export const approvePaymentsExample: z.input<typeof approvePaymentsBody> = {
  invoiceId: '0199a3c2-9a10-7cc0-8d5e-0000000f1001',
};

/** A payment run: the payments named, or (none named) every approved payment. */
export const createPaymentRunBody = z.strictObject({
  paymentIds: z
    .array(uuid)
    .min(1, 'name at least one payment, or leave paymentIds out')
    .max(5000)
    .optional(),
});
export type CreatePaymentRunBody = z.infer<typeof createPaymentRunBody>;
export const createPaymentRunExample: z.input<typeof createPaymentRunBody> = {
  paymentIds: ['0199a3c2-9a10-7cc0-8d5e-0000000f2001'],
};

export const listPaymentRunsQuery = pageQuery;
export type ListPaymentRunsQuery = z.infer<typeof listPaymentRunsQuery>;
