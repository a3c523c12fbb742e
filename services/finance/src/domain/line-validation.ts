import { rangeContains, rangesOverlap, type Cents, type DateRange } from '@platform/kernel';
import {
  byServiceDateThenLine,
  matchLines,
  type AuthorizationCandidate,
  type LineToMatch,
  type MatchFailureCode,
  type MatchOutcome,
} from './unit-matching.js';
import type { RuleFailure } from './rule-failure.js';

/** A submitted invoice line item as validation sees it (FIN-3, FIN-4). */
export interface InvoiceLineToValidate extends LineToMatch {
  /** Who is to be paid when not the provider (a group or a nominee); null: the provider. */
  payeeId: string | null;
  /** The case the line is billed under; null when none is named (rosters, ROS-5). */
  caseId: string | null;
  billedUnitAmount: Cents | null;
}

/** FIN-4: a provider's approval to deliver a service, for a period (from the providers' events). */
export interface ServiceApproval {
  providerId: string;
  serviceId: string;
  period: DateRange;
}

/** A fixed-fee contract's period and the services it pays for (FIN-5). */
export interface FixedFeeCoverage {
  contractId: string;
  providerId: string;
  serviceIds: readonly string[];
  period: DateRange;
}

/**
 * Every fact validation needs for a whole batch, looked up before it runs — one set-based query
 * per field, each over the batch's distinct ids (`= ANY($1)` / a join on `unnest` of the batch's
 * keys), so thousands of lines cost a handful of queries, not several per line:
 * 1. `registeredClients`, `registeredProviders`, `registeredPayees`: the ids among the batch's
 *    that the projections know as registered;
 * 2. `openCases`: the batch's cases, each with the period it is open (opened on → closed on, or
 *    open-ended); a case is valid for a line open throughout its service period;
 * 3. `approvals`: the approval periods of the batch's (provider, service) pairs;
 * 4. `alreadyBilled`: batch line id → the id of an earlier line (not denied) with the same
 *    provider, clients, service, period, units and amount — a join of the batch's keys with the
 *    line items table on that natural key (duplicates within the batch are found here, in code);
 * 5. `fixedFeeCoverage`: fixed-fee contract periods of the batch's providers overlapping the
 *    batch's earliest–latest service dates;
 * 6. `authorizationLineItems`: the candidates for matching, each with its units already used
 *    (authorizations naming any batch client, for any batch service, with the sum of matches);
 * 7. `payableProducts`: the batch's service products that may be paid through the channel being
 *    processed (SVC-4: a product paid by placement is never paid by invoice or roster, one paid
 *    by attendance never by invoice).
 */
export interface ValidationFacts {
  registeredClients: ReadonlySet<string>;
  registeredProviders: ReadonlySet<string>;
  registeredPayees: ReadonlySet<string>;
  openCases: ReadonlyMap<string, DateRange>;
  approvals: readonly ServiceApproval[];
  alreadyBilled: ReadonlyMap<string, string>;
  fixedFeeCoverage: readonly FixedFeeCoverage[];
  authorizationLineItems: readonly AuthorizationCandidate[];
  payableProducts: ReadonlySet<string>;
}

export type ValidationFailureCode =
  | 'client-not-registered'
  | 'provider-not-registered'
  | 'payee-not-registered'
  | 'case-not-valid'
  | 'duplicate-line-item'
  | 'provider-not-approved-for-service'
  | 'service-not-paid-through-channel'
  | MatchFailureCode
  | 'fixed-fee-contract-covers-period';

export type LineValidation =
  | {
      valid: true;
      lineId: string;
      match: Extract<MatchOutcome, { matched: true }>;
    }
  | {
      valid: false;
      lineId: string;
      /** Every reason, in a fixed order, for the exception task (FIN-6, WF-4). */
      failures: RuleFailure<ValidationFailureCode>[];
    };

export interface ValidationOptions {
  /**
   * Lines judged as usual that take no units: the caller knows they will not be paid (a line
   * that matched but cannot be priced, found by a first pass), so a later line may have them.
   */
  takesNoUnits?: ReadonlySet<string>;
}

/** The natural key of a line: two lines with the same key bill the same thing twice (FIN-4). */
export function duplicateKey(line: InvoiceLineToValidate): string {
  return JSON.stringify([
    line.providerId,
    line.serviceId,
    [...line.clientIds].sort(),
    line.servicePeriod.start,
    line.servicePeriod.end,
    line.units,
    line.billedUnitAmount === null ? null : line.billedUnitAmount.toString(),
  ]);
}

function fail(
  code: ValidationFailureCode,
  rule: string,
  message: string,
): RuleFailure<ValidationFailureCode> {
  return { code, rule, message };
}

/** FIN-4 "case valid": the case was open on every day of the service period. */
function caseOpenThroughout(open: DateRange | undefined, line: InvoiceLineToValidate): boolean {
  return (
    open !== undefined &&
    rangeContains(open, line.servicePeriod.start) &&
    rangeContains(open, line.servicePeriod.end)
  );
}

