import type { EventData, InvoiceExceptionInput, invoiceLineFailed } from '@platform/contracts';
import type { FinanceConfig } from '../config.js';

type ExceptionSettings = Pick<
  FinanceConfig,
  | 'INVOICE_EXCEPTION_DAYS'
  | 'INVOICE_EXCEPTION_REMINDER_DAYS'
  | 'INVOICE_EXCEPTION_ESCALATION_ROLES'
>;

/** WF-4's input from the failed line's event and finance's configured deadlines. */
export function invoiceExceptionInput(
  failed: EventData<typeof invoiceLineFailed>,
  settings: ExceptionSettings,
): InvoiceExceptionInput {
  const escalateTo = settings.INVOICE_EXCEPTION_ESCALATION_ROLES;
  return {
    invoiceId: failed.invoiceId,
    invoiceReference: failed.invoiceReference,
    lineItemId: failed.lineItemId,
    lineNumber: failed.lineNumber,
    providerId: failed.providerId,
    attempt: failed.attempt,
    failures: failed.failures,
    resolutionDays: settings.INVOICE_EXCEPTION_DAYS,
    reminderDaysBeforeDue: settings.INVOICE_EXCEPTION_REMINDER_DAYS,
    // Empty: the queue's supervisor roles decide (the workflow's default).
    ...(escalateTo.length > 0 ? { escalateToRoles: escalateTo } : {}),
  };
}
