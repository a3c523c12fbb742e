export * from './client.js';
export * from './workers.js';
export * from './failures.js';
