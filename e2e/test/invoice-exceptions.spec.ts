import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  invoiceExceptionStateQuery,
  invoiceExceptionWorkflowId,
  invoiceLineDenied,
  paymentIssued,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import type { Platform } from '../src/index.js';
import { invoiceParties, type InvoiceParties } from './finance-parties.js';
import { call, download } from './http.js';
import { startEndToEnd, type EndToEnd } from './support.js';

/**
 * Issue 6 end to end, every service as its own process and the real workflow worker: a finance
 * user enters and submits an invoice of three line items → one is paid, two fail validation
 * (FIN-4) → each opens an invoice exception process (WF-4) with a task in the finance exception
 * queue naming its reasons → a resubmission without a fix updates the task with the new reasons,
 * a fix and resubmission pays, a denial closes → only a finance user approves the payments
 * (ROLE-1), a payment run exports them as CSV and announces each, and the provider sees its own
 * payments and nobody else's.
 */
let e2e: EndToEnd;
let platform: Platform;
let tokens: Record<string, string>;
let parties: InvoiceParties;

const FINANCE = 'fin.fatima';
const MANAGER = 'rm.rivera';
const PROVIDER_USER = 'provider.sunrise';
const OTHER_PROVIDER_USER = 'provider.harbor';

beforeAll(async () => {
  e2e = await startEndToEnd(
    'e2e-wf4',
    [invoiceLineDenied, paymentIssued],
    ['admin.ada', MANAGER, 'cw.chen', FINANCE, PROVIDER_USER, OTHER_PROVIDER_USER],
  );
  ({ platform, tokens } = e2e);
  parties = await invoiceParties(platform, {
    admin: tokens['admin.ada'] as string,
    manager: tokens[MANAGER] as string,
    caseWorker: tokens['cw.chen'] as string,
    finance: tokens[FINANCE] as string,
  });
});

afterAll(async () => {
  await e2e?.stop();
});

interface LineItem {
  lineItemId: string;
  lineNumber: number;
  status: string;
  attempt: number;
  failures: { code: string; rule: string }[];
  paymentId: string | null;
}

interface TaskItem {
  id: string;
  title: string;
  details: string[];
  status: string;
  outcome: string | null;
}

const finance = () => platform.financeUrl;

async function as<T = Record<string, unknown>>(
  user: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
) {
  return call<T>(method, url, { token: tokens[user], body });
}

async function lineItems(invoiceId: string): Promise<LineItem[]> {
  const page = await as<{ items: LineItem[] }>(
    FINANCE,
    'GET',
    `${finance()}/invoices/${invoiceId}/line-items?limit=50`,
  );
  expect(page.status).toBe(200);
  return page.body.items.sort((a, b) => a.lineNumber - b.lineNumber);
}

/** The line item's exception task in the finance exception queue, once the process opened it. */
async function exceptionTask(lineItemId: string, status = 'open'): Promise<TaskItem> {
  return eventually(async () => {
    const page = await as<{ items: TaskItem[] }>(
      FINANCE,
      'GET',
      `${platform.tasksUrl}/tasks?queue=finance-exceptions&subjectId=${lineItemId}&status=${status}`,
    );
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    return page.body.items[0] as TaskItem;
  });
}

async function decide(taskId: string, body: Record<string, string>) {
  const decided = await as(FINANCE, 'POST', `${platform.tasksUrl}/tasks/${taskId}/decision`, body);
  expect(decided.status).toBe(202);
}

async function processOutcome(lineItemId: string) {
  const handle = e2e.temporal.workflow.getHandle(invoiceExceptionWorkflowId(lineItemId));
  return handle.result() as Promise<{ status: string; paymentId: string | null }>;
}

const line = (changes: Record<string, unknown>) => ({
  serviceProductId: parties.serviceProductId,
  clientIds: [parties.authorisedClientId],
  caseId: parties.caseId,
  units: 4,
  unitAmount: '60.00',
  ...changes,
});

