import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { calendarDateInput, moneyInput, periodInput } from '../shared/request-inputs.js';

/** FIN-3: an invoice carries up to this many line items (a provider's month of sessions). */
export const MAX_LINE_ITEMS = 20_000;

/** What a line item bills: who delivered what to whom, when, how many units, at what price. */
const lineItemFields = {
  /** The provider who delivered; defaults to the invoice's provider (required on group invoices). */
  providerId: z.uuid().optional(),
  serviceProductId: z.uuid(),
  clientIds: z
    .array(z.uuid())
    .min(1, 'give at least one client')
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'a client is named twice'),
  caseId: z.uuid().nullable().optional(),
  payeeId: z.uuid().nullable().optional(),
  period: periodInput,
  units: z.number().int('must be a whole number').positive('must be more than 0').max(1_000_000),
  /** Billed per unit; absent when the provider bills at the rate finance holds. */
  unitAmount: moneyInput.nullable().optional(),
};

export const lineItemInput = z.object(lineItemFields).strict();
export type LineItemInput = z.infer<typeof lineItemInput>;

const lineItemsInput = z
  .array(lineItemInput)
  .min(1, 'give at least one line item')
  .max(MAX_LINE_ITEMS, `at most ${MAX_LINE_ITEMS} line items per request`);

/** The invoice header a provider's self-service user gives: the provider comes from the token. */
const selfServiceFields = {
  providerReference: z.string().trim().min(1).max(100).optional(),
  receivedOn: calendarDateInput.optional(),
  lineItems: lineItemsInput,
};

/** SS-4: a provider's invoice request (ROLE-2: never names a provider itself). */
export const selfServiceInvoiceBody = z.object(selfServiceFields).strict();
export type SelfServiceInvoiceBody = z.infer<typeof selfServiceInvoiceBody>;

/** FIN-3: an invoice finance staff enter, from a provider or a group. */
export const createInvoiceBody = z
  .object({
    providerId: z.uuid(),
    submitterKind: z.enum(['provider', 'group']),
    ...selfServiceFields,
  })
  .strict()
  .superRefine((body, context) => {
    // A group bills for its members: each line names the member provider who delivered.
    if (body.submitterKind !== 'group') return;
    body.lineItems.forEach((line, index) => {
      if (!line.providerId) {
        context.addIssue({
          code: 'custom',
          path: ['lineItems', index, 'providerId'],
          message: 'a group invoice names the member provider who delivered each line item',
        });
      }
    });
  });
export type CreateInvoiceBody = z.infer<typeof createInvoiceBody>;

export const addLineItemsBody = z.object({ lineItems: lineItemsInput }).strict();
export type AddLineItemsBody = z.infer<typeof addLineItemsBody>;

/** WF-4: what the exception queue's user may correct on a line item before resubmitting it. */
export const lineItemChangesBody = z
  .object({
    providerId: z.uuid(),
    serviceProductId: lineItemFields.serviceProductId,
    clientIds: lineItemFields.clientIds,
    caseId: lineItemFields.caseId,
    payeeId: lineItemFields.payeeId,
    period: periodInput,
    units: lineItemFields.units,
    unitAmount: lineItemFields.unitAmount,
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'give at least one field to change',
    when: (payload) => payload.issues.length === 0,
  });
export type LineItemChanges = z.infer<typeof lineItemChangesBody>;

export const rejectRequestBody = z
  .object({ reason: z.string().trim().min(1, 'give the reason').max(1000) })
  .strict();
export type RejectRequestBody = z.infer<typeof rejectRequestBody>;

export const INVOICE_STATUSES = ['draft', 'requested', 'request-rejected', 'submitted'] as const;
export const LINE_ITEM_STATUSES = ['draft', 'accepted', 'exception', 'stopped', 'denied'] as const;

export const listInvoicesQuery = pageQuery.extend({
  providerId: z.uuid().optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  origin: z.enum(['staff', 'self-service']).optional(),
  reference: z.string().trim().min(1).max(40).optional(),
  receivedFrom: calendarDateInput.optional(),
  receivedTo: calendarDateInput.optional(),
});
export type ListInvoicesQuery = z.infer<typeof listInvoicesQuery>;

/** SS-4: a provider lists its own invoices (its provider comes from the token). */
export const listOwnInvoicesQuery = listInvoicesQuery.omit({ providerId: true, origin: true });
export type ListOwnInvoicesQuery = z.infer<typeof listOwnInvoicesQuery>;

export const listLineItemsQuery = pageQuery.extend({
  status: z.enum(LINE_ITEM_STATUSES).optional(),
  clientId: z.uuid().optional(),
  serviceProductId: z.uuid().optional(),
});
export type ListLineItemsQuery = z.infer<typeof listLineItemsQuery>;

export const createInvoiceExample: z.input<typeof createInvoiceBody> = {
  providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  submitterKind: 'provider',
  providerReference: 'SUN-2026-03',
  receivedOn: '2026-04-02',
  lineItems: [
    {
      serviceProductId: '0199a3c2-9a10-7cc0-8d5e-0000000000a1',
      clientIds: ['0199a3c2-9a10-7cc0-8d5e-0000000000c1'],
      period: { from: '2026-03-01', to: '2026-03-31' },
      units: 12,
      unitAmount: '45.00',
    },
  ],
};
