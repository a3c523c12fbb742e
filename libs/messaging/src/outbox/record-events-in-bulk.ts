import type { EntityManager } from '@platform/persistence';
import {
  createEvent,
  topicFor,
  type EventDefinition,
  type NewEventInput,
} from '@platform/contracts';
import type { z } from 'zod';

/** An event to record: its definition and input, as `recordEvent` takes them. */
export interface PendingEvent<D extends EventDefinition = EventDefinition> {
  definition: D;
  input: NewEventInput<z.infer<D['schema']>>;
}

export const pending = <D extends EventDefinition>(
  definition: D,
  input: NewEventInput<z.infer<D['schema']>>,
): PendingEvent => ({ definition, input }) as PendingEvent;

/**
 * `recordEvent` for many events at once: the same outbox rows (envelope from `createEvent`, topic,
 * key), inserted with one statement inside the caller's transaction (ARCHITECTURE rule 2) instead
 * of one entity each in the unit of work — for a command that records thousands of events (an
 * invoice submission, ADR 0019). Envelopes are validated JSON, so they travel as one document.
 */
export async function insertOutboxRows(
  em: EntityManager,
  events: readonly PendingEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ definition, input }) => {
    const envelope = createEvent(definition, input);
    return {
      id: envelope.id,
      topic: topicFor(definition),
      message_key: envelope.aggregateId,
      event_type: envelope.type,
      envelope,
    };
  });
  await em.execute(
    `insert into outbox_message (id, topic, message_key, event_type, envelope)
     select id, topic, message_key, event_type, envelope
       from jsonb_to_recordset(?::jsonb)
         as r(id uuid, topic text, message_key text, event_type text, envelope jsonb)`,
    [JSON.stringify(rows)],
  );
}
