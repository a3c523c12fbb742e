import { z } from 'zod';
import { pageQuery } from '@platform/http';
import {
  calendarDateInput,
  distinctIds,
  moneyInput,
  periodInput,
  textInput,
  uuidInput,
} from '../shared/request-inputs.js';

/** FIN-1: one service authorised — by any provider when `providerId` is null. */
export const lineItemInput = z
  .object({
    serviceProductId: uuidInput,
    providerId: uuidInput.nullable().optional(),
    /** Shared by every client of the authorization; null: no unit limit. */
    units: z.number().int('must be a whole number').min(0).max(1_000_000).nullable().optional(),
    /** FIN-7: the rate that takes precedence over contract, provider service and product rates. */
    rate: moneyInput.nullable().optional(),
    nomineeId: uuidInput.nullable().optional(),
    /** Defaults to the authorization's period; must lie within it. */
    period: periodInput.optional(),
  })
  .strict();

export const createAuthorizationBody = z
  .object({
    caseId: uuidInput.nullable().optional(),
    clientIds: distinctIds(1, 50),
    period: periodInput,
    lineItems: z.array(lineItemInput).min(1).max(200),
  })
  .strict();
export type CreateAuthorizationBody = z.infer<typeof createAuthorizationBody>;
export const createAuthorizationExample = {
  caseId: null,
  clientIds: ['0199a3c2-9a10-7cc0-8d5e-0000000c0001', '0199a3c2-9a10-7cc0-8d5e-0000000c0002'],
  period: { from: '2026-01-01', to: '2026-06-30' },
  lineItems: [
    {
      serviceProductId: '0199a3c2-9a10-7cc0-8d5e-000000005001',
      providerId: null,
      units: 10,
      rate: '12.50',
      nomineeId: null,
    },
  ],
};

export const AUTHORIZATION_STATUSES = ['open', 'in-progress', 'complete', 'cancelled'] as const;

/** FIN-2 statuses are derived as of a day (default today): a line item ends with its period. */
export const asOfQuery = z.object({ asOf: calendarDateInput.optional() }).strict();
export type AsOfQuery = z.infer<typeof asOfQuery>;

export const listAuthorizationsQuery = pageQuery
  .extend({
    clientId: uuidInput.optional(),
    caseId: uuidInput.optional(),
    providerId: uuidInput.optional(),
    serviceProductId: uuidInput.optional(),
    /** A day within the authorization's period. */
    activeOn: calendarDateInput.optional(),
    status: z.enum(AUTHORIZATION_STATUSES).optional(),
    asOf: calendarDateInput.optional(),
  })
  .strict();
export type ListAuthorizationsQuery = z.infer<typeof listAuthorizationsQuery>;

export const cancelBody = z.object({ reason: textInput(500) }).strict();
export type CancelBody = z.infer<typeof cancelBody>;
export const cancelExample = { reason: 'Client moved away' };
