import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  reservationExpiryWorkflowId,
  TaskQueues,
  type ReservationExpiryResult,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import { startTimeSkippingEnvironment } from '@platform/testing/time-skipping';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { approvedProvider } from './support/provider-facts.js';
import { childClient, inDays, reservationLayout } from './support/reservation-fixtures.js';
import { act, eventsOf, reserved, type ReservationView } from './support/reservation-requests.js';

/**
 * PLC-4 acceptance: the real placements service (HTTP, database, its activity worker) and the
 * platform's real `reservationExpiry` workflow on Temporal's time-skipping test server instead of
 * the shared dev server, whose clock cannot be moved. The service starts and signals the timers
 * itself; the suite only moves server time, to one minute before agency midnight of expiresOn and
 * past it. Wall-clock time barely moves.
 */
const workflowsPath = fileURLToPath(new URL('../../../workflows/dist/index.js', import.meta.url));
const MINUTE_MS = 60_000;

let env: TestWorkflowEnvironment;
let app: PlacementsApp;
let worker: Worker;
let running: Promise<void>;
let providerId: string;

beforeAll(async () => {
  env = await startTimeSkippingEnvironment();
  app = await startPlacementsApp({
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: env.namespace ?? 'default',
  });
  worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: TaskQueues.workflows,
    workflowsPath,
  });
  running = worker.run();
  providerId = await approvedProvider(app);
});

afterAll(async () => {
  if (worker) {
    worker.shutdown();
    await running;
  }
  await app?.close();
  await env?.teardown();
});

async function stateOf(reservationId: string): Promise<string> {
  const reply = await app.request<ReservationView>('GET', `/reservations/${reservationId}`, {
    user: 'cw.chen',
  });
  return reply.body.state;
}

/** Moves server time to `offsetMs` after agency midnight (UTC) at the start of `day`. */
async function serverTimeTo(day: string, offsetMs: number): Promise<void> {
  const target = Date.parse(`${day}T00:00:00Z`) + offsetMs;
  await env.sleep(Math.max(0, target - (await env.currentTimeMs())));
}

const timerResult = (reservationId: string) =>
  env.client.workflow
    .getHandle(reservationExpiryWorkflowId(reservationId))
    .result() as Promise<ReservationExpiryResult>;

describe('reservation expiry on Temporal (PLC-4 acceptance)', () => {
  it('PLC-4: a reservation confirmed one minute before expiry is not expired', async () => {
    const house = await reservationLayout(app, providerId);
    // Grace 0: the client may arrive on the first day only; expired from the next day on.
    const period = { from: inDays(1), to: inDays(30), gracePeriodDays: 0 };
    const arriving = await reserved(app, {
      providerId,
      placeId: house.bed1,
      client: childClient(),
      ...period,
    });
    const absent = await reserved(app, {
      providerId,
      placeId: house.bed2,
      client: childClient(),
      ...period,
    });
    expect([arriving.expiresOn, absent.expiresOn]).toEqual([inDays(2), inDays(2)]);

    await serverTimeTo(inDays(2), -MINUTE_MS);
    expect([await stateOf(arriving.reservationId), await stateOf(absent.reservationId)]).toEqual([
      'active',
      'active',
    ]);

    // 23:59 on the last arrival day: the client arrives.
    const confirmed = await act(app, arriving.reservationId, 'confirm', { from: inDays(1) });
    expect(confirmed.status).toBe(200);

    await serverTimeTo(inDays(2), MINUTE_MS);
    await eventually(async () => {
      expect(await stateOf(absent.reservationId)).toBe('expired');
    });
    expect(await timerResult(absent.reservationId)).toEqual({
      outcome: 'expired',
      expiresOn: inDays(2),
    });
    expect(await timerResult(arriving.reservationId)).toEqual({
      outcome: 'confirmed',
      expiresOn: inDays(2),
    });
    expect(await stateOf(arriving.reservationId)).toBe('confirmed');
    const typesOf = async (id: string) => (await eventsOf(app, id)).map((event) => event.type);
    expect(await typesOf(arriving.reservationId)).toEqual([
      'reservation.created',
      'reservation.confirmed',
    ]);
    expect(await typesOf(absent.reservationId)).toEqual([
      'reservation.created',
      'reservation.expired',
    ]);
  });
});
