import { Injectable } from '@nestjs/common';
import type {
  HandedOver,
  PaymentInstruction,
  PaymentRunHandover,
  PaymentSystemPort,
} from './payment-system.port.js';

/**
 * The column order of the export, stable across releases (the agency's import maps columns by
 * position as well as by header; add new columns only at the end):
 *
 *  1 payment_reference   PAY-2026-000001
 *  2 payee_kind          provider | group | nominee (FIN-14)
 *  3 payee_id            UUID
 *  4 payee_name          empty when finance does not know it
 *  5 provider_id         UUID
 *  6 provider_name       empty when finance does not know it
 *  7 amount              exact decimal, two places, "." separator, no grouping: 1234.50
 *  8 invoice_reference   INV-2026-000001, empty when none
 *  9 run_reference       RUN-2026-000001
 * 10 date                YYYY-MM-DD, the run's date
 */
const COLUMNS: readonly [string, (payment: PaymentInstruction) => string | null][] = [
  ['payment_reference', (p) => p.paymentReference],
  ['payee_kind', (p) => p.payeeKind],
  ['payee_id', (p) => p.payeeId],
  ['payee_name', (p) => p.payeeName],
  ['provider_id', (p) => p.providerId],
  ['provider_name', (p) => p.providerName],
  ['amount', (p) => p.amount],
  ['invoice_reference', (p) => p.invoiceReference],
  ['run_reference', (p) => p.runReference],
  ['date', (p) => p.date],
];

const CRLF = '\r\n';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string | null): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvRecord = (fields: readonly (string | null)[]): string =>
  fields.map(csvField).join(',') + CRLF;

/**
 * The first payment-system adapter: one RFC 4180 CSV file per run (UTF-8, header row, CRLF after
 * every record), the payments in the order given. The same run always gives the same bytes.
 */
@Injectable()
export class CsvPaymentExport implements PaymentSystemPort {
  readonly adapterName = 'csv-export';

  handOver(run: PaymentRunHandover): HandedOver {
    const text =
      csvRecord(COLUMNS.map(([header]) => header)) +
      run.instructions
        .map((payment) => csvRecord(COLUMNS.map(([, cell]) => cell(payment))))
        .join('');
    return {
      fileName: `${run.runReference}.csv`,
      mediaType: 'text/csv',
      content: Buffer.from(text, 'utf8'),
    };
  }
}
