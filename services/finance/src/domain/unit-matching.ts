import { rangeContains, type DateRange } from '@platform/kernel';
import type { ServicePeriod } from './rate-periods.js';
import type { RuleFailure } from './rule-failure.js';

/**
 * FIN-1/FIN-4: an authorization line item a billed line may be matched to, with the units already
 * used by earlier matches (one SQL query fills these for a whole batch: the line items of every
 * authorization naming any of the batch's clients for any of its services, with the sum of their
 * matched units).
 */
export interface AuthorizationCandidate {
  authorizationId: string;
  lineItemId: string;
  serviceId: string;
  /** FIN-1: null means any registered provider may deliver it. */
  providerId: string | null;
  /** Every client of the authorization: they share the line item's units (FIN-1). */
  clientIds: readonly string[];
  period: DateRange;
  /** null: no unit limit. */
  units: number | null;
  unitsUsed: number;
  /** Cancelled line item or deleted authorization (FIN-2): never matched. */
  cancelled: boolean;
}

/** A billed line (invoice or roster) as matching sees it. */
export interface LineToMatch {
  lineId: string;
  /** Position on its invoice; with the service date it fixes the order units are given out in. */
  lineNumber: number;
  providerId: string;
  serviceId: string;
  clientIds: readonly string[];
  servicePeriod: ServicePeriod;
  units: number;
}

export type MatchFailureCode =
  'no-matching-authorization' | 'clients-not-on-one-authorization' | 'not-enough-unbilled-units';

export type MatchOutcome =
  | {
      matched: true;
      lineId: string;
      authorizationId: string;
      lineItemId: string;
      units: number;
      /** Units left on the authorization line item after this line (null: no limit). */
      unitsLeft: number | null;
    }
  | { matched: false; lineId: string; failure: RuleFailure<MatchFailureCode> };

/** FIN-4: the candidate serves this line — service, provider, period — ignoring clients. */
function servesLine(candidate: AuthorizationCandidate, line: LineToMatch): boolean {
  return (
    !candidate.cancelled &&
    candidate.serviceId === line.serviceId &&
    (candidate.providerId === null || candidate.providerId === line.providerId) &&
    rangeContains(candidate.period, line.servicePeriod.start) &&
    rangeContains(candidate.period, line.servicePeriod.end)
  );
}

/**
 * FIN-4: a multi-client line matches only if all its clients are on the same authorization;
 * other clients on that authorization are not considered.
 */
function coversClients(candidate: AuthorizationCandidate, line: LineToMatch): boolean {
  return line.clientIds.every((clientId) => candidate.clientIds.includes(clientId));
}

/** Deterministic order: service start date, then line number, then id. */
export function byServiceDateThenLine(a: LineToMatch, b: LineToMatch): number {
  if (a.servicePeriod.start !== b.servicePeriod.start) {
    return a.servicePeriod.start < b.servicePeriod.start ? -1 : 1;
  }
  if (a.lineNumber !== b.lineNumber) return a.lineNumber - b.lineNumber;
  return a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0;
}

/** Earliest-starting authorization line item first (then by id), so the choice is stable. */
function byPeriodThenId(a: AuthorizationCandidate, b: AuthorizationCandidate): number {
  if (a.period.start !== b.period.start) return a.period.start < b.period.start ? -1 : 1;
  return a.lineItemId < b.lineItemId ? -1 : a.lineItemId > b.lineItemId ? 1 : 0;
}

function unmatched(line: LineToMatch, code: MatchFailureCode, message: string): MatchOutcome {
  return { matched: false, lineId: line.lineId, failure: { code, rule: 'FIN-4', message } };
}

/**
 * FIN-4: gives out the unbilled units of authorization line items to billed lines, all at once.
 * Lines are taken by service date, then line number, and each takes its units from the first
 * (earliest) authorization line item that serves it, covers all its clients and still has enough
 * units left — so of two lines wanting the last 3 units, the earlier one gets them and the later
 * fails with "not enough unbilled units", the same way on every run (3 sessions billed need ≥ 3
 * left). A line for which `consumesUnits` says no (it failed another check) is judged against what
 * is left but takes nothing, so a line that will not be paid never starves one that will.
 * Outcomes come back in the order of `lines`.
 */
