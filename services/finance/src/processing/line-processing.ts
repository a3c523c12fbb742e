import type { EntityManager } from '@platform/persistence';
import { parseCalendarDate, rangeContains, type PaymentOptions } from '@platform/kernel';
import type { Actor, InvoiceLineFailure } from '@platform/contracts';
import { priceLines, type LineToPrice } from '../domain/line-payment.js';
import {
  validateLines,
  type InvoiceLineToValidate,
  type ValidationFacts,
} from '../domain/line-validation.js';
import { resolvePayee } from '../domain/payee.js';
import { paymentOptionsInEffect } from '../domain/payment-options.js';
import type { DatedRate } from '../domain/rate-periods.js';
import { loadLineRecords, type LineRecord } from './line-records.js';
import { insertOutboxRows } from '@platform/messaging';
import { STOPPING_RULE, writeOutcomes, type Outcome } from './outcome-writes.js';
import { PaymentBook } from './payment-book.js';
import { lookupPricingFacts, pairKey, type PricingFacts } from './pricing-facts.js';
import { chunks } from './sql-values.js';
import { uuidArray } from '../shared/sql-arrays.js';
import type { CalculatedPaymentSummary, ProcessedLine } from './submission.types.js';
import { lookupValidationFacts, type AuthorizationLineFacts } from './validation-facts.js';

/** Who processes which invoice's lines, and how (FIN-3…FIN-9, FIN-14). */
export interface ProcessingRun {
  invoice: { invoiceId: string; reference: string; providerId: string };
  actor: Actor;
  correlationId?: string;
  /**
   * FIN-6: a line failing for the first time opens an exception process (its event starts WF-4);
   * a line resubmitted from that process is already in it, so no new event then.
   */
  announceFailures: boolean;
  batchSize: number;
}

export interface ProcessingOutcome {
  lines: ProcessedLine[];
  payments: CalculatedPaymentSummary[];
}

/**
 * Processes line items set-based, `batchSize` at a time in service-date order (so batching never
 * changes a result: earlier batches' accepted lines count as billed and as units used for later
 * ones): facts looked up per batch in a handful of queries, the pure rules (validateLines,
 * priceLines, resolvePayee) run over the batch in memory, and the outcomes written back with a
 * few bulk statements — line outcomes, payments, payment lines, adjustments, outbox rows.
 */
export async function processLineItems(
  em: EntityManager,
  run: ProcessingRun,
  lineItemIds: readonly string[],
): Promise<ProcessingOutcome> {
  const ordered = await em.execute<{ id: string }[]>(
    `select line_item_id as id from invoice_line_item where line_item_id = any(?::uuid[])
      order by from_date, line_number, line_item_id`,
    [uuidArray(lineItemIds)],
  );
  const book = new PaymentBook(em, run.invoice);
  const processed: ProcessedLine[] = [];
  for (const batch of chunks(
    ordered.map((row) => row.id),
    run.batchSize,
  )) {
    processed.push(...(await processBatch(em, run, batch, book)));
  }
  const { summaries, events } = await book.close(run.actor, run.correlationId);
  await insertOutboxRows(em, events);
  return { lines: processed.sort((a, b) => a.lineNumber - b.lineNumber), payments: summaries };
}

async function processBatch(
  em: EntityManager,
  run: ProcessingRun,
  ids: readonly string[],
  book: PaymentBook,
): Promise<ProcessedLine[]> {
  const records = await loadLineRecords(em, ids);
  const { facts, candidates } = await lookupValidationFacts(em, records);
  // Units are given out before pricing, so a matched line that then cannot be priced would hold
  // units a later line of the batch needs. Judge again with such lines taking none, until no new
  // line fails pricing (almost always one pass; each extra pass excludes at least one line).
  let takesNoUnits = new Set<string>();
  for (;;) {
    const judged = await judgeBatch(em, records, facts, candidates, takesNoUnits);
    const newlyUnpriced = judged.unpriced.filter((id) => !takesNoUnits.has(id));
    if (newlyUnpriced.length === 0) return writeOutcomes(em, run, judged.outcomes, book);
    takesNoUnits = new Set([...takesNoUnits, ...newlyUnpriced]);
  }
}

