import type { Provider, Type } from '@nestjs/common';
import { CsvPaymentExport } from './csv-payment-export.js';
import { PaymentApprovalService } from './payment-approval.service.js';
import { PaymentRunsController } from './payment-runs.controller.js';
import { PaymentRunsService } from './payment-runs.service.js';
import { PAYMENT_SYSTEM } from './payment-system.port.js';
import { PaymentsController } from './payments.controller.js';
import { SelfServicePaymentsController } from './self-service-payments.controller.js';

/** Payments: calculated → approved → issued, the payment port and its CSV adapter (ROLE-1): what FinanceModule registers. */
export const PAYMENTS_CONTROLLERS: Type[] = [
  PaymentsController,
  PaymentRunsController,
  SelfServicePaymentsController,
];
export const PAYMENTS_PROVIDERS: Provider[] = [
  PaymentApprovalService,
  PaymentRunsService,
  // The agency's payment system: rebind this token to hand runs over another way.
  { provide: PAYMENT_SYSTEM, useClass: CsvPaymentExport },
];
