// Public surface of @platform/notifications for services. The local SMTP sink is a separate
// subpath (`@platform/notifications/smtp-sink`) so services never load an SMTP server.
export * from './notification-port.js';
export * from './idempotency.js';
export * from './fan-out-notifier.js';
export * from './smtp-email-adapter.js';
