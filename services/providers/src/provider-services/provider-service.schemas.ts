import { z } from 'zod';
import { paymentOptions } from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { calendarDateInput, changingSomething, moneyInput } from '../shared/common.schemas.js';
import { addRuleIssues } from '../shared/rule-issues.js';
import { rangeAmountProblem } from '../service-registry/rates/rates.js';
import { PROVIDER_SERVICE_STATUSES } from './provider-service-lifecycle.js';

/** PRV-6: the provider-service rate overriding the product's — a fixed amount or a range. */
export const rateInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), amount: moneyInput }).strict(),
    z
      .object({
        kind: z.literal('range'),
        minimum: moneyInput.nullable().default(null),
        maximum: moneyInput.nullable().default(null),
      })
      .strict(),
  ])
  .superRefine((rate, ctx) => {
    const problem = rate.kind === 'range' ? rangeAmountProblem(rate.minimum, rate.maximum) : null;
    if (problem) addRuleIssues(ctx, [{ rule: 'PRV-6', field: 'minimum', message: problem }]);
  });
export type RateInput = z.infer<typeof rateInput>;

const placeLimit = z
  .number()
  .int('must be a whole number of places')
  .positive('must be at least 1 place');

const reason = z.string().trim().min(1, 'a reason is required').max(2_000);

/** PRV-6: a service from the registry, offered by the provider for a period. */
export const addProviderServiceBody = z
  .object({
    serviceProductId: z.uuid('must be a UUID'),
    from: calendarDateInput,
    /** Inclusive; null or absent: open-ended. */
    to: calendarDateInput.nullable().default(null),
    rate: rateInput.nullable().default(null),
    placeLimit: placeLimit.nullable().default(null),
    paymentOptions: paymentOptions.nullable().default(null),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.to !== null && body.to < body.from) {
      addRuleIssues(ctx, [
        { rule: 'PRV-6', field: 'to', message: 'a provider service cannot end before it starts' },
      ]);
    }
  });
export type AddProviderServiceBody = z.infer<typeof addProviderServiceBody>;

export const addProviderServiceExample: z.input<typeof addProviderServiceBody> = {
  serviceProductId: '0199a3c2-7b20-7cc0-8d5e-5e7a1ce00001',
  from: '2026-01-01',
  to: null,
  rate: { kind: 'fixed', amount: '95.00' },
  placeLimit: null,
};

/** PRV-6: a change of period or place limit (the rate and payment options have their own). */
export const updateProviderServiceBody = changingSomething(
  z
    .object({
      from: calendarDateInput,
      to: calendarDateInput.nullable(),
      placeLimit: placeLimit.nullable(),
    })
    .partial()
    .strict(),
);
export type UpdateProviderServiceBody = z.infer<typeof updateProviderServiceBody>;

export const suspendProviderServiceBody = z.object({ reason }).strict();
export type SuspendProviderServiceBody = z.infer<typeof suspendProviderServiceBody>;

/** PRV-6: ending takes a reason and, optionally, the last day the service is offered. */
export const endProviderServiceBody = z
  .object({ reason, to: calendarDateInput.optional() })
  .strict();
export type EndProviderServiceBody = z.infer<typeof endProviderServiceBody>;

export const listProviderServicesQuery = pageQuery.extend({
  status: z.enum(PROVIDER_SERVICE_STATUSES).optional(),
  serviceProductId: z.uuid('must be a UUID').optional(),
  /** Only the services whose period covers this date. */
  activeOn: calendarDateInput.optional(),
});
export type ListProviderServicesQuery = z.infer<typeof listProviderServicesQuery>;

export const rateOnQuery = z.object({ date: calendarDateInput });
export type RateOnQuery = z.infer<typeof rateOnQuery>;

export const listApprovalsQuery = pageQuery;