/** FIN-4/5 then FIN-7/8/9 and FIN-14 over one batch, in memory but for the pricing facts. */
async function judgeBatch(
  em: EntityManager,
  records: readonly LineRecord[],
  facts: ValidationFacts,
  candidates: ReadonlyMap<string, AuthorizationLineFacts>,
  takesNoUnits: ReadonlySet<string>,
): Promise<{ outcomes: Outcome[]; unpriced: string[] }> {
  const validations = validateLines(records.map(toValidate), facts, { takesNoUnits });
  const byId = new Map(records.map((record) => [record.lineItemId, record]));
  const outcomes: Outcome[] = [];
  const unpriced: string[] = [];
  const toPrice: { record: LineRecord; candidate: AuthorizationLineFacts }[] = [];
  for (const validation of validations) {
    const record = byId.get(validation.lineId) as LineRecord;
    if (validation.valid) {
      const candidate = candidates.get(validation.match.lineItemId);
      if (!candidate) throw new Error(`matched ${validation.match.lineItemId} is not a candidate`);
      toPrice.push({ record, candidate });
    } else {
      const failures = validation.failures;
      const stopped = failures.some((failure) => failure.rule === STOPPING_RULE);
      outcomes.push({ status: stopped ? 'stopped' : 'exception', record, failures });
    }
  }
  if (toPrice.length === 0) return { outcomes, unpriced };
  const pricing = await lookupPricingFacts(
    em,
    toPrice.map((entry) => entry.record),
  );
  const priceable = toPrice.flatMap((entry) => {
    const line = lineToPrice(entry, pricing);
    if (line) return [{ ...entry, line }];
    unpriced.push(entry.record.lineItemId);
    outcomes.push({
      status: 'exception',
      record: entry.record,
      failures: [noOptions(entry.record)],
    });
    return [];
  });
  const priced = priceLines(priceable.map((entry) => entry.line));
  priced.forEach((result, index) => {
    const { record, candidate } = priceable[index] as (typeof priceable)[number];
    if (!result.ok) {
      unpriced.push(record.lineItemId);
      outcomes.push({ status: 'exception', record, failures: result.failures });
      return;
    }
    const payee = resolvePayee({
      providerId: record.providerId,
      nomineeId: candidate.nomineeId,
      paymentDirection: pricing.paymentDirection.get(record.providerId) ?? [],
      serviceDate: parseCalendarDate(record.from),
    });
    outcomes.push({
      status: 'accepted',
      record,
      priced: result.line,
      payee,
      match: candidate.lineItemId,
    });
  });
  return { outcomes, unpriced };
}

function toValidate(record: LineRecord): InvoiceLineToValidate {
  return {
    lineId: record.lineItemId,
    lineNumber: record.lineNumber,
    providerId: record.providerId,
    serviceId: record.serviceProductId,
    clientIds: record.clientIds,
    servicePeriod: { start: parseCalendarDate(record.from), end: parseCalendarDate(record.to) },
    units: record.units,
    payeeId: record.payeeId,
    caseId: record.caseId,
    billedUnitAmount: record.unitAmountCents,
  };
}

/** FIN-7/FIN-9/PRV-7: every source's dated rates and the payment options in effect for a line. */
function lineToPrice(
  { record, candidate }: { record: LineRecord; candidate: AuthorizationLineFacts },
  pricing: PricingFacts,
): LineToPrice | null {
  const key = pairKey(record.providerId, record.serviceProductId);
  const start = parseCalendarDate(record.from);
  const authorizationRate: DatedRate[] =
    candidate.rateCents === null
      ? []
      : [
          {
            source: 'authorization-line-item',
            period: candidate.period,
            rate: { kind: 'fixed', amount: candidate.rateCents },
          },
        ];
  const providerServices = pricing.providerOptionsByPair.get(key) ?? [];
  const providerService =
    providerServices.find((service) => rangeContains(service.period, start)) ?? providerServices[0];
  const productOptions = pricing.productOptions.get(record.serviceProductId);
  const providerOptions = providerService?.options ?? null;
  if (!productOptions && !providerOptions) return null;
  return {
    lineId: record.lineItemId,
    channel: 'invoice',
    servicePeriod: { start, end: parseCalendarDate(record.to) },
    units: record.units,
    billedUnitAmount: record.unitAmountCents,
    rates: [...authorizationRate, ...(pricing.ratesByPair.get(key) ?? [])],
    // The provider's complete set overrides the product's (PRV-7); one of them exists here.
    options: providerOptions
      ? { options: providerOptions, from: 'provider' }
      : paymentOptionsInEffect(productOptions as PaymentOptions, null),
  };
}

/** SVC-3: without the product (not projected yet) nor provider options, nothing can be paid. */
function noOptions(record: LineRecord): InvoiceLineFailure {
  return {
    code: 'payment-options-unknown',
    rule: 'SVC-3',
    message: `service product ${record.serviceProductId} is not known to finance, so no payment options apply`,
  };
}
