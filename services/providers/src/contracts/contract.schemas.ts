import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { calendarDateInput, changingSomething, moneyInput } from '../shared/common.schemas.js';
import { addRuleIssues } from '../shared/rule-issues.js';
import { CONTRACT_STATUSES } from './contract-lifecycle.js';
import { PAYMENT_FREQUENCIES } from './contract-rules.js';

const uuid = z.uuid('must be a UUID');
const text = (max: number) => z.string().trim().min(1).max(max);

function distinct<T extends z.ZodType>(item: T, max = 100) {
  return z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'must not repeat an entry');
}

/** CTR-2: a period, both days included, that does not end before it starts. */
export const periodInput = z
  .object({ from: calendarDateInput, to: calendarDateInput })
  .strict()
  .superRefine((period, ctx) => {
    if (period.to < period.from) {
      addRuleIssues(ctx, [
        { rule: 'CTR-2', field: 'to', message: 'the period cannot end before it starts' },
      ]);
    }
  });

/** CTR-1: a total for the period split over the payments, or the amount of each payment. */
export const fixedFeeInput = z
  .object({
    kind: z.enum(['total', 'periodic']),
    amount: moneyInput.refine((cents) => cents > 0n, 'a fixed fee is more than 0.00'),
    frequency: z.enum(PAYMENT_FREQUENCIES),
  })
  .strict();

/** CTR-1 / CTR-5: a utilization contract's rate for one covered service over a sub-period. */
export const unitRateInput = z
  .object({
    providerServiceId: uuid,
    from: calendarDateInput,
    to: calendarDateInput,
    rate: moneyInput,
  })
  .strict();

export const performanceMeasureInput = z.object({ name: text(200), target: text(500) }).strict();

/** A licence type's code as the licence registry names it (CRD-2), stored upper-case. */
const licenceTypeCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a licence type code like FOSTER-CARE')
  .transform((value) => value.toUpperCase());

/**
 * CTR-2: the terms that may change while a contract is editing (PATCH), with a re-issue while it is
 * issued (CTR-3), or in an amendment (CTR-5). The provider, the group and the type are the
 * contract's identity: to change them, cancel and create another contract.
 */
const termsFields = {
  title: text(200),
  /** CTR-2: for group contracts, the affiliated providers bound by it. */
  boundProviderIds: distinct(uuid, 200),
  period: periodInput,
  /** CTR-2: approved provider services of the provider (or of a bound provider). */
  coveredProviderServiceIds: distinct(uuid),
  /** CTR-1: fixed-fee contracts only. */
  fixedFee: fixedFeeInput.nullable(),
  /** CTR-1 / CTR-5: utilization contracts only; per covered service, sub-periods do not overlap. */
  unitRates: z.array(unitRateInput).max(500),
  placeLimit: z.number().int().min(1).max(100_000).nullable(),
  performanceMeasures: z.array(performanceMeasureInput).max(50),
  /** CTR-2: a valid licence of each of these types is needed to activate. */
  requiredLicenceTypeCodes: distinct(licenceTypeCode, 50),
};

export const contractChangesInput = changingSomething(z.object(termsFields).partial().strict());
export type ContractChanges = z.infer<typeof contractChangesInput>;

export const createContractBody = z
  .object({
    title: termsFields.title,
    providerId: uuid,
    /** Set for a provider-group contract (CTR-2); `providerId` is the affiliated provider that signs. */
    providerGroupId: uuid.nullable().default(null),
    type: z.enum(['fixed-fee', 'utilization']),
    period: termsFields.period,
    coveredProviderServiceIds: termsFields.coveredProviderServiceIds.default([]),
    boundProviderIds: termsFields.boundProviderIds.default([]),
    fixedFee: termsFields.fixedFee.default(null),
    unitRates: termsFields.unitRates.default([]),
    placeLimit: termsFields.placeLimit.default(null),
    performanceMeasures: termsFields.performanceMeasures.default([]),
    requiredLicenceTypeCodes: termsFields.requiredLicenceTypeCodes.default([]),
  })
  .strict();
export type CreateContractBody = z.infer<typeof createContractBody>;

export const createContractExample: z.input<typeof createContractBody> = {
  title: 'Foster care 2026',
  providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  type: 'fixed-fee',
  period: { from: '2026-01-01', to: '2026-12-31' },
  coveredProviderServiceIds: ['0199a3c2-9a10-7cc0-8d5e-000000000301'],
  fixedFee: { kind: 'total', amount: '12000.00', frequency: 'monthly' },
  placeLimit: 10,
  performanceMeasures: [{ name: 'Placement stability', target: '90% last 6 months' }],
  requiredLicenceTypeCodes: ['FOSTER-CARE'],
};

export const updateContractExample: z.input<typeof contractChangesInput> = {
  placeLimit: 12,
  performanceMeasures: [{ name: 'Placement stability', target: '95% last 6 months' }],
};

const optionalReason = z.string().trim().max(2_000).nullable().optional();

/** CTR-3: cancel a contract that never became active; the reason is optional. */
export const cancelContractBody = z.object({ reason: optionalReason }).strict();
export type CancelContractBody = z.infer<typeof cancelContractBody>;

/** CTR-7: terminate an active contract on a day, with the reason (breach, poor performance …). */
export const terminateContractBody = z
  .object({ terminatedOn: calendarDateInput, reason: text(2_000) })
  .strict();
export type TerminateContractBody = z.infer<typeof terminateContractBody>;

/** CTR-5: the changes of an amendment, applied to a copy of the active version's terms. */
export const amendContractBody = z
  .object({ changes: contractChangesInput, reason: optionalReason })
  .strict();
export type AmendContractBody = z.infer<typeof amendContractBody>;

/**
 * CTR-6: a renewal; without `periodTo` it lasts as long as the renewed contract. `changes` adjust
 * the copied terms (e.g. drop a service that is no longer approved); the period is the renewal's.
 */
export const renewContractBody = z
  .object({
    periodTo: calendarDateInput.optional(),
    changes: z.object(termsFields).omit({ period: true }).partial().strict().optional(),
  })
  .strict();
export type RenewContractBody = z.infer<typeof renewContractBody>;

export const resolveFlagBody = z.object({ resolution: text(2_000) }).strict();
export type ResolveFlagBody = z.infer<typeof resolveFlagBody>;

const statusList = z
  .union([z.enum(CONTRACT_STATUSES), z.array(z.enum(CONTRACT_STATUSES))])
  .transform((value) => (Array.isArray(value) ? value : [value]));

export const listContractsQuery = pageQuery.extend({
  providerId: uuid.optional(),
  /** One status, or several (`status=issued&status=active`). */
  status: statusList.optional(),
  type: z.enum(['fixed-fee', 'utilization']).optional(),
  contractNumber: z.string().trim().min(1).max(40).optional(),
  /** Only contracts with an open flag (a required licence expired, CTR-2). */
  flagged: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** Only contracts whose period contains this day. */
  activeOn: calendarDateInput.optional(),
});
export type ListContractsQuery = z.infer<typeof listContractsQuery>;

export const selfServiceContractsQuery = pageQuery.extend({
  status: statusList.optional(),
});
export type SelfServiceContractsQuery = z.infer<typeof selfServiceContractsQuery>;
