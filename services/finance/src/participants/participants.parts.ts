import type { Provider, Type } from '@nestjs/common';

/** Clients, nominees and cases (FIN-4 registered parties, valid case): what FinanceModule registers. */
export const PARTICIPANTS_CONTROLLERS: Type[] = [];
export const PARTICIPANTS_PROVIDERS: Provider[] = [];
