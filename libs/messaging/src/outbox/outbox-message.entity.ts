import { defineEntity, p } from '@mikro-orm/core';

/** An event waiting to be published (transactional outbox, ARCHITECTURE rule 2). */
export const OutboxMessage = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  properties: {
    seq: p.bigint().primary().autoincrement(),
    id: p.uuid().unique(),
    topic: p.text(),
    messageKey: p.text().fieldName('message_key'),
    eventType: p.text().fieldName('event_type'),
    envelope: p.json<Record<string, unknown>>(),
    createdAt: p
      .datetime()
      .fieldName('created_at')
      .onCreate(() => new Date()),
    publishedAt: p.datetime().fieldName('published_at').nullable(),
    publishAttempts: p.integer().fieldName('publish_attempts').default(0),
    lastError: p.text().fieldName('last_error').nullable(),
  },
});
