import type { MikroORM } from '@mikro-orm/postgresql';
import {
  SYSTEM_ACTOR,
  type ExpireWaitlistEntriesInput,
  type WaitlistEntriesExpired,
} from '@platform/contracts';
import { parseCalendarDate } from '@platform/kernel';
import { businessRejection } from '@platform/temporal';
import { expireWaitlistEntries as expireEntries } from '../waitlists/waitlist-queue.js';

/**
 * PRV-10: the scheduled expiry of waitlist entries: every waiting entry whose expiry date is
 * before `onDate` expires and leaves its list (the gaps close), one waitlist-entry.expired each,
 * correlated with the calling workflow. Idempotent: a retry, or a second run for the same day,
 * finds nothing more to expire and returns an empty list.
 */
export async function expireWaitlistEntries(
  orm: MikroORM,
  input: ExpireWaitlistEntriesInput,
): Promise<WaitlistEntriesExpired> {
  let onDate;
  try {
    onDate = parseCalendarDate(input.onDate);
  } catch {
    throw businessRejection('InvalidDate', `onDate must be a calendar date: ${input.onDate}`);
  }
  const expiredEntryIds = await expireEntries(orm, onDate, SYSTEM_ACTOR, input.workflowId);
  return { onDate, expiredEntryIds };
}
