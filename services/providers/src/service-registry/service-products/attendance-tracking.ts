import type { AttendanceTracking, PaymentChannel } from '@platform/contracts';
import type { RuleIssue } from '../../shared/rule-issues.js';

/** SVC-6: a product that tracks no attendance. */
export const NO_ATTENDANCE_TRACKING: AttendanceTracking = {
  rostersEnabled: false,
  rosterGenerationFrequency: null,
  dailyAttendance: false,
  reportingMethod: null,
  hoursReportingEnabled: false,
  attendanceRequiredBeforeInvoicePayment: false,
  attendancePaymentFrequency: null,
};

type Field = keyof AttendanceTracking;

/** Settings that only mean something once rosters are enabled. */
const ROSTER_SETTINGS = [
  'rosterGenerationFrequency',
  'dailyAttendance',
  'reportingMethod',
  'hoursReportingEnabled',
  'attendanceRequiredBeforeInvoicePayment',
  'attendancePaymentFrequency',
] as const satisfies readonly Field[];

const issue = (field: Field, message: string): RuleIssue => ({
  rule: 'SVC-6',
  field: `attendanceTracking.${field}`,
  message,
});

const isSet = (value: AttendanceTracking[Field]) => value !== null && value !== false;

/**
 * SVC-6: the attendance tracking rules, given how the product is paid (SVC-4):
 * - rosters need a generation frequency and a reporting method; without rosters no roster
 *   setting applies;
 * - *attendance* reporting (present/absent per day) needs daily attendance, is the only method
 *   that reports hours, and cannot pay by roster;
 * - paying by roster (pay based on attendance) needs rosters with *utilization* reporting;
 * - holding invoice payment until attendance is reported only applies to invoice payment;
 * - an attendance payment frequency only applies to roster payment.
 */
export function attendanceTrackingIssues(
  tracking: AttendanceTracking,
  channels: readonly PaymentChannel[],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const paidByRoster = channels.includes('roster');
  if (!tracking.rostersEnabled) {
    for (const field of ROSTER_SETTINGS.filter((setting) => isSet(tracking[setting]))) {
      issues.push(issue(field, 'applies only when rosters are enabled'));
    }
    if (paidByRoster) {
      issues.push(issue('rostersEnabled', 'a product paid based on attendance needs rosters'));
    }
    return issues;
  }
  if (tracking.rosterGenerationFrequency === null) {
    issues.push(issue('rosterGenerationFrequency', 'rosters need a generation frequency'));
  }
  if (tracking.reportingMethod === null) {
    issues.push(
      issue('reportingMethod', 'rosters need a reporting method: utilization or attendance'),
    );
  }
  if (tracking.reportingMethod === 'attendance' && !tracking.dailyAttendance) {
    issues.push(issue('dailyAttendance', 'attendance reporting needs daily attendance'));
  }
  if (tracking.hoursReportingEnabled && tracking.reportingMethod !== 'attendance') {
    issues.push(
      issue('hoursReportingEnabled', 'hours are reported only with attendance reporting'),
    );
  }
  if (paidByRoster && tracking.reportingMethod === 'attendance') {
    issues.push(
      issue(
        'reportingMethod',
        'attendance reporting cannot pay by roster; a product paid based on attendance needs utilization reporting',
      ),
    );
  }
  if (tracking.attendanceRequiredBeforeInvoicePayment && !channels.includes('invoice')) {
    issues.push(
      issue('attendanceRequiredBeforeInvoicePayment', 'applies only to a product paid by invoice'),
    );
  }
  if (tracking.attendancePaymentFrequency !== null && !paidByRoster) {
    issues.push(
      issue('attendancePaymentFrequency', 'applies only to a product paid based on attendance'),
    );
  }
  return issues;
}
