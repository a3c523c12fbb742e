import { describe, expect, it } from '@jest/globals';
import { invoiceLineFailed } from '@platform/contracts';
import { invoiceExceptionInput } from './invoice-exception-input.js';

const settings = {
  INVOICE_EXCEPTION_DAYS: 7,
  INVOICE_EXCEPTION_REMINDER_DAYS: 2,
  INVOICE_EXCEPTION_ESCALATION_ROLES: [] as ('administrator' | 'finance-user')[],
};

describe('the invoice exception process input (WF-4)', () => {
  it('WF-4: carries the failed line, every reason and the configured deadlines', () => {
    const input = invoiceExceptionInput(invoiceLineFailed.example, settings);
    expect(input).toEqual({
      ...invoiceLineFailed.example,
      resolutionDays: 7,
      reminderDaysBeforeDue: 2,
    });
    expect('escalateToRoles' in input).toBe(false);
  });

  it('WF-4: names who an overdue task escalates to only when configured', () => {
    const input = invoiceExceptionInput(invoiceLineFailed.example, {
      ...settings,
      INVOICE_EXCEPTION_ESCALATION_ROLES: ['administrator'],
    });
    expect(input.escalateToRoles).toEqual(['administrator']);
  });
});
