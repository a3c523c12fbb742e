/** Injection token of the finance service's configuration (FinanceConfig). */
export const FINANCE_CONFIG = Symbol('FINANCE_CONFIG');
