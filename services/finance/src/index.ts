// Public surface of the finance service package (issue 6): the service (ADR 0018) and its pure
// domain rules (ADR 0017).
export { startFinanceService } from './finance.service-runtime.js';
export { loadFinanceConfig, type FinanceConfig } from './config.js';
export * from './domain/authorization-units.js';
export * from './domain/line-payment.js';
export * from './domain/line-validation.js';
export * from './domain/payee.js';
export * from './domain/payment-options.js';
export * from './domain/rate-periods.js';
export * from './domain/rate-precedence.js';
export * from './domain/rule-failure.js';
export * from './domain/unit-matching.js';
