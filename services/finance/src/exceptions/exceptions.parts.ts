import type { Provider, Type } from '@nestjs/common';
import { InvoiceExceptionStarter } from './invoice-exception.starter.js';

/** The invoice exception process's side in finance (WF-4, FIN-6): what FinanceModule registers. */
export const EXCEPTIONS_CONTROLLERS: Type[] = [InvoiceExceptionStarter];
export const EXCEPTIONS_PROVIDERS: Provider[] = [];
