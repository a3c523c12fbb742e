export * from './endpoints.js';
export * from './test-database.js';
export * from './kafka-probe.js';
export * from './eventually.js';
export * from './test-namespace.js';
export * from './test-topic.js';
export * from './route-guards.js';
export * from './service-client.js';
