import { describe, expect, it } from '@jest/globals';
import type { InvoiceExceptionState, InvoiceLineFailure } from '@platform/contracts/workflows';
import { invoiceExceptionSummary } from './summary.js';
import { exceptionTaskContent } from './task-content.js';

const line = {
  invoiceId: 'inv-1',
  invoiceReference: 'INV-2026-0042',
  lineItemId: 'line-3',
  lineNumber: 3,
};
const units: InvoiceLineFailure = {
  code: 'not-enough-unbilled-units',
  rule: 'FIN-4',
  message: '12 units billed, 10 unbilled',
};
const client: InvoiceLineFailure = {
  code: 'client-not-authorized',
  rule: 'FIN-4',
  message: 'Client C-19 is not on the authorization',
};

const state = (overrides: Partial<InvoiceExceptionState> = {}): InvoiceExceptionState => ({
  status: 'awaiting-resolution',
  taskId: 't-1',
  assignee: null,
  attempt: 1,
  failures: [units, client],
  attempts: [],
  escalated: false,
  ...overrides,
});

const resubmitted = {
  attempt: 1,
  failures: [units],
  decidedBy: 'fu.fong',
  outcome: 'resubmitted' as const,
};

describe('invoice exception task and memo (WF-4, FIN-6, ARCHITECTURE rule 7)', () => {
  it('FIN-6: the task names the invoice and line, lists every reason with its rule, and says how to resolve it', () => {
    expect(exceptionTaskContent(line, [units, client], 1)).toEqual({
      title: 'Invoice INV-2026-0042 line 3: failed processing (attempt 1, 2 reasons)',
      details: [
        'FIN-4 · not-enough-unbilled-units: 12 units billed, 10 unbilled',
        'FIN-4 · client-not-authorized: Client C-19 is not on the authorization',
        'Modify the line item (PATCH /invoices/inv-1/line-items/line-3), then resubmit it; or deny it with a reason',
      ],
    });
  });

  it('WF-4: the memo says in one line where the exception stands', () => {
    const facts = { dueOn: '2026-03-31' };
    expect(invoiceExceptionSummary(line, state(), facts)).toBe(
      'Invoice INV-2026-0042 line 3: 2 reasons — awaiting resolution, due 2026-03-31',
    );
    expect(
      invoiceExceptionSummary(line, state({ status: 'escalated', failures: [units] }), facts),
    ).toBe(
      'Invoice INV-2026-0042 line 3: 1 reason — resolution overdue since 2026-03-31, escalated',
    );
    expect(
      invoiceExceptionSummary(
        line,
        state({ status: 'revalidating', attempts: [resubmitted] }),
        facts,
      ),
    ).toBe('Invoice INV-2026-0042 line 3: resubmitted by fu.fong, being processed again');
    expect(
      invoiceExceptionSummary(
        line,
        state({ status: 'resolved', attempt: 2, attempts: [resubmitted] }),
        { ...facts, paymentId: 'pay-9' },
      ),
    ).toBe(
      'Invoice INV-2026-0042 line 3: resolved after attempt 2 (resubmitted by fu.fong), payment pay-9',
    );
    expect(
      invoiceExceptionSummary(
        line,
        state({ status: 'denied', attempts: [{ ...resubmitted, outcome: 'denied' }] }),
        { ...facts, reason: 'Duplicate' },
      ),
    ).toBe('Invoice INV-2026-0042 line 3: denied by fu.fong: Duplicate');
  });
});
