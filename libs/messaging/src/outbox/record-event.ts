import type { EntityManager } from '@mikro-orm/core';
import {
  createEvent,
  topicFor,
  type EventDefinition,
  type EventEnvelope,
  type NewEventInput,
} from '@platform/contracts';
import type { z } from 'zod';
import { OutboxMessage } from './outbox-message.entity.js';

/**
 * Validates the event and adds it to the caller's unit of work, so it commits (or rolls back)
 * together with the state change it announces.
 */
export function recordEvent<D extends EventDefinition>(
  em: EntityManager,
  definition: D,
  input: NewEventInput<z.infer<D['schema']>>,
): EventEnvelope<z.infer<D['schema']>> {
  const envelope = createEvent(definition, input);
  em.create(OutboxMessage, {
    id: envelope.id,
    topic: topicFor(definition),
    messageKey: envelope.aggregateId,
    eventType: envelope.type,
    envelope: envelope as unknown as Record<string, unknown>,
  });
  return envelope;
}
