export * from './calendar-date.js';
export * from './date-range.js';