/** FIN-4 except matching: the checks that need no units. */
function factFailures(
  line: InvoiceLineToValidate,
  facts: ValidationFacts,
  duplicateInBatch: string | undefined,
): RuleFailure<ValidationFailureCode>[] {
  const failures: RuleFailure<ValidationFailureCode>[] = [];
  const unregistered = line.clientIds.filter((id) => !facts.registeredClients.has(id));
  if (unregistered.length > 0) {
    failures.push(
      fail(
        'client-not-registered',
        'FIN-4',
        `client(s) not registered: ${unregistered.join(', ')}`,
      ),
    );
  }
  if (!facts.registeredProviders.has(line.providerId)) {
    failures.push(
      fail('provider-not-registered', 'FIN-4', `provider ${line.providerId} is not registered`),
    );
  }
  if (line.payeeId !== null && !facts.registeredPayees.has(line.payeeId)) {
    failures.push(fail('payee-not-registered', 'FIN-4', `payee ${line.payeeId} is not registered`));
  }
  if (line.caseId !== null && !caseOpenThroughout(facts.openCases.get(line.caseId), line)) {
    failures.push(
      fail(
        'case-not-valid',
        'FIN-4',
        `case ${line.caseId} is not open throughout ${line.servicePeriod.start} to ${line.servicePeriod.end}`,
      ),
    );
  }
  const duplicateOf = facts.alreadyBilled.get(line.lineId) ?? duplicateInBatch;
  if (duplicateOf !== undefined) {
    failures.push(
      fail(
        'duplicate-line-item',
        'FIN-4',
        `the same service was already billed on line ${duplicateOf}`,
      ),
    );
  }
  // Approved for the whole service period, by one approval.
  const approved = facts.approvals.some(
    (approval) =>
      approval.providerId === line.providerId &&
      approval.serviceId === line.serviceId &&
      rangeContains(approval.period, line.servicePeriod.start) &&
      rangeContains(approval.period, line.servicePeriod.end),
  );
  if (!approved) {
    failures.push(
      fail(
        'provider-not-approved-for-service',
        'FIN-4',
        `provider ${line.providerId} is not approved for this service for ${line.servicePeriod.start} to ${line.servicePeriod.end}`,
      ),
    );
  }
  if (!facts.payableProducts.has(line.serviceId)) {
    failures.push(
      fail(
        'service-not-paid-through-channel',
        'SVC-4',
        `service ${line.serviceId} is not paid this way: its pay-by flags send it to placement or attendance payments`,
      ),
    );
  }
  return failures;
}

/** FIN-5: any day of the line under a fixed-fee contract for the service would be paid twice. */
function fixedFeeFailure(
  line: InvoiceLineToValidate,
  facts: ValidationFacts,
): RuleFailure<ValidationFailureCode> | null {
  const fixedFee = facts.fixedFeeCoverage.find(
    (contract) =>
      contract.providerId === line.providerId &&
      contract.serviceIds.includes(line.serviceId) &&
      rangesOverlap(contract.period, line.servicePeriod),
  );
  if (!fixedFee) return null;
  return fail(
    'fixed-fee-contract-covers-period',
    'FIN-5',
    `fixed-fee contract ${fixedFee.contractId} already pays this provider for the service in this period`,
  );
}

/**
 * FIN-4/FIN-5 over a whole batch at once: every failure reason of every line (not only the first),
 * each with a stable code and its rule id, and for the lines that pass the authorization line item
 * they consume units of (`matchLines`: by service date, then line number). Duplicates within the
 * batch are the later lines (by the same order) of a natural key. Lines that fail a check other
 * than matching take no units, so they cannot starve a payable line.
 */
export function validateLines(
  lines: readonly InvoiceLineToValidate[],
  facts: ValidationFacts,
  options: ValidationOptions = {},
): LineValidation[] {
  const ordered = [...lines].sort(byServiceDateThenLine);
  const firstWithKey = new Map<string, string>();
  const duplicateInBatch = new Map<string, string>();
  for (const line of ordered) {
    const key = duplicateKey(line);
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, line.lineId);
    else duplicateInBatch.set(line.lineId, first);
  }
  const checked = new Map(
    lines.map((line) => [
      line.lineId,
      {
        facts: factFailures(line, facts, duplicateInBatch.get(line.lineId)),
        fixedFee: fixedFeeFailure(line, facts),
      },
    ]),
  );
  const matches = matchLines(lines, facts.authorizationLineItems, (line) => {
    const found = checked.get(line.lineId);
    return (
      found !== undefined &&
      found.facts.length === 0 &&
      found.fixedFee === null &&
      !options.takesNoUnits?.has(line.lineId)
    );
  });
  return lines.map((line, index): LineValidation => {
    const match = matches[index];
    const found = checked.get(line.lineId);
    const failures = [
      ...(found?.facts ?? []),
      ...(match && !match.matched ? [match.failure] : []),
      ...(found?.fixedFee ? [found.fixedFee] : []),
    ];
    if (failures.length === 0 && match?.matched) return { valid: true, lineId: line.lineId, match };
    return { valid: false, lineId: line.lineId, failures };
  });
}