export function matchLines(
  lines: readonly LineToMatch[],
  candidates: readonly AuthorizationCandidate[],
  consumesUnits: (line: LineToMatch) => boolean = () => true,
): MatchOutcome[] {
  if (new Set(lines.map((line) => line.lineId)).size !== lines.length) {
    throw new RangeError('every line to match needs its own id');
  }
  const unitsLeft = new Map<string, number | null>(
    candidates.map((c) => [
      c.lineItemId,
      c.units === null ? null : Math.max(c.units - c.unitsUsed, 0),
    ]),
  );
  // Indexed by service and client, so each line looks only at its clients' authorizations.
  const byServiceAndClient = new Map<string, AuthorizationCandidate[]>();
  for (const candidate of [...candidates].sort(byPeriodThenId)) {
    for (const clientId of candidate.clientIds) {
      const key = `${candidate.serviceId}\u0000${clientId}`;
      const list = byServiceAndClient.get(key);
      if (list) list.push(candidate);
      else byServiceAndClient.set(key, [candidate]);
    }
  }
  const candidatesFor = (line: LineToMatch): AuthorizationCandidate[] => {
    const found = new Set<AuthorizationCandidate>();
    for (const clientId of line.clientIds) {
      for (const c of byServiceAndClient.get(`${line.serviceId}\u0000${clientId}`) ?? [])
        found.add(c);
    }
    return [...found].sort(byPeriodThenId);
  };
  const outcomes = new Map<string, MatchOutcome>();
  for (const line of [...lines].sort(byServiceDateThenLine)) {
    if (!Number.isSafeInteger(line.units) || line.units < 0) {
      throw new RangeError(`units must be a whole number ≥ 0: ${line.units}`);
    }
    const serving = candidatesFor(line).filter((c) => servesLine(c, line));
    const onOneAuthorization = serving.filter((c) => coversClients(c, line));
    const withEnough = onOneAuthorization.find((c) => {
      const left = unitsLeft.get(c.lineItemId);
      return left === null || (left !== undefined && left >= line.units);
    });
    if (withEnough) {
      const left = unitsLeft.get(withEnough.lineItemId) ?? null;
      const after = left === null ? null : left - line.units;
      if (consumesUnits(line)) unitsLeft.set(withEnough.lineItemId, after);
      outcomes.set(line.lineId, {
        matched: true,
        lineId: line.lineId,
        authorizationId: withEnough.authorizationId,
        lineItemId: withEnough.lineItemId,
        units: line.units,
        unitsLeft: after,
      });
    } else if (onOneAuthorization.length > 0) {
      const most = Math.max(...onOneAuthorization.map((c) => unitsLeft.get(c.lineItemId) ?? 0));
      outcomes.set(
        line.lineId,
        unmatched(
          line,
          'not-enough-unbilled-units',
          `${line.units} unit(s) billed but at most ${most} left unbilled on a matching authorization line item`,
        ),
      );
    } else if (
      line.clientIds.length > 1 &&
      line.clientIds.every((id) => serving.some((c) => c.clientIds.includes(id)))
    ) {
      outcomes.set(
        line.lineId,
        unmatched(
          line,
          'clients-not-on-one-authorization',
          'each client is authorised for the service, but not all of them on the same authorization',
        ),
      );
    } else {
      outcomes.set(
        line.lineId,
        unmatched(
          line,
          'no-matching-authorization',
          `no authorization line item for this service, provider, period and client(s)`,
        ),
      );
    }
  }
  return lines.map((line) => {
    const outcome = outcomes.get(line.lineId);
    if (!outcome) throw new Error(`line ${line.lineId} was not matched`);
    return outcome;
  });
}
