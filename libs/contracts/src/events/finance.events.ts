import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

const AUTHORIZATION_ID = '0199a3c2-9a10-7cc0-8d5e-0000000f0001';
const INVOICE_ID = '0199a3c2-9a10-7cc0-8d5e-0000000f1001';
const LINE_ITEM_ID = '0199a3c2-9a10-7cc0-8d5e-0000000f1101';
const PAYMENT_ID = '0199a3c2-9a10-7cc0-8d5e-0000000f2001';
const RUN_ID = '0199a3c2-9a10-7cc0-8d5e-0000000f3001';
const PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const CLIENT_ID = '0199a3c2-9a10-7cc0-8d5e-0000000c0001';
const PRODUCT_ID = '0199a3c2-9a10-7cc0-8d5e-000000005001';
const CASE_ID = '0199a3c2-9a10-7cc0-8d5e-0000000ca001';

const calendarDate = z.iso.date();
/** Money on the wire: a decimal string with two places, never a float (ARCHITECTURE rule 8). */
const money = z.string().regex(/^-?\d+\.\d{2}$/);
const period = z.object({ from: calendarDate, to: calendarDate });

const authorization = { owner: 'finance', aggregateType: 'service-authorization' } as const;
const invoice = { owner: 'finance', aggregateType: 'invoice' } as const;
const payment = { owner: 'finance', aggregateType: 'payment' } as const;

/** FIN-1: a case worker authorised services for one or more clients. */
export const serviceAuthorizationCreated = defineEvent({
  ...authorization,
  type: 'service-authorization.created',
  version: 1,
  description:
    'A service authorization was created (FIN-1): its clients share the units of each line item; ' +
    'a line item with no provider may be delivered by any registered provider.',
  schema: z.object({
    authorizationId: z.uuid(),
    reference: z.string(),
    caseId: z.uuid().nullable(),
    clientIds: z.array(z.uuid()).min(1),
    period,
    lineItems: z.array(
      z.object({
        lineItemId: z.uuid(),
        serviceProductId: z.uuid(),
        providerId: z.uuid().nullable(),
        units: z.number().int().nonnegative().nullable(),
        rate: money.nullable(),
        nomineeId: z.uuid().nullable(),
        period,
      }),
    ),
  }),
  example: {
    authorizationId: AUTHORIZATION_ID,
    reference: 'SA-2026-000001',
    caseId: CASE_ID,
    clientIds: [CLIENT_ID],
    period: { from: '2026-01-01', to: '2026-06-30' },
    lineItems: [
      {
        lineItemId: '0199a3c2-9a10-7cc0-8d5e-0000000f0101',
        serviceProductId: PRODUCT_ID,
        providerId: PROVIDER_ID,
        units: 10,
        rate: null,
        nomineeId: null,
        period: { from: '2026-01-01', to: '2026-06-30' },
      },
    ],
  },
});

/** FIN-2: a deleted authorization, or one of its line items, is cancelled and matches nothing. */
export const serviceAuthorizationCancelled = defineEvent({
  ...authorization,
  type: 'service-authorization.cancelled',
  version: 1,
  description:
    'A service authorization (lineItemId null) or one of its line items was cancelled (FIN-2); ' +
    'it matches no invoice line from now on.',
  schema: z.object({
    authorizationId: z.uuid(),
    lineItemId: z.uuid().nullable(),
    reason: z.string().min(1),
  }),
  example: { authorizationId: AUTHORIZATION_ID, lineItemId: null, reason: 'Client moved away' },
});

/** FIN-3: an invoice went into processing (staff entry, or a self-service request accepted). */
export const invoiceSubmitted = defineEvent({
  ...invoice,
  type: 'invoice.submitted',
  version: 1,
  description:
    'A service invoice was submitted for processing (FIN-3) — as a whole, or the line items ' +
    'named — and processed: how many line items were accepted and paid, stopped (FIN-5) or sent ' +
    'to the invoice exception process (FIN-6, WF-4).',
  schema: z.object({
    invoiceId: z.uuid(),
    reference: z.string(),
    providerId: z.uuid(),
    origin: z.enum(['staff', 'self-service']),
    lineItemIds: z.array(z.uuid()).nullable(),
    processed: z.object({
      accepted: z.number().int().nonnegative(),
      exceptions: z.number().int().nonnegative(),
      stopped: z.number().int().nonnegative(),
    }),
  }),
  example: {
    invoiceId: INVOICE_ID,
    reference: 'INV-2026-000001',
    providerId: PROVIDER_ID,
    origin: 'staff',
    lineItemIds: null,
    processed: { accepted: 41, exceptions: 1, stopped: 0 },
  },
});

/** Every reason a line item failed, as the exception task lists it (FIN-6, WF-4). */
const ruleFailure = z.object({ code: z.string(), rule: z.string(), message: z.string() });

/**
 * FIN-6 / WF-4: a line item failed validation or matching; finance's own exception-process starter
 * follows this event, so a process is opened even when the request that failed the line died
 * right after its commit.
 */
export const invoiceLineFailed = defineEvent({
  ...invoice,
  type: 'invoice-line.failed',
  version: 1,
  description:
    'An invoice line item failed validation or matching (FIN-4) on its attempt; it stays open ' +
    'and an invoice exception process (WF-4) gives the failures to the finance exception queue.',
  schema: z.object({
    invoiceId: z.uuid(),
    invoiceReference: z.string(),
    lineItemId: z.uuid(),
    lineNumber: z.number().int().positive(),
    providerId: z.uuid(),
    attempt: z.number().int().positive(),
    failures: z.array(ruleFailure).min(1),
  }),
  example: {
    invoiceId: INVOICE_ID,
    invoiceReference: 'INV-2026-000001',
    lineItemId: LINE_ITEM_ID,
    lineNumber: 3,
    providerId: PROVIDER_ID,
    attempt: 1,
    failures: [
      {
        code: 'not-enough-unbilled-units',
        rule: 'FIN-4',
        message:
          '3 unit(s) billed but at most 2 left unbilled on a matching authorization line item',
      },
    ],
  },
});