describe('invoices, exceptions and payments end to end (FIN-3…FIN-8, WF-4, ROLE-1)', () => {
  it('WF-4: failed lines open exception tasks with their reasons; resubmitting a fixed line pays, a denial closes; only finance approves; the run exports and announces each payment', async () => {
    // FIN-3: a finance user enters the invoice; FIN-4 checks each line on submission.
    const entered = await as<{ invoiceId: string; reference: string }>(
      FINANCE,
      'POST',
      `${finance()}/invoices`,
      {
        providerId: parties.providerId,
        submitterKind: 'provider',
        providerReference: 'SUN-0311',
        lineItems: [
          line({ period: { from: '2026-03-02', to: '2026-03-02' } }),
          line({
            clientIds: [parties.unauthorisedClientId],
            caseId: null,
            period: { from: '2026-03-03', to: '2026-03-03' },
            units: 2,
          }),
          line({ period: { from: '2026-03-09', to: '2026-03-09' }, units: 8 }),
        ],
      },
    );
    expect(entered.status).toBe(201);
    const { invoiceId } = entered.body;
    const submitted = await as<{ accepted: number; exceptions: number }>(
      FINANCE,
      'POST',
      `${finance()}/invoices/${invoiceId}/submit`,
      {},
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ accepted: 1, exceptions: 2 });
    const [paid, unauthorised, tooMany] = await lineItems(invoiceId);
    expect(paid).toMatchObject({ status: 'accepted', attempt: 1 });
    expect(unauthorised?.failures.map((f) => f.code)).toEqual(['no-matching-authorization']);
    expect(tooMany?.failures.map((f) => f.code)).toEqual(['not-enough-unbilled-units']);

    // WF-4: one process per failed line, found by the invoice as an operator would.
    await eventually(async () => {
      expect((await e2e.workflowIdsMatching(`InvoiceId = '${invoiceId}'`)).sort()).toEqual(
        [unauthorised, tooMany].map((l) => invoiceExceptionWorkflowId(l?.lineItemId ?? '')).sort(),
      );
    });
    const tooManyTask = await exceptionTask(tooMany?.lineItemId ?? '');
    expect(tooManyTask.details[0]).toContain('FIN-4 · not-enough-unbilled-units');
    expect(tooManyTask.details[0]).toContain('8 unit(s) billed but at most 6 left');

    // Resubmitted unchanged: still failing, the same task now says so (attempt 2).
    await decide(tooManyTask.id, { outcome: 'resubmit' });
    await eventually(async () => {
      const task = await exceptionTask(tooMany?.lineItemId ?? '');
      expect(task.title).toContain('attempt 2');
    });
    const handle = e2e.temporal.workflow.getHandle(
      invoiceExceptionWorkflowId(tooMany?.lineItemId ?? ''),
    );
    await eventually(async () => {
      const state = await handle.query(invoiceExceptionStateQuery);
      expect(state.status).toBe('awaiting-resolution');
      expect(state.attempt).toBe(2);
    });

    // Fixed (6 sessions are left) and resubmitted: processing passes, the task closes, it is paid.
    const fixed = await as(
      FINANCE,
      'PATCH',
      `${finance()}/invoices/${invoiceId}/line-items/${tooMany?.lineItemId}`,
      { units: 6 },
    );
    expect(fixed.status).toBe(200);
    await decide(tooManyTask.id, { outcome: 'resubmit' });
    await expect(processOutcome(tooMany?.lineItemId ?? '')).resolves.toMatchObject({
      status: 'resolved',
    });
    expect((await exceptionTask(tooMany?.lineItemId ?? '', 'completed')).outcome).toBe(
      'resubmitted',
    );

    // Denied with a reason: the line is closed and the denial announced.
    const unauthorisedTask = await exceptionTask(unauthorised?.lineItemId ?? '');
    await decide(unauthorisedTask.id, {
      outcome: 'deny',
      reason: 'No authorization: the session was not requested by the case worker',
    });
    await expect(processOutcome(unauthorised?.lineItemId ?? '')).resolves.toMatchObject({
      status: 'denied',
    });
    const afterwards = await lineItems(invoiceId);
    expect(afterwards.map((l) => l.status)).toEqual(['accepted', 'denied', 'accepted']);
    await eventually(() => {
      expect(e2e.events(invoiceLineDenied.type, invoiceId)).toHaveLength(1);
    });

    // ROLE-1: the payments (4 × 60.00 on submission, 6 × 60.00 on resubmission) await approval,
    // which a resource manager may not give.
    const payments = await as<{ items: { paymentId: string; amount: string; status: string }[] }>(
      FINANCE,
      'GET',
      `${finance()}/payments?invoiceId=${invoiceId}`,
    );
    expect(payments.body.items.map((p) => [p.amount, p.status]).sort()).toEqual([
      ['240.00', 'calculated'],
      ['360.00', 'calculated'],
    ]);
    const approve = `${finance()}/payments/approve`;
    expect((await as(MANAGER, 'POST', approve, { invoiceId })).status).toBe(403);
    expect((await as(FINANCE, 'POST', approve, { invoiceId })).status).toBe(200);

    // The run hands them to the payment system as a CSV file; each payment is announced.
    const paymentIds = payments.body.items.map((p) => p.paymentId);
    const run = await as<{ paymentRunId: string; paymentCount: number }>(
      FINANCE,
      'POST',
      `${finance()}/payment-runs`,
      { paymentIds },
    );
    expect(run.status).toBe(201);
    const file = await download(
      `${finance()}/payment-runs/${run.body.paymentRunId}/file`,
      tokens[FINANCE] as string,
    );
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(
      file.headers.get('x-content-sha256'),
    );
    const csv = new TextDecoder().decode(file.bytes);
    expect(csv).toContain('240.00');
    expect(csv).toContain('360.00');
    await eventually(() => {
      for (const paymentId of paymentIds) {
        expect(e2e.events(paymentIssued.type, paymentId)).toHaveLength(1);
      }
    });

    // ROLE-2: the provider sees its own payments and invoice; another provider sees neither.
    const own = await as<{ items: { paymentId: string }[] }>(
      PROVIDER_USER,
      'GET',
      `${finance()}/self-service/payments`,
    );
    expect(own.body.items.map((p) => p.paymentId).sort()).toEqual([...paymentIds].sort());
    const othersPayment = `${finance()}/self-service/payments/${paymentIds[0]}`;
    expect((await as(OTHER_PROVIDER_USER, 'GET', othersPayment)).status).toBe(404);
    const othersInvoice = `${finance()}/self-service/invoices/${invoiceId}`;
    expect((await as(OTHER_PROVIDER_USER, 'GET', othersInvoice)).status).toBe(404);
    expect((await as(PROVIDER_USER, 'GET', othersInvoice)).status).toBe(200);
  });
});
