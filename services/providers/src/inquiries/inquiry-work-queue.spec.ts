import { describe, expect, it } from '@jest/globals';
import type { CalendarDate } from '@platform/kernel';
import type { InquiryRecord } from './inquiry.entity.js';
import { inquiryQueueEntry, lastOverdueReceiptDay } from './inquiry-work-queue.js';

const day = (value: string) => value as CalendarDate;
const inquiry = (createdAt: string) =>
  ({
    id: 'i-1',
    name: 'Sunrise',
    email: null,
    phone: null,
    source: 'guest',
    createdAt: new Date(createdAt),
  }) as unknown as InquiryRecord;

describe('the inquiry work queue (PRV-2)', () => {
  it('PRV-2: a decision is due the configured number of days after the inquiry arrived', () => {
    const entry = inquiryQueueEntry(inquiry('2026-03-02T23:30:00Z'), 5, day('2026-03-07'));
    expect(entry).toMatchObject({
      receivedOn: '2026-03-02',
      decisionDueOn: '2026-03-07',
      ageInDays: 5,
      overdue: false,
    });
  });

  it('PRV-2: the day after the due date the inquiry is overdue', () => {
    const entry = inquiryQueueEntry(inquiry('2026-03-02T08:00:00Z'), 5, day('2026-03-08'));
    expect(entry.overdue).toBe(true);
  });

  it('PRV-2: inquiries received on or before the cut-off day are the overdue ones', () => {
    const cutOff = lastOverdueReceiptDay(day('2026-03-08'), 5);
    expect(cutOff).toBe('2026-03-02');
    expect(inquiryQueueEntry(inquiry(`${cutOff}T12:00:00Z`), 5, day('2026-03-08')).overdue).toBe(
      true,
    );
    expect(inquiryQueueEntry(inquiry('2026-03-03T00:00:00Z'), 5, day('2026-03-08')).overdue).toBe(
      false,
    );
  });
});
