import { addDays, type CalendarDate } from '@platform/kernel';

/**
 * CRD-2: the licence lifecycle as an explicit state machine. Pure: the services and the WF-2
 * activities apply it inside a transaction and announce the result; tests prove every move.
 *
 *   (record) → pending ─approve→ approved            (CRD-3 training warnings shown, not enforced)
 *   pending ─reject(reason)→ rejected ─approve→ approved   (a rejected licence may later be approved)
 *   approved ─suspend(reason)→ suspended ─reinstate→ approved
 *   approved ─renew(new period)→ approved               (the period history keeps every period)
 *   approved | suspended ─non-compliance(reason)→ non-compliant        (final)
 *   approved | suspended ─expire (period ended, not renewed)→ expired  (final)
 *
 * "Renewed" is a move, not a status: a renewed licence stays approved, with a new period that
 * starts the day after the previous one ends, so a licence renewed before its period ends is
 * valid without a gap.
 */
export const LICENCE_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'suspended',
  'non-compliant',
  'expired',
] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export const LICENCE_ACTIONS = [
  'approve',
  'reject',
  'suspend',
  'reinstate',
  'renew',
  'record-non-compliance',
  'expire',
] as const;
export type LicenceAction = (typeof LICENCE_ACTIONS)[number];

/** Every action plus the recording of the licence, as the status history names them. */
export const LICENCE_HISTORY_ACTIONS = ['record', ...LICENCE_ACTIONS] as const;
export type LicenceHistoryAction = (typeof LICENCE_HISTORY_ACTIONS)[number];

interface Move {
  from: readonly LicenceStatus[];
  to: LicenceStatus;
  reasonRequired: boolean;
  /** How the refusal reads: "a rejected licence cannot be suspended". */
  pastTense: string;
}

const MOVES: Record<LicenceAction, Move> = {
  approve: {
    from: ['pending', 'rejected'],
    to: 'approved',
    reasonRequired: false,
    pastTense: 'approved',
  },
  reject: { from: ['pending'], to: 'rejected', reasonRequired: true, pastTense: 'rejected' },
  suspend: { from: ['approved'], to: 'suspended', reasonRequired: true, pastTense: 'suspended' },
  reinstate: {
    from: ['suspended'],
    to: 'approved',
    reasonRequired: false,
    pastTense: 'reinstated',
  },
  renew: { from: ['approved'], to: 'approved', reasonRequired: false, pastTense: 'renewed' },
  'record-non-compliance': {
    from: ['approved', 'suspended'],
    to: 'non-compliant',
    reasonRequired: true,
    pastTense: 'found non-compliant',
  },
  expire: {
    from: ['approved', 'suspended'],
    to: 'expired',
    reasonRequired: false,
    pastTense: 'expired',
  },
};

export type LicenceMoveResult =
  | { ok: true; from: LicenceStatus; to: LicenceStatus }
  | { ok: false; field: 'reason' | 'status'; message: string };

/** CRD-2: whether `action` may move a licence in `current`, and where to. */
export function applyLicenceAction(
  current: LicenceStatus,
  action: LicenceAction,
  reason?: string | null,
): LicenceMoveResult {
  const move = MOVES[action];
  if (!move.from.includes(current)) {
    return {
      ok: false,
      field: 'status',
      message: `CRD-2: ${article(current)} ${current} licence cannot be ${move.pastTense}; allowed from ${move.from.join(', ')}`,
    };
  }
  if (move.reasonRequired && !reason?.trim()) {
    return {
      ok: false,
      field: 'reason',
      message: `CRD-2: a reason is required to ${action === 'record-non-compliance' ? 'record non-compliance of' : action} a licence`,
    };
  }
  return { ok: true, from: current, to: move.to };
}

function article(status: LicenceStatus): string {
  return /^[aeiou]/.test(status) ? 'an' : 'a';
}

/** The actions open to a licence in `status` (shown to users so they see what they can do). */
export function availableLicenceActions(status: LicenceStatus): LicenceAction[] {
  return LICENCE_ACTIONS.filter((action) => MOVES[action].from.includes(status));
}

/** One period of a licence: calendar dates, both ends inclusive. */
export interface LicencePeriod {
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * CRD-2: a licence is valid on a date only when it is approved and the date lies within its
 * period. Renewals append periods that each start the day after the previous one ends, so the
 * periods of a licence are contiguous: the date must lie within one of them (from the first
 * period's start to the current period's end). A licence renewed before its period ends is valid
 * for the rest of the old period as well as in the new one.
 */
export function licenceValidOn(
  licence: { status: LicenceStatus; periods: readonly LicencePeriod[] },
  date: CalendarDate,
): boolean {
  if (licence.status !== 'approved') return false;
  return licence.periods.some((period) => period.from <= date && date <= period.to);
}

/** The period in force: the latest one of the history. */
export function currentPeriod(periods: readonly LicencePeriod[]): LicencePeriod {
  const last = periods[periods.length - 1];
  if (!last) throw new Error('a licence always has a period');
  return last;
}

export type RenewalPeriodResult =
  { ok: true; period: LicencePeriod } | { ok: false; field: 'to'; message: string };

/**
 * CRD-2: a renewal gives the licence a new period that starts the day after the current one ends
 * (no gap, no overlap) and ends on `newTo`, which must be after the current end.
 */
export function renewalPeriod(current: LicencePeriod, newTo: CalendarDate): RenewalPeriodResult {
  const from = addDays(current.to, 1);
  if (newTo < from) {
    return {
      ok: false,
      field: 'to',
      message: `CRD-2: a renewal's new period starts on ${from}, the day after the current period ends; it must end on or after that day, not ${newTo}`,
    };
  }
  return { ok: true, period: { from, to: newTo } };
}

export type ExpiryResult = { ok: true; alreadyExpired: boolean } | { ok: false; message: string };

/**
 * CRD-2 / WF-2: expiry without renewal. `onDate` is a day after the licence's period: the licence
 * was valid up to its current period's last day and, not having been renewed, expires. A licence
 * whose (renewed) period still covers `onDate`, or lies after it, is refused; an expired one is
 * left as it is.
 */
export function checkExpiry(
  licence: { status: LicenceStatus; periods: readonly LicencePeriod[] },
  onDate: CalendarDate,
): ExpiryResult {
  if (licence.status === 'expired') return { ok: true, alreadyExpired: true };
  const move = applyLicenceAction(licence.status, 'expire');
  if (!move.ok) return { ok: false, message: move.message };
  const period = currentPeriod(licence.periods);
  if (onDate <= period.to) {
    return {
      ok: false,
      message: `CRD-2: the licence's period runs to ${period.to}, so it does not expire on ${onDate}${licence.periods.length > 1 ? ' (it was renewed)' : ''}`,
    };
  }
  return { ok: true, alreadyExpired: false };
}
