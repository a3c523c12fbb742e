import type { Provider, Type } from '@nestjs/common';

/** Invoice processing: set-based validation, matching, pricing, payees (FIN-4…FIN-9, FIN-14): what FinanceModule registers. */
export const PROCESSING_CONTROLLERS: Type[] = [];
export const PROCESSING_PROVIDERS: Provider[] = [];
