import type { Provider, Type } from '@nestjs/common';

/** The invoice exception process's side in finance (WF-4, FIN-6): what FinanceModule registers. */
export const EXCEPTIONS_CONTROLLERS: Type[] = [];
export const EXCEPTIONS_PROVIDERS: Provider[] = [];
