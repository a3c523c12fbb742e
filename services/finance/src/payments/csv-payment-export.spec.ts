import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CsvPaymentExport, csvField } from './csv-payment-export.js';
import type { PaymentInstruction, PaymentRunHandover } from './payment-system.port.js';

const instruction = (overrides: Partial<PaymentInstruction> = {}): PaymentInstruction => ({
  paymentReference: 'PAY-2026-000001',
  payeeKind: 'provider',
  payeeId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  payeeName: 'Sunrise Day Care',
  providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  providerName: 'Sunrise Day Care',
  amount: '1234.50',
  invoiceReference: 'INV-2026-000001',
  runReference: 'RUN-2026-000007',
  date: '2026-11-23',
  ...overrides,
});

const run = (...instructions: PaymentInstruction[]): PaymentRunHandover => ({
  runReference: 'RUN-2026-000007',
  date: '2026-11-23',
  instructions,
});

const HEADER =
  'payment_reference,payee_kind,payee_id,payee_name,provider_id,provider_name,amount,' +
  'invoice_reference,run_reference,date';

const text = (handover: PaymentRunHandover) =>
  new CsvPaymentExport().handOver(handover).content.toString('utf8');

describe('CSV payment export (the payment-system port, ROLE-1 issue)', () => {
  it('names the file after the run and says it is CSV', () => {
    const handed = new CsvPaymentExport().handOver(run(instruction()));
    expect(handed.fileName).toBe('RUN-2026-000007.csv');
    expect(handed.mediaType).toBe('text/csv');
  });

  it('RFC 4180: a header row, then one record per payment, every record ended by CRLF', () => {
    const csv = text(run(instruction(), instruction({ paymentReference: 'PAY-2026-000002' })));
    expect(csv.split('\r\n')).toEqual([
      HEADER,
      'PAY-2026-000001,provider,0199a3c2-9a10-7cc0-8d5e-000000000001,Sunrise Day Care,' +
        '0199a3c2-9a10-7cc0-8d5e-000000000001,Sunrise Day Care,1234.50,INV-2026-000001,' +
        'RUN-2026-000007,2026-11-23',
      'PAY-2026-000002,provider,0199a3c2-9a10-7cc0-8d5e-000000000001,Sunrise Day Care,' +
        '0199a3c2-9a10-7cc0-8d5e-000000000001,Sunrise Day Care,1234.50,INV-2026-000001,' +
        'RUN-2026-000007,2026-11-23',
      '',
    ]);
    // No bare LF anywhere: every line break is CRLF.
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('RFC 4180: a run with no payment is the header alone', () => {
    expect(text(run())).toBe(`${HEADER}\r\n`);
  });

  it('RFC 4180: fields with a comma, a quote or a line break are quoted, quotes doubled', () => {
    expect(csvField('Smith, Jones & Co')).toBe('"Smith, Jones & Co"');
    expect(csvField('The "Best" Care')).toBe('"The ""Best"" Care"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
  });

  it('RFC 4180: a quoted name stays one field of its record', () => {
    const csv = text(
      run(instruction({ payeeName: 'Harbor "Family", Therapy', providerName: null })),
    );
    const record = csv.split('\r\n')[1];
    expect(record).toBe(
      'PAY-2026-000001,provider,0199a3c2-9a10-7cc0-8d5e-000000000001,' +
        '"Harbor ""Family"", Therapy",0199a3c2-9a10-7cc0-8d5e-000000000001,,1234.50,' +
        'INV-2026-000001,RUN-2026-000007,2026-11-23',
    );
  });

  it('ARCHITECTURE rule 8: amounts are written exactly as given, never through a float', () => {
    const amounts = ['0.10', '0.20', '90071992547409.93', '1000.00'];
    const csv = text(run(...amounts.map((amount) => instruction({ amount }))));
    const column = csv
      .split('\r\n')
      .slice(1, -1)
      .map((record) => record.split(',')[6]);
    expect(column).toEqual(amounts);
  });

  it('an unknown payee name or invoice is an empty field, not "null"', () => {
    const csv = text(
      run(instruction({ payeeKind: 'nominee', payeeName: null, invoiceReference: null })),
    );
    expect(csv).not.toContain('null');
    expect(csv.split('\r\n')[1]?.split(',')).toEqual([
      'PAY-2026-000001',
      'nominee',
      '0199a3c2-9a10-7cc0-8d5e-000000000001',
      '',
      '0199a3c2-9a10-7cc0-8d5e-000000000001',
      'Sunrise Day Care',
      '1234.50',
      '',
      'RUN-2026-000007',
      '2026-11-23',
    ]);
  });

  it('is deterministic: the same run gives the same bytes, so its SHA-256 is stable', () => {
    const handover = run(instruction(), instruction({ payeeName: 'Ünïcode, "quoted"' }));
    const hash = () =>
      createHash('sha256').update(new CsvPaymentExport().handOver(handover).content).digest('hex');
    expect(hash()).toBe(hash());
    expect(new CsvPaymentExport().handOver(handover).content.toString('utf8')).toContain(
      '"Ünïcode, ""quoted"""',
    );
  });
});
