import type { Provider, Type } from '@nestjs/common';

/** Service authorizations (FIN-1, FIN-2): what FinanceModule registers. */
export const AUTHORIZATIONS_CONTROLLERS: Type[] = [];
export const AUTHORIZATIONS_PROVIDERS: Provider[] = [];
