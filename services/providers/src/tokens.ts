/** Injection tokens for configuration values. */
export const INQUIRY_DECISION_DAYS = Symbol('INQUIRY_DECISION_DAYS');
/** PRV-10: days before expiry a waitlist entry's review date falls, when none is given. */
export const WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY = Symbol('WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY');
