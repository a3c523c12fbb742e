import { expect } from '@jest/globals';
import type { PlacementsApp, Reply } from './placements-app.js';

/** A reservation as the API answers it. */
export interface ReservationView {
  reservationId: string;
  providerId: string;
  facilityId: string | null;
  placeId: string | null;
  clientId: string;
  from: string;
  to: string | null;
  gracePeriodDays: number;
  expiresOn: string;
  state: 'active' | 'confirmed' | 'cancelled' | 'expired';
  placementId: string | null;
  cancelReason: string | null;
  createdBy: string;
  updatedBy: string | null;
}

/** A rule refusal or validation problem as problem+json. */
export interface Problem {
  status: number;
  rule?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  conflicts?: { reservationId: string; reason: string }[];
}

export function reserve(
  app: PlacementsApp,
  body: Record<string, unknown>,
  user = 'cw.chen',
): Promise<Reply<ReservationView & Problem>> {
  return app.request<ReservationView & Problem>('POST', '/reservations', { user, body });
}

/** Reserves and expects it to succeed. */
export async function reserved(
  app: PlacementsApp,
  body: Record<string, unknown>,
  user = 'cw.chen',
): Promise<ReservationView> {
  const reply = await reserve(app, body, user);
  expect(reply.body).toMatchObject({ state: 'active' });
  expect(reply.status).toBe(201);
  return reply.body;
}

export function act(
  app: PlacementsApp,
  reservationId: string,
  action: 'cancel' | 'confirm',
  body: Record<string, unknown>,
  user = 'cw.chen',
): Promise<Reply<ReservationView & Problem>> {
  return app.request<ReservationView & Problem>(
    'POST',
    `/reservations/${reservationId}/${action}`,
    { user, body },
  );
}

export function change(
  app: PlacementsApp,
  reservationId: string,
  body: Record<string, unknown>,
  user = 'cw.chen',
): Promise<Reply<ReservationView & Problem>> {
  return app.request<ReservationView & Problem>('PATCH', `/reservations/${reservationId}`, {
    user,
    body,
  });
}

/** A refusal naming `rule` at `field` (problem+json). */
export function expectRefusal(
  { status: got, contentType, body }: Reply<object>,
  status: number,
  rule: string,
  field: string,
): void {
  const reply = { status: got, contentType, body: body as Problem };
  expect(reply.contentType).toContain('application/problem+json');
  expect({ status: reply.status, rule: reply.body.rule }).toEqual({ status, rule });
  expect(reply.body.errors?.map((error) => error.field)).toContain(field);
}

/** A 400 naming `field`. */
export function expectInvalid(reply: Reply<object>, field: string): void {
  expect(reply.status).toBe(400);
  expect((reply.body as Problem).errors?.map((error) => error.field)).toContain(field);
}

export interface RecordedEvent {
  type: string;
  data: Record<string, unknown>;
  actor: { userId: string };
}

/** The events recorded (outbox) under an aggregate, in order. */
export function eventsOf(app: PlacementsApp, aggregateId: string): Promise<RecordedEvent[]> {
  return app.query<RecordedEvent>(
    `select event_type as type, envelope->'data' as data, envelope->'actor' as actor
       from outbox_message where message_key = $1 order by seq`,
    [aggregateId],
  );
}
