export * from './problems.js';
export * from './problem-details.filter.js';
export * from './zod-validation.js';
export * from './pagination.js';
export * from './health.js';
export * from './create-http-app.js';
export * from './run-until-signal.js';
export * from './ownership.js';