/** FIN-5: processing stopped — a fixed-fee contract already pays for the period. */
export const invoiceLineStopped = defineEvent({
  ...invoice,
  type: 'invoice-line.stopped',
  version: 1,
  description:
    'An invoice line item stopped processing because a fixed-fee contract of the provider ' +
    'covers the service in its period (FIN-5): paying it would pay twice.',
  schema: z.object({
    invoiceId: z.uuid(),
    lineItemId: z.uuid(),
    providerId: z.uuid(),
    contractFailures: z.array(ruleFailure).min(1),
  }),
  example: {
    invoiceId: INVOICE_ID,
    lineItemId: LINE_ITEM_ID,
    providerId: PROVIDER_ID,
    contractFailures: [
      {
        code: 'fixed-fee-contract-covers-period',
        rule: 'FIN-5',
        message: 'fixed-fee contract C-2026-000001 already pays this provider for the service',
      },
    ],
  },
});

/** FIN-6 / WF-4: the exception queue's user denied a failed line item; it is never paid. */
export const invoiceLineDenied = defineEvent({
  ...invoice,
  type: 'invoice-line.denied',
  version: 1,
  description: 'A failed invoice line item was denied with a reason (FIN-6, WF-4); it is closed.',
  schema: z.object({
    invoiceId: z.uuid(),
    lineItemId: z.uuid(),
    providerId: z.uuid(),
    reason: z.string().min(1),
    deniedBy: z.string(),
  }),
  example: {
    invoiceId: INVOICE_ID,
    lineItemId: LINE_ITEM_ID,
    providerId: PROVIDER_ID,
    reason: 'Service not delivered: client was in hospital',
    deniedBy: 'finance.fiona',
  },
});

const payee = z.object({
  kind: z.enum(['provider', 'group', 'nominee']),
  id: z.uuid(),
  /** The rule that chose the payee (FIN-14, PRV-5). */
  rule: z.string(),
});

const paymentFacts = {
  paymentId: z.uuid(),
  reference: z.string(),
  providerId: z.uuid(),
  payee,
  invoiceId: z.uuid().nullable(),
  amount: money,
};

/** FIN-7/8/9/14: a payment was calculated for accepted line items; it awaits approval (ROLE-1). */
export const paymentCalculated = defineEvent({
  ...payment,
  type: 'payment.calculated',
  version: 1,
  description:
    'A payment was calculated for a payee from accepted invoice line items: rates by precedence ' +
    '(FIN-7) and effective period (FIN-9), payment options (FIN-8) with an adjustment for every ' +
    'difference between billed and paid, payee per FIN-14. It awaits approval by a finance user.',
  schema: z.object({
    ...paymentFacts,
    billed: money,
    lineItemCount: z.number().int().positive(),
    adjustmentCount: z.number().int().nonnegative(),
  }),
  example: {
    paymentId: PAYMENT_ID,
    reference: 'PAY-2026-000001',
    providerId: PROVIDER_ID,
    payee: { kind: 'provider', id: PROVIDER_ID, rule: 'FIN-14' },
    invoiceId: INVOICE_ID,
    amount: '1000.00',
    billed: '1100.00',
    lineItemCount: 10,
    adjustmentCount: 10,
  },
});

/** ROLE-1: a finance user approved the payment for issue. */
export const paymentApproved = defineEvent({
  ...payment,
  type: 'payment.approved',
  version: 1,
  description: 'A calculated payment was approved by a finance user (ROLE-1).',
  schema: z.object({ ...paymentFacts, approvedBy: z.string() }),
  example: {
    paymentId: PAYMENT_ID,
    reference: 'PAY-2026-000001',
    providerId: PROVIDER_ID,
    payee: { kind: 'provider', id: PROVIDER_ID, rule: 'FIN-14' },
    invoiceId: INVOICE_ID,
    amount: '1000.00',
    approvedBy: 'finance.fiona',
  },
});

/** The payment left for the agency's payment system in a payment run (the port's first adapter: CSV). */
export const paymentIssued = defineEvent({
  ...payment,
  type: 'payment.issued',
  version: 1,
  description:
    "An approved payment was handed to the agency's payment system in a payment run (e.g. the " +
    'CSV export); the money moves there.',
  schema: z.object({
    ...paymentFacts,
    paymentRunId: z.uuid(),
    paymentRunReference: z.string(),
    issuedBy: z.string(),
  }),
  example: {
    paymentId: PAYMENT_ID,
    reference: 'PAY-2026-000001',
    providerId: PROVIDER_ID,
    payee: { kind: 'provider', id: PROVIDER_ID, rule: 'FIN-14' },
    invoiceId: INVOICE_ID,
    amount: '1000.00',
    paymentRunId: RUN_ID,
    paymentRunReference: 'RUN-2026-000001',
    issuedBy: 'finance.fiona',
  },
});

export const FINANCE_EVENTS = [
  serviceAuthorizationCreated,
  serviceAuthorizationCancelled,
  invoiceSubmitted,
  invoiceLineFailed,
  invoiceLineStopped,
  invoiceLineDenied,
  paymentCalculated,
  paymentApproved,
  paymentIssued,
] as const;
