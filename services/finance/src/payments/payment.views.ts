import { formatSignedMoney } from '@platform/kernel';
import type { PaymentStatus } from './payment.schemas.js';

/** Money columns leave Postgres as bigint text and the API as "1234.50" (ARCHITECTURE rule 8). */
export const money = (cents: string): string => formatSignedMoney(BigInt(cents));

export type PayeeKind = 'provider' | 'group' | 'nominee';

/** A payment as a list shows it: who is paid how much for what, and where it is in its lifecycle. */
export interface PaymentSummaryView {
  paymentId: string;
  reference: string;
  status: PaymentStatus;
  providerId: string;
  providerName: string | null;
  /** FIN-14: the provider, its group (PRV-5) or a nominee; `rule` says which rule chose it. */
  payee: { kind: PayeeKind; id: string; name: string | null; rule: string };
  invoiceId: string | null;
  invoiceReference: string | null;
  amount: string;
  billed: string;
  calculatedAt: string;
  approvedAt: string | null;
  approvedBy: string | null;
  issuedAt: string | null;
  issuedBy: string | null;
  paymentRunId: string | null;
  paymentRunReference: string | null;
}

/** One priced run of days of an invoice line item (FIN-7, FIN-9). */
export interface PaymentLineView {
  lineItemId: string;
  partNumber: number;
  invoiceReference: string;
  lineNumber: number;
  period: { from: string; to: string };
  days: number;
  units: number;
  /** FIN-7: which source the rate came from, and the rate as pricing recorded it. */
  rateSource: string;
  rate: unknown;
  unitAmountPaid: string;
  billed: string;
  paid: string;
}

/** FIN-8: why a part was paid differently from what was billed. */
export interface PaymentAdjustmentView {
  lineItemId: string;
  partNumber: number;
  rule: string;
  /** SVC-3: the case of the payment options that applied (e.g. billed above the rate). */
  svc3Case: string;
  option: string;
  /** PRV-7 / SVC-3: whose payment options decided — the provider's or the product's. */
  optionsOwner: string;
  rateSource: string;
  billed: string;
  paid: string;
  difference: string;
  explanation: string;
}

export interface PaymentView extends PaymentSummaryView {
  lines: PaymentLineView[];
  adjustments: PaymentAdjustmentView[];
}

/** A payment as the payment row query reads it (names joined from finance's records). */
export interface PaymentRow {
  paymentId: string;
  reference: string;
  status: PaymentStatus;
  providerId: string;
  providerName: string | null;
  payeeKind: PayeeKind;
  payeeId: string;
  payeeName: string | null;
  payeeRule: string;
  invoiceId: string | null;
  invoiceReference: string | null;
  amountCents: string;
  billedCents: string;
  calculatedAt: string;
  approvedAt: string | null;
  approvedBy: string | null;
  issuedAt: string | null;
  issuedBy: string | null;
  paymentRunId: string | null;
  paymentRunReference: string | null;
}

export function paymentSummaryView(row: PaymentRow): PaymentSummaryView {
  const { payeeKind, payeeId, payeeName, payeeRule, amountCents, billedCents, ...rest } = row;
  return {
    ...rest,
    payee: { kind: payeeKind, id: payeeId, name: payeeName, rule: payeeRule },
    amount: money(amountCents),
    billed: money(billedCents),
  };
}

/** A payment run: what was handed to the payment system, when, by whom, and its file's hash. */
export interface PaymentRunSummaryView {
  paymentRunId: string;
  reference: string;
  adapter: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  paymentCount: number;
  total: string;
  createdAt: string;
  createdBy: string;
  /** Where the stored file is served. */
  fileLink: string;
}

export interface PaymentRunView extends PaymentRunSummaryView {
  payments: PaymentSummaryView[];
}
