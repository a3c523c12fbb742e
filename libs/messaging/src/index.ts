export * from './messaging.migration.js';
export * from './messaging-logger.js';
export * from './outbox/outbox-message.entity.js';
export * from './outbox/record-event.js';
export * from './outbox/outbox-relay.js';
export * from './inbox/inbox-consumer.js';
export * from './kafka/kafka-client.js';
export * from './nest/kafka-inbox.server.js';
