import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  Actor,
  AllocateWaitlistEntryInput,
  WaitlistEntryAllocation,
} from '@platform/contracts';
import { ProblemException } from '@platform/http';
import { parseCalendarDate } from '@platform/kernel';
import { businessRejection } from '@platform/temporal';
import { todayDate } from '../shared/today.js';
import { WaitlistsService } from '../waitlists/waitlists.service.js';

/** The waitlists' allocate computes no review date, so the review setting plays no part here. */
const NO_REVIEW_SETTING = 0;

async function entryStatus(orm: MikroORM, entryId: string): Promise<string | null> {
  const [row] = await orm.em
    .fork()
    .execute<{ status: string }[]>('select status from waitlist_entry where id = ?', [entryId]);
  return row?.status ?? null;
}

/**
 * PRV-10 (ADR 0020): the case worker accepted a place offered to their waitlist entry; the entry
 * is allocated exactly as the API's allocate does (same rules, waitlist-entry.allocated in the
 * same transaction, correlated with the offer's workflow), acting as that case worker. Idempotent:
 * an entry already allocated (a retry after a lost reply) answers `already-allocated`; refusals
 * (the entry expired or was removed meanwhile, a period in the past) are non-retryable.
 */
export async function allocateWaitlistEntry(
  orm: MikroORM,
  input: AllocateWaitlistEntryInput,
): Promise<WaitlistEntryAllocation> {
  const status = await entryStatus(orm, input.entryId);
  if (status === null)
    throw businessRejection('NotFound', `waitlist entry ${input.entryId} does not exist`);
  if (status === 'allocated') return { entryId: input.entryId, outcome: 'already-allocated' };
  const actor: Actor = { userId: input.allocatedBy, roles: ['case-worker'] };
  const waitlists = new WaitlistsService(orm, NO_REVIEW_SETTING);
  try {
    await waitlists.allocate(
      input.entryId,
      {
        from: parseCalendarDate(input.from),
        to: input.to === null ? null : parseCalendarDate(input.to),
        placeId: input.placeId,
      },
      actor,
      todayDate(),
      input.workflowId,
    );
    return { entryId: input.entryId, outcome: 'allocated' };
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    // A concurrent retry may have allocated it first: that is success, not a refusal.
    if ((await entryStatus(orm, input.entryId)) === 'allocated') {
      return { entryId: input.entryId, outcome: 'already-allocated' };
    }
    throw businessRejection('PRV-10', error.message);
  }
}
