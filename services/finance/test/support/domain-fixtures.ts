import {
  dateRange,
  parseCalendarDate,
  parseMoney,
  type CalendarDate,
  type RateAmount,
} from '@platform/kernel';
import type { DatedRate } from '../../src/domain/rate-periods.js';
import type { AuthorizationCandidate } from '../../src/domain/unit-matching.js';

/** The fixtures the finance domain specs share: dates, rates and the guide's examples. */
export const day = (iso: string): CalendarDate => parseCalendarDate(iso);

export const fixed = (text: string): RateAmount => ({ kind: 'fixed', amount: parseMoney(text) });

export const january = { start: day('2026-01-01'), end: day('2026-01-31') };

/** FIN-9's example: the product rate, in effect throughout… */
export const productRate: DatedRate = {
  source: 'product',
  period: dateRange(day('2025-01-01')),
  rate: fixed('50'),
};

/** …and a provider-service rate that ends on 10 January. */
export const providerUntil10Jan: DatedRate = {
  source: 'provider-service',
  period: dateRange(day('2025-10-01'), day('2026-01-10')),
  rate: fixed('60'),
};

/** FIN-1's example: two clients (ann, bob) sharing 10 therapy sessions in Q1 2026. */
export const sharedSessions = (
  overrides: Partial<AuthorizationCandidate> = {},
): AuthorizationCandidate => ({
  authorizationId: 'auth-1',
  lineItemId: 'auth-1/therapy',
  serviceId: 'therapy',
  providerId: null,
  clientIds: ['ann', 'bob'],
  period: dateRange(day('2026-01-01'), day('2026-03-31')),
  units: 10,
  unitsUsed: 0,
  cancelled: false,
  ...overrides,
});
