import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '@platform/kernel';
import { randomUUID } from 'node:crypto';
import type { Cents } from '../shared/money.js';
import { LicenceType } from '../licences/licence.entities.js';
import type { FixedFee, UnitRate } from './contract-rules.js';
import type { ContractChanges } from './contract.schemas.js';
import {
  ContractBoundProvider,
  ContractCoveredService,
  ContractPerformanceMeasure,
  ContractRequiredLicenceType,
  ContractUnitRate,
  type ContractRecord,
} from './contract.entities.js';

/**
 * CTR-1 / CTR-2: every term of one contract version, in memory: what create, PATCH, re-issue,
 * amendment and renewal build, check (`checkContractTerms`) and store (`writeContractTerms`).
 * Money in cents; child lists in a stable order.
 */
export interface ContractTermsState {
  title: string;
  providerId: string;
  providerGroupId: string | null;
  type: 'fixed-fee' | 'utilization';
  period: { from: CalendarDate; to: CalendarDate };
  coveredProviderServiceIds: string[];
  boundProviderIds: string[];
  fixedFee: FixedFee | null;
  unitRates: UnitRate[];
  placeLimit: number | null;
  performanceMeasures: { name: string; target: string }[];
  /** Upper-case codes of the licence types (CTR-2), as the API names them. */
  requiredLicenceTypeCodes: string[];
}

/** The stored fixed fee of a contract (CTR-1), or null for a utilization contract. */
export function fixedFeeOf(contract: ContractRecord): FixedFee | null {
  if (!contract.fixedFeeKind || contract.fixedFeeAmountCents == null || !contract.fixedFeeFrequency)
    return null;
  return {
    kind: contract.fixedFeeKind,
    amount: contract.fixedFeeAmountCents as Cents,
    frequency: contract.fixedFeeFrequency,
  };
}

/** Reads the terms of a stored contract version. */
export async function loadContractTermsState(
  em: EntityManager,
  contract: ContractRecord,
): Promise<ContractTermsState> {
  const contractId = contract.id;
  const [covered, bound, rates, measures, licenceTypes] = await Promise.all([
    em.find(ContractCoveredService, { contractId }, { orderBy: { providerServiceId: 'asc' } }),
    em.find(ContractBoundProvider, { contractId }, { orderBy: { providerId: 'asc' } }),
    em.find(
      ContractUnitRate,
      { contractId },
      { orderBy: { providerServiceId: 'asc', from: 'asc' } },
    ),
    em.find(ContractPerformanceMeasure, { contractId }, { orderBy: { position: 'asc' } }),
    em.find(ContractRequiredLicenceType, { contractId }),
  ]);
  const types =
    licenceTypes.length === 0
      ? []
      : await em.find(
          LicenceType,
          { id: { $in: licenceTypes.map((row) => row.licenceTypeId) } },
          { orderBy: { code: 'asc' } },
        );
  return {
    title: contract.title,
    providerId: contract.providerId,
    providerGroupId: contract.providerGroupId ?? null,
    type: contract.type,
    period: { from: contract.periodFrom as CalendarDate, to: contract.periodTo as CalendarDate },
    coveredProviderServiceIds: covered.map((row) => row.providerServiceId),
    boundProviderIds: bound.map((row) => row.providerId),
    fixedFee: fixedFeeOf(contract),
    unitRates: rates.map((rate) => ({
      providerServiceId: rate.providerServiceId,
      from: rate.from as CalendarDate,
      to: rate.to as CalendarDate,
      rate: rate.rateCents as Cents,
    })),
    placeLimit: contract.placeLimit ?? null,
    performanceMeasures: measures.map((measure) => ({
      name: measure.name,
      target: measure.target,
    })),
    requiredLicenceTypeCodes: types.map((type) => type.code),
  };
}

/** The terms with the changes applied: a key given replaces that term whole (PATCH semantics). */
export function mergeContractChanges(
  state: ContractTermsState,
  changes: ContractChanges,
): ContractTermsState {
  const defined = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<ContractTermsState>;
  return { ...state, ...defined };
}

/** The names of the terms whose value the changes actually alter (for history and events). */
export function changedTerms(before: ContractTermsState, after: ContractTermsState): string[] {
  return (Object.keys(after) as (keyof ContractTermsState)[]).filter(
    (key) => canonical(before[key]) !== canonical(after[key]),
  );
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? item.toString() : item,
  );
}

/**
 * Stores the terms on the contract row and replaces its child rows (covered services, bound
 * providers, unit rates, measures, licence types). Flushes first so a new contract row exists
 * before its children; the children are written natively, deletes before inserts, so the unique
 * and exclusion constraints (CTR-5: one rate per service per day) see only the new rows.
 */
export async function writeContractTerms(
  em: EntityManager,
  contract: ContractRecord,
  state: ContractTermsState,
  licenceTypeIds: readonly string[],
): Promise<void> {
  contract.title = state.title;
  contract.periodFrom = state.period.from;
  contract.periodTo = state.period.to;
  contract.fixedFeeKind = state.fixedFee?.kind ?? null;
  contract.fixedFeeAmountCents = state.fixedFee?.amount ?? null;
  contract.fixedFeeFrequency = state.fixedFee?.frequency ?? null;
  contract.placeLimit = state.placeLimit;
  await em.flush();

  const contractId = contract.id;
  await em.nativeDelete(ContractCoveredService, { contractId });
  await em.nativeDelete(ContractBoundProvider, { contractId });
  await em.nativeDelete(ContractUnitRate, { contractId });
  await em.nativeDelete(ContractPerformanceMeasure, { contractId });
  await em.nativeDelete(ContractRequiredLicenceType, { contractId });
  if (state.coveredProviderServiceIds.length > 0) {
    await em.insertMany(
      ContractCoveredService,
      state.coveredProviderServiceIds.map((providerServiceId) => ({
        contractId,
        providerServiceId,
      })),
    );
  }
  if (state.boundProviderIds.length > 0) {
    await em.insertMany(
      ContractBoundProvider,
      state.boundProviderIds.map((providerId) => ({ contractId, providerId })),
    );
  }
  if (state.unitRates.length > 0) {
    await em.insertMany(
      ContractUnitRate,
      state.unitRates.map((rate) => ({
        id: randomUUID(),
        contractId,
        providerServiceId: rate.providerServiceId,
        from: rate.from,
        to: rate.to,
        rateCents: rate.rate,
      })),
    );
  }
  if (state.performanceMeasures.length > 0) {
    await em.insertMany(
      ContractPerformanceMeasure,
      state.performanceMeasures.map((measure, position) => ({
        id: randomUUID(),
        contractId,
        position,
        name: measure.name,
        target: measure.target,
      })),
    );
  }
  if (licenceTypeIds.length > 0) {
    await em.insertMany(
      ContractRequiredLicenceType,
      licenceTypeIds.map((licenceTypeId) => ({ contractId, licenceTypeId })),
    );
  }
}
