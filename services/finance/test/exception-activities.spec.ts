import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import type { FinanceActivities, InvoiceLineFailure } from '@platform/contracts';
import { createFinanceActivities } from '../src/activities/finance.activities.js';
import { openFinanceDatabase } from '../src/database.js';
import type { SubmissionResult } from '../src/processing/submission.types.js';
import { startFinanceApp, type FinanceApp } from './support/finance-app.js';
import {
  billableWorld,
  clientCase,
  invoice,
  outboxEvents,
  type Records,
} from './support/finance-records.js';

/**
 * WF-4's steps on finance's side (FIN-6): the exception queue's user modifies a failed line item
 * and resubmits it — processed again through the same pipeline — or denies it with a reason.
 */
let app: FinanceApp;
let records: Records;
let orm: MikroORM;
let activities: FinanceActivities;

beforeAll(async () => {
  app = await startFinanceApp();
  records = { query: (text, params) => app.query(text, params) };
  orm = await openFinanceDatabase(app.bed.database.url);
  activities = createFinanceActivities(orm);
});

afterAll(async () => {
  await orm?.close();
  await app?.close();
});

/** A submitted invoice whose one line failed FIN-4 because its case was closed. */
async function failedLine() {
  const world = await billableWorld(records);
  const closedCase = await clientCase(records, [world.clientId], '2025-01-01', '2025-12-31');
  const bill = await invoice(records, world.providerId, [world.line({ caseId: closedCase })]);
  const reply = await app.request<SubmissionResult>('POST', `/invoices/${bill.invoiceId}/submit`, {
    user: 'fin.fatima',
  });
  expect(reply.body.lines.map((l) => l.status)).toEqual(['exception']);
  return { world, closedCase, lineItemId: bill.lineItemIds[0] as string };
}

async function stored(lineItemId: string) {
  const [row] = await app.query<{
    status: string;
    attempt: number;
    failures: InvoiceLineFailure[];
    deniedBy: string | null;
    deniedReason: string | null;
  }>(
    `select status, attempt, failures, denied_by as "deniedBy", denied_reason as "deniedReason"
       from invoice_line_item where line_item_id = $1`,
    [lineItemId],
  );
  return row;
}

const changes = (lineItemId: string) =>
  app.query<{ action: string; actor: string }>(
    'select action, actor from invoice_line_change where line_item_id = $1 order by occurred_at',
    [lineItemId],
  );

describe('resubmitting a failed line item (WF-4, FIN-6)', () => {
  it('FIN-6: the case fixed, a resubmission is accepted and paid; the same request twice decides once', async () => {
    const { closedCase, lineItemId } = await failedLine();
    await app.query(`update client_case set status = 'open', closed_on = null where case_id = $1`, [
      closedCase,
    ]);
    const request = {
      lineItemId,
      requestKey: `invoice-exception/${lineItemId}#2`,
      resubmittedBy: 'fin.fatima',
    };
    const first = await activities.resubmitInvoiceLine(request);
    expect(first).toEqual({ outcome: 'accepted', attempt: 2, paymentId: expect.any(String) });
    const again = await activities.resubmitInvoiceLine(request);
    expect(again).toEqual(first);
    expect(await stored(lineItemId)).toMatchObject({
      status: 'accepted',
      attempt: 2,
      failures: [],
    });
    const paid = await app.query<{ paymentId: string }>(
      'select payment_id as "paymentId" from payment_line where line_item_id = $1',
      [lineItemId],
    );
    expect(paid).toEqual([{ paymentId: first.outcome === 'accepted' ? first.paymentId : '' }]);
    expect(await changes(lineItemId)).toEqual([{ action: 'resubmitted', actor: 'fin.fatima' }]);
    // Already in its process: no second `invoice-line.failed`, one payment calculated.
    expect(
      await outboxEvents(records, 'invoice-line.failed', 'lineItemId', lineItemId),
    ).toHaveLength(1);
    expect(
      await outboxEvents(records, 'payment.calculated', 'paymentId', paid[0]?.paymentId ?? ''),
    ).toHaveLength(1);
  });

  it('FIN-6: still failing, a resubmission answers every new reason and the line stays in exception', async () => {
    const { lineItemId } = await failedLine();
    await app.query('update invoice_line_item set payee_id = $2 where line_item_id = $1', [
      lineItemId,
      randomUUID(),
    ]);
    const outcome = await activities.resubmitInvoiceLine({
      lineItemId,
      requestKey: `invoice-exception/${lineItemId}#2`,
      resubmittedBy: 'fin.fatima',
    });
    expect(outcome).toMatchObject({ outcome: 'failed', attempt: 2 });
    expect(outcome.outcome === 'failed' && outcome.failures.map((f) => f.code)).toEqual([
      'payee-not-registered',
      'case-not-valid',
    ]);
    expect(await stored(lineItemId)).toMatchObject({ status: 'exception', attempt: 2 });
    expect(
      await outboxEvents(records, 'invoice-line.failed', 'lineItemId', lineItemId),
    ).toHaveLength(1);
  });
});

describe('denying a failed line item (WF-4, FIN-6)', () => {
  it('FIN-6: a denied line is closed with its reason, announced once, even when denied twice', async () => {
    const { lineItemId } = await failedLine();
    const deny = { lineItemId, reason: 'Client was in hospital', deniedBy: 'fin.fatima' };
    await activities.denyInvoiceLine(deny);
    await activities.denyInvoiceLine(deny);
    expect(await stored(lineItemId)).toMatchObject({
      status: 'denied',
      deniedBy: 'fin.fatima',
      deniedReason: 'Client was in hospital',
    });
    expect(await changes(lineItemId)).toEqual([{ action: 'denied', actor: 'fin.fatima' }]);
    expect(await outboxEvents(records, 'invoice-line.denied', 'lineItemId', lineItemId)).toEqual([
      expect.objectContaining({ reason: 'Client was in hospital', deniedBy: 'fin.fatima' }),
    ]);
    // A resubmission retried after the deny processes nothing.
    expect(
      await activities.resubmitInvoiceLine({
        lineItemId,
        requestKey: 'late',
        resubmittedBy: 'fin.fatima',
      }),
    ).toEqual({ outcome: 'denied', attempt: 1 });
  });

  it('FIN-6: a line accepted meanwhile cannot be denied (non-retryable rejection)', async () => {
    const { closedCase, lineItemId } = await failedLine();
    await app.query(`update client_case set status = 'open', closed_on = null where case_id = $1`, [
      closedCase,
    ]);
    await activities.resubmitInvoiceLine({
      lineItemId,
      requestKey: 'k1',
      resubmittedBy: 'fin.fatima',
    });
    const refused = await activities
      .denyInvoiceLine({ lineItemId, reason: 'Too late', deniedBy: 'fin.fatima' })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'FIN-6', nonRetryable: true });
    expect(await stored(lineItemId)).toMatchObject({ status: 'accepted' });
  });
});
