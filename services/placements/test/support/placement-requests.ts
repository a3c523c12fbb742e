import { randomUUID } from 'node:crypto';
import type { PlacementsApp, Reply } from './placements-app.js';

/** A day relative to today (UTC), as the API takes it: placements start today or earlier. */
export function day(offsetFromToday = 0): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offsetFromToday);
  return date.toISOString().slice(0, 10);
}

/** A fresh client reference, so suites never collide on "a client is in one place" (PLC-5). */
export function newClient(characteristics: Record<string, unknown> = {}): {
  clientId: string;
} & Record<string, unknown> {
  return { clientId: `CL-${randomUUID().slice(0, 13)}`, ...characteristics };
}

export interface PlacementReply {
  placementId: string;
  placeId: string;
  placeName: string;
  compartmentId: string;
  clientId: string;
  state: 'active' | 'ended';
  emergency: boolean;
  period: { from: string; to: string | null };
  endReason: string | null;
  transferredFrom: string | null;
  createdBy: string;
  history: PlacementReply[];
  continuedBy: string | null;
}

/** POST /placements as `user` (a case worker unless told). */
export function place(
  app: PlacementsApp,
  body: Record<string, unknown>,
  user = 'cw.chen',
): Promise<Reply<PlacementReply>> {
  return app.request<PlacementReply>('POST', '/placements', { user, body });
}

/** The data of the events of one type this service recorded, oldest first (the outbox). */
export async function recordedEvents<T = Record<string, unknown>>(
  app: PlacementsApp,
  type: string,
  where: { key: string; value: string },
): Promise<{ data: T; actor: { userId: string } }[]> {
  return app.query<{ data: T; actor: { userId: string } }>(
    `select envelope->'data' as data, envelope->'actor' as actor from outbox_message
      where event_type = $1 and envelope->'data'->>$2 = $3 order by seq`,
    [type, where.key, where.value],
  );
}
