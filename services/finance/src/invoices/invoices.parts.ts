import type { Provider, Type } from '@nestjs/common';
import { InvoiceRequestsController } from './invoice-requests.controller.js';
import { InvoiceRequestsService } from './invoice-requests.service.js';
import { InvoicesController } from './invoices.controller.js';
import { InvoicesService } from './invoices.service.js';
import { SelfServiceInvoicesController } from './self-service-invoices.controller.js';

/** Service invoices: entry by finance staff, self-service requests, line items (FIN-3): what FinanceModule registers. */
export const INVOICES_CONTROLLERS: Type[] = [
  InvoicesController,
  InvoiceRequestsController,
  SelfServiceInvoicesController,
];
export const INVOICES_PROVIDERS: Provider[] = [InvoicesService, InvoiceRequestsService];
