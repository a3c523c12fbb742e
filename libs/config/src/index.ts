export * from './load-config.js';
export * from './platform-env.js';
