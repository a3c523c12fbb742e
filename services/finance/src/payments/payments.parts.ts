import type { Provider, Type } from '@nestjs/common';

/** Payments: calculated → approved → issued, the payment port and its CSV adapter (ROLE-1): what FinanceModule registers. */
export const PAYMENTS_CONTROLLERS: Type[] = [];
export const PAYMENTS_PROVIDERS: Provider[] = [];
