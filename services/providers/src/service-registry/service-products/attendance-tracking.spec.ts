import { describe, expect, it } from '@jest/globals';
import type { AttendanceTracking, PaymentChannel } from '@platform/contracts';
import { attendanceTrackingIssues, NO_ATTENDANCE_TRACKING } from './attendance-tracking.js';

const utilizationRosters: AttendanceTracking = {
  ...NO_ATTENDANCE_TRACKING,
  rostersEnabled: true,
  rosterGenerationFrequency: { every: 'week', on: 'monday' },
  reportingMethod: 'utilization',
};
const attendanceRosters: AttendanceTracking = {
  ...utilizationRosters,
  reportingMethod: 'attendance',
  dailyAttendance: true,
};

const fieldsOf = (tracking: AttendanceTracking, channels: PaymentChannel[] = ['invoice']) =>
  attendanceTrackingIssues(tracking, channels).map((issue) => `${issue.rule} ${issue.field}`);

describe('attendance tracking (SVC-6)', () => {
  it('SVC-6: no tracking, utilization rosters and attendance rosters are all valid set-ups', () => {
    expect(fieldsOf(NO_ATTENDANCE_TRACKING)).toEqual([]);
    expect(fieldsOf(utilizationRosters)).toEqual([]);
    expect(fieldsOf(attendanceRosters)).toEqual([]);
    expect(fieldsOf({ ...attendanceRosters, hoursReportingEnabled: true })).toEqual([]);
    expect(fieldsOf(utilizationRosters, ['roster'])).toEqual([]);
  });

  it('SVC-6: roster settings without rosters are refused, each by name', () => {
    expect(
      fieldsOf({
        ...NO_ATTENDANCE_TRACKING,
        dailyAttendance: true,
        reportingMethod: 'utilization',
      }),
    ).toEqual([
      'SVC-6 attendanceTracking.dailyAttendance',
      'SVC-6 attendanceTracking.reportingMethod',
    ]);
  });

  it('SVC-6: rosters need a generation frequency and a reporting method', () => {
    expect(
      fieldsOf({ ...utilizationRosters, rosterGenerationFrequency: null, reportingMethod: null }),
    ).toEqual([
      'SVC-6 attendanceTracking.rosterGenerationFrequency',
      'SVC-6 attendanceTracking.reportingMethod',
    ]);
  });

  it('SVC-6: attendance reporting needs daily attendance', () => {
    expect(fieldsOf({ ...attendanceRosters, dailyAttendance: false })).toEqual([
      'SVC-6 attendanceTracking.dailyAttendance',
    ]);
  });

  it('SVC-6: hours are reported only with attendance reporting', () => {
    expect(fieldsOf({ ...utilizationRosters, hoursReportingEnabled: true })).toEqual([
      'SVC-6 attendanceTracking.hoursReportingEnabled',
    ]);
  });

  it('SVC-6: attendance reporting cannot pay by roster', () => {
    expect(fieldsOf(attendanceRosters, ['roster'])).toEqual([
      'SVC-6 attendanceTracking.reportingMethod',
    ]);
  });

  it('SVC-6: a product paid based on attendance needs rosters', () => {
    expect(fieldsOf(NO_ATTENDANCE_TRACKING, ['roster'])).toEqual([
      'SVC-6 attendanceTracking.rostersEnabled',
    ]);
  });

  it('SVC-6: holding invoice payment until attendance is reported needs invoice payment', () => {
    const holding = { ...utilizationRosters, attendanceRequiredBeforeInvoicePayment: true };
    expect(fieldsOf(holding, ['invoice'])).toEqual([]);
    expect(fieldsOf(holding, ['placement'])).toEqual([
      'SVC-6 attendanceTracking.attendanceRequiredBeforeInvoicePayment',
    ]);
  });

  it('SVC-6: an attendance payment frequency applies only to roster payment', () => {
    const monthly = {
      ...utilizationRosters,
      attendancePaymentFrequency: { every: 'month' as const, day: 1 },
    };
    expect(fieldsOf(monthly, ['roster'])).toEqual([]);
    expect(fieldsOf(monthly, ['invoice'])).toEqual([
      'SVC-6 attendanceTracking.attendancePaymentFrequency',
    ]);
  });
});
