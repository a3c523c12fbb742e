import { describe, expect, it } from '@jest/globals';
import { changedPayByFlags, payByIssues, paymentChannels } from './pay-by.js';

const byInvoice = { payBasedOnAttendance: false, payBasedOnPlacement: false };
const byAttendance = { payBasedOnAttendance: true, payBasedOnPlacement: false };
const byPlacement = { payBasedOnAttendance: false, payBasedOnPlacement: true };

describe('pay-by flags (SVC-4)', () => {
  it('SVC-4: invoice payment needs no flag', () => {
    expect(paymentChannels(byInvoice)).toEqual(['invoice']);
  });

  it('SVC-4: a product paid by placement cannot be paid by invoice or roster', () => {
    expect(paymentChannels(byPlacement)).toEqual(['placement']);
  });

  it('SVC-4: a product paid by attendance is paid by roster, never by invoice', () => {
    expect(paymentChannels(byAttendance)).toEqual(['roster']);
  });

  it('SVC-4: paying by both attendance and placement is refused, naming the placement flag', () => {
    expect(payByIssues({ payBasedOnAttendance: true, payBasedOnPlacement: true })).toEqual([
      expect.objectContaining({ rule: 'SVC-4', field: 'payBasedOnPlacement' }),
    ]);
    expect([byInvoice, byAttendance, byPlacement].flatMap(payByIssues)).toEqual([]);
  });

  it('SVC-4: a change that repeats the stored flags changes nothing; one that differs is named', () => {
    expect(changedPayByFlags(byAttendance, {})).toEqual([]);
    expect(changedPayByFlags(byAttendance, byAttendance)).toEqual([]);
    expect(changedPayByFlags(byAttendance, { payBasedOnAttendance: false })).toEqual([
      'payBasedOnAttendance',
    ]);
    expect(changedPayByFlags(byInvoice, byPlacement)).toEqual(['payBasedOnPlacement']);
  });
});
