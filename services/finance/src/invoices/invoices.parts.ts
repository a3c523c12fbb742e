import type { Provider, Type } from '@nestjs/common';

/** Service invoices: entry by finance staff, self-service requests, line items (FIN-3): what FinanceModule registers. */
export const INVOICES_CONTROLLERS: Type[] = [];
export const INVOICES_PROVIDERS: Provider[] = [];
