import { addDays, type CalendarDate } from '@platform/kernel';
import { calendarDayOf } from '../shared/today.js';
import type { InquiryRecord } from './inquiry.entity.js';

/** PRV-2: an undecided inquiry as the resource managers' work queue shows it. */
export interface InquiryQueueEntry {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  source: 'staff' | 'guest';
  receivedOn: CalendarDate;
  /** The day a decision is due: received + the configured decision days (INQUIRY_DECISION_DAYS). */
  decisionDueOn: CalendarDate;
  /** Whole days since the inquiry arrived, as of the queue's date. */
  ageInDays: number;
  overdue: boolean;
}

/** The last receipt day whose decision is already overdue on `asOf` (due before `asOf`). */
export function lastOverdueReceiptDay(asOf: CalendarDate, decisionDays: number): CalendarDate {
  return addDays(asOf, -decisionDays - 1);
}

export function inquiryQueueEntry(
  inquiry: InquiryRecord,
  decisionDays: number,
  asOf: CalendarDate,
): InquiryQueueEntry {
  const receivedOn = calendarDayOf(inquiry.createdAt);
  const decisionDueOn = addDays(receivedOn, decisionDays);
  const ageInDays = Math.round((Date.parse(asOf) - Date.parse(receivedOn)) / 86_400_000);
  return {
    id: inquiry.id,
    name: inquiry.name,
    email: inquiry.email ?? null,
    phone: inquiry.phone ?? null,
    source: inquiry.source,
    receivedOn,
    decisionDueOn,
    ageInDays,
    overdue: decisionDueOn < asOf,
  };
}
