/** Injection tokens for configuration values. */
export const INQUIRY_DECISION_DAYS = Symbol('INQUIRY_DECISION_DAYS');
