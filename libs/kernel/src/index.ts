export * from './calendar-date.js';
export * from './date-range.js';
export * from './money.js';
export * from './unit-payment.js';
