import { describe, expect, it } from '@jest/globals';
import { serviceProductCreated } from '@platform/contracts';
import { NO_ATTENDANCE_TRACKING } from './attendance-tracking.js';
import { productConfigurationIssues, type ProductConfiguration } from './product-configuration.js';

const example = serviceProductCreated.example;
const paidByRoster: ProductConfiguration = {
  payBasedOnAttendance: true,
  payBasedOnPlacement: false,
  attendanceTracking: example.attendanceTracking,
  delivery: example.delivery,
};

const rulesOf = (config: ProductConfiguration) =>
  productConfigurationIssues(config).map((issue) => `${issue.rule} ${issue.field}`);

describe('product configuration (SVC-4, SVC-6, SVC-9 together)', () => {
  it('accepts the catalogue example: paid by roster with weekly utilization rosters', () => {
    expect(rulesOf(paidByRoster)).toEqual([]);
  });

  it('SVC-6: the pay-by flags decide which attendance settings are allowed', () => {
    expect(rulesOf({ ...paidByRoster, attendanceTracking: NO_ATTENDANCE_TRACKING })).toEqual([
      'SVC-6 attendanceTracking.rostersEnabled',
    ]);
    expect(rulesOf({ ...paidByRoster, payBasedOnAttendance: false })).toEqual([
      'SVC-6 attendanceTracking.attendancePaymentFrequency',
    ]);
  });

  it('SVC-4: contradictory flags are reported alone, not as attendance problems they cause', () => {
    expect(rulesOf({ ...paidByRoster, payBasedOnPlacement: true })).toEqual([
      'SVC-4 payBasedOnPlacement',
    ]);
  });

  it('SVC-9: delivery rules are reported beside the others', () => {
    const delivery = { ...example.delivery, clients: 'single' as const, multipleDeliveries: true };
    expect(rulesOf({ ...paidByRoster, payBasedOnPlacement: true, delivery })).toEqual([
      'SVC-4 payBasedOnPlacement',
      'SVC-9 delivery.multipleDeliveries',
    ]);
  });
});
