import { randomUUID } from 'node:crypto';
import {
  contractActivated,
  serviceProductCreated,
  type Actor,
  type EventData,
} from '@platform/contracts';
import type { FinanceApp } from './finance-app.js';

/** Who the providers service names on the events these suites publish. */
export const RESOURCE_MANAGER: Actor = { userId: 'rm.rivera', roles: ['resource-manager'] };

/** What the providers service would have published, as `publish` input: the aggregate and data. */
export function fact<T extends { providerId: string }>(data: T, occurredAt?: string) {
  return {
    aggregateId: data.providerId,
    data,
    actor: RESOURCE_MANAGER,
    ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}),
  };
}

/** A registered product (the contract's example, under a new id), as `service-product.created`. */
export async function publishProduct(
  app: FinanceApp,
  changes: Partial<EventData<typeof serviceProductCreated>> = {},
): Promise<string> {
  const productId = randomUUID();
  await app.publish(serviceProductCreated, {
    aggregateId: productId,
    data: { ...serviceProductCreated.example, productId, ...changes },
    actor: RESOURCE_MANAGER,
  });
  return productId;
}

type Activation = EventData<typeof contractActivated>;

/** `contract.activated` for a new contract version of the provider, over 2026. */
export async function publishActivation(
  app: FinanceApp,
  providerId: string,
  terms: Partial<Activation> & Pick<Activation, 'type'>,
): Promise<Activation> {
  const data: Activation = {
    contractId: randomUUID(),
    contractNumber: `C-2026-${randomUUID().slice(0, 6)}`,
    version: 1,
    providerId,
    period: { from: '2026-01-01', to: '2026-12-31' },
    activatedOn: '2025-12-20',
    providerServiceIds: [],
    boundProviderIds: [],
    placeLimit: null,
    fixedFee: null,
    unitRates: [],
    supersedesContractId: null,
    ...terms,
  };
  await app.publish(contractActivated, {
    aggregateId: data.contractId,
    data,
    actor: RESOURCE_MANAGER,
  });
  return data;
}

/** FIN-11: a monthly schedule over 2026, every period paying `amount`. */
export function monthlyPayments(amount: string, fromMonth = 1) {
  return Array.from({ length: 13 - fromMonth }, (_, index) => {
    const month = fromMonth + index;
    const last = new Date(Date.UTC(2026, month, 0)).getUTCDate();
    const mm = String(month).padStart(2, '0');
    return { from: `2026-${mm}-01`, to: `2026-${mm}-${last}`, amount };
  });
}
