import type { Provider, Type } from '@nestjs/common';
import { SubmitInvoiceController } from './submit-invoice.controller.js';

/** Invoice processing: set-based validation, matching, pricing, payees (FIN-4…FIN-9, FIN-14): what FinanceModule registers. */
export const PROCESSING_CONTROLLERS: Type[] = [SubmitInvoiceController];
export const PROCESSING_PROVIDERS: Provider[] = [];
