import type { PaymentRow } from './payment.views.js';
import { money } from './payment.views.js';

/** The facts every payment event carries (libs/contracts finance.events `paymentFacts`). */
export function paymentEventFacts(row: PaymentRow) {
  return {
    paymentId: row.paymentId,
    reference: row.reference,
    providerId: row.providerId,
    payee: { kind: row.payeeKind, id: row.payeeId, rule: row.payeeRule },
    invoiceId: row.invoiceId,
    amount: money(row.amountCents),
  };
}
