import type {
  PaymentOptions,
  ProviderServiceRate,
  ProviderServiceSnapshot,
  ProviderServiceWarning,
} from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { auditView } from '../shared/audit.js';
import { formatMoney, type Cents } from '../shared/money.js';
import type { RateInput } from './provider-service.schemas.js';
import { availableProviderServiceActions } from './provider-service-lifecycle.js';
import type {
  ProviderServiceApprovalRecord,
  ProviderServiceRecord,
} from './provider-service.entity.js';

const money = (cents: Cents | null | undefined) => (cents == null ? null : formatMoney(cents));

/** PRV-6: the stored override as it travels (decimal strings), or null when there is none. */
export function rateOf(service: ProviderServiceRecord): ProviderServiceRate | null {
  if (service.rateKind === 'fixed') {
    return { kind: 'fixed', amount: formatMoney(service.rateFixedCents as Cents) };
  }
  if (service.rateKind === 'range') {
    return {
      kind: 'range',
      minimum: money(service.rateMinimumCents),
      maximum: money(service.rateMaximumCents),
    };
  }
  return null;
}

/** PRV-6: the columns that store a rate override (all null: none). */
export function rateColumns(rate: RateInput | null) {
  return {
    rateKind: rate?.kind ?? null,
    rateFixedCents: rate?.kind === 'fixed' ? rate.amount : null,
    rateMinimumCents: rate?.kind === 'range' ? rate.minimum : null,
    rateMaximumCents: rate?.kind === 'range' ? rate.maximum : null,
  };
}

export const period = (service: ProviderServiceRecord) => ({
  from: service.from as CalendarDate,
  to: (service.to ?? null) as CalendarDate | null,
});

/** The provider service as events carry it. */
export function providerServiceSnapshot(service: ProviderServiceRecord): ProviderServiceSnapshot {
  return {
    providerId: service.providerId,
    providerServiceId: service.id,
    serviceProductId: service.serviceProductId,
    status: service.status,
    from: service.from,
    to: service.to ?? null,
    rate: rateOf(service),
    placeLimit: service.placeLimit ?? null,
    paymentOptions: (service.paymentOptions ?? null) as PaymentOptions | null,
  };
}

export interface ProductSummary {
  name: string;
  unitOfMeasure: string;
}

export type ProviderServiceView = ReturnType<typeof providerServiceView>;

/** The provider service as the API shows it, with the moves open to it. */
export function providerServiceView(service: ProviderServiceRecord, product: ProductSummary) {
  const { providerServiceId, ...snapshot } = providerServiceSnapshot(service);
  return {
    id: providerServiceId,
    ...snapshot,
    serviceProductName: product.name,
    unitOfMeasure: product.unitOfMeasure,
    statusReason: service.statusReason ?? null,
    availableActions: availableProviderServiceActions(service.status),
    ...auditView(service),
  };
}

/** A response that also shows the warnings of the change (SVC-7, SVC-10). */
export type WarnedProviderServiceView = ProviderServiceView & {
  warnings: ProviderServiceWarning[];
};

export type ApprovalView = ReturnType<typeof approvalView>;

export function approvalView(approval: ProviderServiceApprovalRecord) {
  return {
    id: approval.id,
    providerServiceId: approval.providerServiceId,
    providerId: approval.providerId,
    approvedOn: approval.approvedOn,
    checkedOn: approval.checkedOn,
    warnings: approval.warnings,
    approvedBy: approval.createdBy,
    approvedAt: approval.createdAt.toISOString(),
  };
}
