/**
 * The boundary to whatever payment system the agency runs (ROLE-1: issue). A payment run hands
 * its approved payments over through this port; the adapter decides the form (a file to upload,
 * a message to a ledger…) and says exactly what was handed over, which the run stores with its
 * SHA-256 so what left can always be shown again. Finance binds `PAYMENT_SYSTEM` to one adapter
 * (the CSV export first); another adapter replaces it by rebinding the token.
 */

/** One approved payment as the payment system needs it. Money is an exact decimal string. */
export interface PaymentInstruction {
  /** PAY-<year>-<sequence>: the reference the payee sees on the remittance. */
  paymentReference: string;
  payeeKind: 'provider' | 'group' | 'nominee';
  payeeId: string;
  /** From finance's records (provider, group or participant); null when finance does not know it. */
  payeeName: string | null;
  providerId: string;
  providerName: string | null;
  /** "1234.50": two decimals, never a float. */
  amount: string;
  /** The invoice the payment pays; null for payments not from an invoice. */
  invoiceReference: string | null;
  /** RUN-<year>-<sequence> of the run that hands it over. */
  runReference: string;
  /** The run's date, YYYY-MM-DD. */
  date: string;
}

/** A payment run as it is handed over: its reference, its date and its payments in order. */
export interface PaymentRunHandover {
  runReference: string;
  date: string;
  instructions: readonly PaymentInstruction[];
}

/** What was handed over: the run keeps these bytes, served back unchanged. */
export interface HandedOver {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export interface PaymentSystemPort {
  /** Stored on the run, so it is known later which adapter produced its file. */
  readonly adapterName: string;
  handOver(run: PaymentRunHandover): HandedOver | Promise<HandedOver>;
}

/** Nest provider token of the agency's payment system adapter. */
export const PAYMENT_SYSTEM = Symbol('PaymentSystemPort');
