import { rangeContains, type CalendarDate, type DateRange } from '@platform/kernel';

/** One dated decision about where an affiliated provider's payments go (PRV-5). */
export interface PaymentDirectionEntry {
  effectiveFrom: CalendarDate;
  paymentsToGroup: boolean;
}

export interface AffiliationHistory {
  affiliationId: string;
  groupId: string;
  period: DateRange;
  /** Every direction ever recorded, in any order. */
  directions: readonly PaymentDirectionEntry[];
}

export type Payee =
  | { type: 'provider'; providerId: string }
  | { type: 'group'; groupId: string; affiliationId: string; since: CalendarDate };

/** The direction in force on `date`: the latest entry that took effect on or before it. */
export function directionOn(
  directions: readonly PaymentDirectionEntry[],
  date: CalendarDate,
): PaymentDirectionEntry | undefined {
  return directions
    .filter((entry) => entry.effectiveFrom <= date)
    .reduce<PaymentDirectionEntry | undefined>(
      (latest, entry) => (!latest || entry.effectiveFrom >= latest.effectiveFrom ? entry : latest),
      undefined,
    );
}

/**
 * PRV-5 / FIN-14: who is paid for a service the provider delivered on `date` — its group, when an
 * affiliation active on that date says so, else the provider itself. History is kept, so the
 * answer for a past date does not change when the direction changes later (reassessment, FIN-12).
 */
export function payeeOn(
  providerId: string,
  affiliations: readonly AffiliationHistory[],
  date: CalendarDate,
): Payee {
  for (const affiliation of affiliations) {
    if (!rangeContains(affiliation.period, date)) continue;
    const direction = directionOn(affiliation.directions, date);
    if (direction?.paymentsToGroup) {
      return {
        type: 'group',
        groupId: affiliation.groupId,
        affiliationId: affiliation.affiliationId,
        since: direction.effectiveFrom,
      };
    }
  }
  return { type: 'provider', providerId };
}

/**
 * PRV-5: a provider's payments go to one group at a time. Returns another affiliation that would
 * also pay its group on a day when `candidate` does. Directions only change on their effective
 * dates and affiliations on their start dates, so checking those days is enough.
 */
export function conflictingGroupPayee(
  candidate: AffiliationHistory,
  others: readonly AffiliationHistory[],
): AffiliationHistory | undefined {
  const paysGroupOn = (affiliation: AffiliationHistory, day: CalendarDate) =>
    rangeContains(affiliation.period, day) &&
    directionOn(affiliation.directions, day)?.paymentsToGroup === true;
  const changeDays = (affiliation: AffiliationHistory) => [
    affiliation.period.start,
    ...affiliation.directions.map((entry) => entry.effectiveFrom),
  ];
  return others.find(
    (other) =>
      other.affiliationId !== candidate.affiliationId &&
      [...changeDays(candidate), ...changeDays(other)].some(
        (day) => paysGroupOn(candidate, day) && paysGroupOn(other, day),
      ),
  );
}
