import { dateRange, rangeContains, type CalendarDate } from '@platform/kernel';
import type { BACKGROUND_CHECK_RESULTS } from '@platform/contracts';

/**
 * CRD-6: the rules of a member's background check. Pure: the schema applies them to a request
 * (so a 400 names the field and the rule) and the view uses them to say whether a check is valid.
 */
export type BackgroundCheckResult = (typeof BACKGROUND_CHECK_RESULTS)[number];

export interface BackgroundCheckFacts {
  result: BackgroundCheckResult;
  failureReason?: string | null;
  requestedOn: CalendarDate;
  completedOn?: CalendarDate | null;
  validFrom?: CalendarDate | null;
  validTo?: CalendarDate | null;
}

export interface BackgroundCheckIssue {
  field: 'failureReason' | 'completedOn' | 'validFrom' | 'validTo';
  message: string;
}

/** CRD-6: what is wrong with a check as recorded; empty when it may be stored. */
export function backgroundCheckIssues(check: BackgroundCheckFacts): BackgroundCheckIssue[] {
  const issues: BackgroundCheckIssue[] = [];
  const reason = check.failureReason?.trim();
  if (check.result === 'failed' && !reason) {
    issues.push({
      field: 'failureReason',
      message: 'a failed background check needs a failure reason (e.g. criminal record)',
    });
  }
  if (check.result !== 'failed' && reason) {
    issues.push({
      field: 'failureReason',
      message: `only a failed background check has a failure reason, not a ${check.result} one`,
    });
  }
  if (check.result !== 'pending' && !check.completedOn) {
    issues.push({
      field: 'completedOn',
      message: `a ${check.result} background check needs the date it was completed`,
    });
  }
  if (check.result === 'pending' && check.completedOn) {
    issues.push({ field: 'completedOn', message: 'a pending background check is not completed' });
  }
  if (check.completedOn && check.completedOn < check.requestedOn) {
    issues.push({
      field: 'completedOn',
      message: `a background check cannot be completed (${check.completedOn}) before it was requested (${check.requestedOn})`,
    });
  }
  const hasValidity = Boolean(check.validFrom || check.validTo);
  if (hasValidity && check.result !== 'passed') {
    issues.push({
      field: check.validFrom ? 'validFrom' : 'validTo',
      message: `only a passed background check has a validity period, not a ${check.result} one`,
    });
  }
  if (check.result === 'passed' && !check.validFrom) {
    issues.push({
      field: 'validFrom',
      message: 'a passed background check needs the first day it is valid',
    });
  }
  if (check.validFrom && check.validTo && check.validTo < check.validFrom) {
    issues.push({
      field: 'validTo',
      message: `the validity period cannot end (${check.validTo}) before it starts (${check.validFrom})`,
    });
  }
  return issues;
}

/** CRD-6: a check counts on a date only when it passed and its validity period covers the date. */
export function backgroundCheckValidOn(check: BackgroundCheckFacts, date: CalendarDate): boolean {
  if (check.result !== 'passed' || !check.validFrom) return false;
  if (check.validTo && check.validTo < check.validFrom) return false;
  return rangeContains(dateRange(check.validFrom, check.validTo ?? null), date);
}
