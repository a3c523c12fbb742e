import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  RESERVATION_EXPIRY_WORKFLOW,
  reservationExpiryWorkflowId,
  reservationRescheduledSignal,
  reservationSettledSignal,
  TaskQueues,
  type ReservationExpiryInput,
  type ReservationExpiryResult,
} from '@platform/contracts';
import { addDays, type CalendarDate } from '@platform/kernel';
import { eventually } from '@platform/testing';
import { calendarDateAt, DAY_MS, HOUR_MS, startOfDay } from '../src/shared/clock.js';
import { InMemoryReservations } from './support/in-memory-reservations.js';
import { WorkflowTestbed } from './support/workflow-testbed.js';

/**
 * PLC-4's reservation expiry timer on Temporal's time-skipping test server, with an in-memory
 * stand-in for the placements service's expiry activity (its own suites run the real one): days
 * pass in about a second, and the minute before and after agency midnight can be told apart.
 */
type ExpiryFn = (input: ReservationExpiryInput) => Promise<ReservationExpiryResult>;

const MINUTE_MS = 60_000;
const reservations = new InMemoryReservations();
let testbed: WorkflowTestbed;

beforeAll(async () => {
  testbed = await WorkflowTestbed.start({}, { placements: reservations });
});

afterAll(async () => {
  await testbed?.shutdown();
});

async function today(): Promise<CalendarDate> {
  return calendarDateAt(await testbed.env.currentTimeMs());
}

/** Starts the timer of a new active reservation expiring `days` from today. */
async function startTimer(days: number) {
  const reservationId = randomUUID();
  const expiresOn = addDays(await today(), days);
  reservations.add(reservationId, expiresOn);
  const handle: WorkflowHandle<ExpiryFn> = await testbed.client.workflow.start<ExpiryFn>(
    RESERVATION_EXPIRY_WORKFLOW,
    {
      workflowId: reservationExpiryWorkflowId(reservationId),
      taskQueue: TaskQueues.workflows,
      args: [{ reservationId, providerId: randomUUID(), expiresOn }],
    },
  );
  return { reservationId, expiresOn, handle };
}

/** Lets server time run until `offsetMs` after agency midnight at the start of `day`. */
async function runUntil(day: string, offsetMs: number): Promise<void> {
  const now = await testbed.env.currentTimeMs();
  await testbed.env.sleep(Math.max(0, startOfDay(day) + offsetMs - now));
}

describe('reservation expiry timer (PLC-4)', () => {
  it('PLC-4: an unconfirmed reservation expires at the start of expiresOn, not a minute before', async () => {
    const { reservationId, expiresOn, handle } = await startTimer(3);

    await runUntil(expiresOn, -MINUTE_MS);
    expect(reservations.callsFor(reservationId)).toEqual([]);
    expect(reservations.stateOf(reservationId)).toBe('active');

    await runUntil(expiresOn, MINUTE_MS);
    expect(await handle.result()).toEqual({ outcome: 'expired', expiresOn });
    expect(reservations.callsFor(reservationId)).toEqual([{ reservationId, asOf: expiresOn }]);
    expect(reservations.stateOf(reservationId)).toBe('expired');
    const attributes = (await handle.describe()).searchAttributes;
    expect(attributes['BusinessStatus']).toEqual(['expired']);
  });

  it('PLC-4: a reservation settled by signal (confirmed) ends its timer early; expiry is never asked', async () => {
    const { reservationId, expiresOn, handle } = await startTimer(5);
    await testbed.env.sleep(DAY_MS);

    reservations.set(reservationId, { state: 'confirmed' });
    await handle.signal(reservationSettledSignal, { state: 'confirmed' });

    expect(await handle.result()).toEqual({ outcome: 'confirmed', expiresOn });
    expect(reservations.callsFor(reservationId)).toEqual([]);
  });

  it('PLC-4: a reservation confirmed one minute before expiry whose signal is lost is not expired', async () => {
    const { reservationId, expiresOn, handle } = await startTimer(2);
    await runUntil(expiresOn, -MINUTE_MS);

    reservations.set(reservationId, { state: 'confirmed' });

    expect(await handle.result()).toEqual({ outcome: 'confirmed', expiresOn });
    expect(reservations.stateOf(reservationId)).toBe('confirmed');
    expect(reservations.callsFor(reservationId)).toEqual([{ reservationId, asOf: expiresOn }]);
  });

  it('PLC-4: a period moved earlier re-arms the timer by signal for the new expiresOn', async () => {
    const { reservationId, handle } = await startTimer(10);
    const earlier = addDays(await today(), 4);
    reservations.set(reservationId, { expiresOn: earlier });
    await handle.signal(reservationRescheduledSignal, { expiresOn: earlier });

    await runUntil(earlier, -MINUTE_MS);
    expect(reservations.callsFor(reservationId)).toEqual([]);

    expect(await handle.result()).toEqual({ outcome: 'expired', expiresOn: earlier });
    expect(reservations.callsFor(reservationId)).toEqual([{ reservationId, asOf: earlier }]);
  });

  it('PLC-4: a period moved later without a signal is not due at the old day; the timer sleeps until the new one', async () => {
    const { reservationId, expiresOn, handle } = await startTimer(2);
    const later = addDays(expiresOn, 3);
    reservations.set(reservationId, { expiresOn: later });

    await runUntil(expiresOn, HOUR_MS);
    await eventually(() => {
      expect(reservations.callsFor(reservationId)).toEqual([{ reservationId, asOf: expiresOn }]);
    });
    expect(reservations.stateOf(reservationId)).toBe('active');

    expect(await handle.result()).toEqual({ outcome: 'expired', expiresOn: later });
    expect(reservations.callsFor(reservationId)).toEqual([
      { reservationId, asOf: expiresOn },
      { reservationId, asOf: later },
    ]);
  });
});
