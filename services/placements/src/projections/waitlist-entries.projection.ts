import type {
  EventData,
  EventEnvelope,
  waitlistEntryAdded,
  waitlistEntryExpired,
  waitlistEntryRemoved,
  waitlistEntryUpdated,
} from '@platform/contracts';
import { updateNewer, upsertNewer, type EntityManager } from '@platform/persistence';

const TABLE = 'waitlist_entry';

/** What every waitlist event carries: the entry, its list and the queue after the change. */
type ListEvent = EventEnvelope<{ entryId: string; waitlistId: string; queue: string[] }>;

/**
 * PRV-10: every waitlist event carries `queue`, the entries still waiting in position order after
 * the change (position = index + 1), so the whole list is renumbered from it — no arithmetic that
 * could drift. Events of one list share one key and arrive in order; the guard still keeps a
 * row a later event wrote (a replay never winds a list back). Entries that left get no position.
 */
async function renumber(em: EntityManager, envelope: ListEvent): Promise<void> {
  await em.execute(
    `update ${TABLE} e set position = q.position, occurred_at = ?
     from (select e2.entry_id, w.position::int as position
             from ${TABLE} e2
             left join jsonb_array_elements_text(?::jsonb) with ordinality as w(entry_id, position)
               on w.entry_id::uuid = e2.entry_id
            where e2.waitlist_id = ?) q
     where e.entry_id = q.entry_id and e.occurred_at <= ?`,
    [
      envelope.occurredAt,
      JSON.stringify(envelope.data.queue),
      envelope.data.waitlistId,
      envelope.occurredAt,
    ],
  );
}

/**
 * PRV-10: a client was put on a list. `added_by` is the case worker who added them (the
 * envelope's actor): a place offered to the entry is their task (ADR 0020).
 */
export async function projectWaitlistEntryAdded(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof waitlistEntryAdded>>,
): Promise<void> {
  const { data } = envelope;
  await upsertNewer(em, TABLE, ['entry_id'], {
    entry_id: data.entryId,
    waitlist_id: data.waitlistId,
    provider_id: data.providerId,
    provider_service_id: data.providerServiceId,
    service_product_id: data.serviceProductId,
    client_id: data.clientReference,
    client_name: data.clientName,
    placement: data.placement,
    priority: data.priority,
    status: 'waiting',
    position: data.position,
    expiry_date: data.expiryDate,
    added_by: envelope.actor.userId,
    occurred_at: envelope.occurredAt,
  });
  await renumber(em, envelope);
}

/** PRV-10: moved by hand; only the positions change. */
export async function projectWaitlistEntryMoved(
  em: EntityManager,
  envelope: ListEvent,
): Promise<void> {
  await renumber(em, envelope);
}

/** PRV-10: priority or expiry changed (a priority change may have moved it). */
export async function projectWaitlistEntryUpdated(
  em: EntityManager,
  envelope: EventEnvelope<EventData<typeof waitlistEntryUpdated>>,
): Promise<void> {
  const { data } = envelope;
  await updateNewer(
    em,
    TABLE,
    { entry_id: data.entryId },
    { priority: data.priority, expiry_date: data.expiryDate },
    envelope.occurredAt,
  );
  await renumber(em, envelope);
}

type LeftEvent =
  | EventEnvelope<EventData<typeof waitlistEntryExpired>>
  | EventEnvelope<EventData<typeof waitlistEntryRemoved>>
  | ListEvent;

/** PRV-10: the entry left the queue (allocated, expired or removed — all final). */
export async function projectWaitlistEntryLeft(
  em: EntityManager,
  envelope: LeftEvent,
  status: 'allocated' | 'expired' | 'removed',
): Promise<void> {
  await updateNewer(
    em,
    TABLE,
    { entry_id: envelope.data.entryId },
    { status, position: null },
    envelope.occurredAt,
  );
  await renumber(em, envelope);
}
