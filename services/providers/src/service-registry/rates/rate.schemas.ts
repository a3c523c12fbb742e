import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { calendarDateInput, moneyInput } from '../../shared/common.schemas.js';
import { addRuleIssues } from '../../shared/rule-issues.js';
import { rangeAmountProblem } from './rates.js';

const period = {
  effectiveFrom: calendarDateInput,
  /** Inclusive; null or absent: open-ended. */
  effectiveTo: calendarDateInput.nullable().default(null),
};

/** SVC-2: a fixed amount, or a range with a minimum and/or a maximum, from a date. */
export const addRateBody = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), amount: moneyInput, ...period }).strict(),
    z
      .object({
        kind: z.literal('range'),
        minimum: moneyInput.nullable().default(null),
        maximum: moneyInput.nullable().default(null),
        ...period,
      })
      .strict(),
  ])
  .superRefine((rate, ctx) => {
    if (rate.effectiveTo !== null && rate.effectiveTo < rate.effectiveFrom) {
      addRuleIssues(ctx, [
        { rule: 'SVC-2', field: 'effectiveTo', message: 'a rate cannot end before it starts' },
      ]);
    }
    const problem = rate.kind === 'range' ? rangeAmountProblem(rate.minimum, rate.maximum) : null;
    if (problem) addRuleIssues(ctx, [{ rule: 'SVC-2', field: 'minimum', message: problem }]);
  });
export type AddRateBody = z.infer<typeof addRateBody>;

/** SVC-2: the last day the rate applies. */
export const endRateBody = z.object({ effectiveTo: calendarDateInput }).strict();
export type EndRateBody = z.infer<typeof endRateBody>;

export const rateInEffectQuery = z.object({ date: calendarDateInput });
export type RateInEffectQuery = z.infer<typeof rateInEffectQuery>;

export const listRatesQuery = pageQuery;

export const addRateExample: z.input<typeof addRateBody> = {
  kind: 'fixed',
  amount: '100.00',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-12-31',
};
