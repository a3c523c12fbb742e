export * from './start-service.js';
export * from './service-module.js';
