import { condition, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  reservationRescheduledSignal,
  reservationSettledSignal,
  SearchAttributes,
  type ExpireReservationResult,
  type ReservationExpiryInput,
  type ReservationExpiryResult,
} from '@platform/contracts/workflows';
import { placementsActivities as placements } from '../shared/activities.js';
import { calendarDateAt, msUntil, startOfDay, workflowNow } from '../shared/clock.js';

type Settled = 'confirmed' | 'cancelled';

/**
 * PLC-4: the durable expiry timer of one reservation (ADR 0020). It sleeps until agency midnight
 * at the start of `expiresOn` and then asks the placements service to expire the reservation; the
 * service decides under the reservation's row lock, so a confirmation committed a minute earlier
 * wins even if its signal has not arrived yet. Confirmation or cancellation end it early by signal;
 * a changed period re-arms it by signal (earlier or later), and a period that moved without one
 * comes back as `not-due` with the new day to sleep until.
 */
export async function reservationExpiry(
  input: ReservationExpiryInput,
): Promise<ReservationExpiryResult> {
  let expiresOn = input.expiresOn;
  let settled: Settled | null = null;
  setHandler(reservationSettledSignal, ({ state }) => {
    settled = state;
  });
  setHandler(reservationRescheduledSignal, (next) => {
    expiresOn = next.expiresOn;
  });
  const publish = (status: string) =>
    upsertSearchAttributes([{ key: SearchAttributes.businessStatus, value: status }]);

  for (;;) {
    const due = expiresOn;
    const changed = () => settled !== null || expiresOn !== due;
    const wait = msUntil(startOfDay(due));
    // A day already begun starts no timer (condition(fn, 0) would only add a marker).
    if (wait > 0) await condition(changed, wait);
    if (settled !== null) {
      publish(settled);
      return { outcome: settled, expiresOn };
    }
    if (expiresOn !== due) continue;
    const result: ExpireReservationResult = await placements.expireReservation({
      reservationId: input.reservationId,
      asOf: calendarDateAt(workflowNow()),
    });
    if (result.outcome === 'not-due') {
      expiresOn = result.expiresOn;
      continue;
    }
    publish(result.outcome === 'already-expired' ? 'expired' : result.outcome);
    return { outcome: result.outcome, expiresOn };
  }
}
