export * from './harness/platform.js';
export * from './harness/free-port.js';
export * from './harness/service-process.js';
export * from './harness/sample-data.js';
