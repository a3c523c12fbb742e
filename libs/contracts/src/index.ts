export * from './workflows.js';
export * from './envelope.js';
export * from './event-definition.js';
export * from './event-catalog.js';
export * from './envelope-codec.js';
export * from './events/provider-inquiry.events.js';
export * from './events/provider.events.js';
export * from './asyncapi.js';
