import { rangeContains, type CalendarDate, type DateRange } from '@platform/kernel';

/**
 * PRV-5: one change of an affiliation's payment direction, as `provider.payment-direction-changed`
 * carries it — from `effectiveFrom` the provider's payments go to the group or not, while the
 * affiliation lasts.
 */
export interface PaymentDirectionChange {
  groupId: string;
  affiliationId: string;
  affiliation: DateRange;
  effectiveFrom: CalendarDate;
  paymentsToGroup: boolean;
}

export interface PayeeFacts {
  providerId: string;
  /** The nominee on the matched authorization line item (FIN-1), if any. */
  nomineeId: string | null;
  /** The provider's whole payment-direction history, every affiliation, in any order. */
  paymentDirection: readonly PaymentDirectionChange[];
  serviceDate: CalendarDate;
}

export type Payee =
  | { kind: 'nominee'; payeeId: string; rule: 'FIN-14' }
  | { kind: 'group'; payeeId: string; affiliationId: string; rule: 'PRV-5' }
  | { kind: 'provider'; payeeId: string; rule: 'FIN-14' };

/** The direction in force for one affiliation at `date`: its latest change on or before it. */
function directionOn(
  changes: readonly PaymentDirectionChange[],
  date: CalendarDate,
): PaymentDirectionChange | undefined {
  let latest: PaymentDirectionChange | undefined;
  for (const change of changes) {
    if (change.effectiveFrom > date) continue;
    if (!latest || change.effectiveFrom >= latest.effectiveFrom) latest = change;
  }
  return latest;
}

/**
 * FIN-14: who is paid for a line item. Precedence (decided here, ADR 0017):
 * 1. the nominee of the authorization line item — the case worker named that person for these
 *    services, which is more specific than any standing arrangement of the provider;
 * 2. the provider's group, when an affiliation in force on the service date says (by its latest
 *    direction change on or before that date, PRV-5) that payments go to the group — the service
 *    date, not today, so a later change of direction never moves an earlier payment;
 * 3. the provider itself.
 * Should two affiliations both send payments to their groups on the same date, the one whose
 * direction changed most recently wins (ties by affiliation id), so the answer is deterministic.
 */
export function resolvePayee(facts: PayeeFacts): Payee {
  if (facts.nomineeId !== null)
    return { kind: 'nominee', payeeId: facts.nomineeId, rule: 'FIN-14' };
  const byAffiliation = new Map<string, PaymentDirectionChange[]>();
  for (const change of facts.paymentDirection) {
    if (!rangeContains(change.affiliation, facts.serviceDate)) continue;
    byAffiliation.set(change.affiliationId, [
      ...(byAffiliation.get(change.affiliationId) ?? []),
      change,
    ]);
  }
  const toGroup = [...byAffiliation.values()]
    .map((changes) => directionOn(changes, facts.serviceDate))
    .filter((change): change is PaymentDirectionChange => change?.paymentsToGroup === true)
    .sort((a, b) =>
      a.effectiveFrom === b.effectiveFrom
        ? a.affiliationId.localeCompare(b.affiliationId)
        : a.effectiveFrom > b.effectiveFrom
          ? -1
          : 1,
    );
  const group = toGroup[0];
  if (group)
    return {
      kind: 'group',
      payeeId: group.groupId,
      affiliationId: group.affiliationId,
      rule: 'PRV-5',
    };
  return { kind: 'provider', payeeId: facts.providerId, rule: 'FIN-14' };
}
