import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { providerEnrolled, providerGroupEnrolled } from '@platform/contracts';
import type { FinanceApp, Reply } from './finance-app.js';
import { fact, RESOURCE_MANAGER } from './provider-facts.js';

/** A line item as POST /invoices takes it (FIN-3). */
export interface LineItemBody {
  providerId?: string;
  serviceProductId: string;
  clientIds: string[];
  caseId?: string | null;
  payeeId?: string | null;
  period: { from: string; to: string };
  units: number;
  unitAmount?: string | null;
}

export interface InvoiceBody {
  invoiceId: string;
  reference: string;
  providerId: string;
  submitterKind: string;
  origin: string;
  status: string;
  receivedOn: string;
  request: { decidedBy: string; decidedAt: string; rejectionReason: string | null } | null;
  lineItems: Record<'total' | 'draft' | 'accepted' | 'exception' | 'stopped' | 'denied', number>;
  billedTotal: string;
  createdBy: string;
}

export interface LineItemReply {
  lineItemId: string;
  lineNumber: number;
  providerId: string;
  serviceProductId: string;
  clientIds: string[];
  period: { from: string; to: string };
  units: number;
  unitAmount: string | null;
  billedAmount: string | null;
  status: string;
  attempt: number;
  failures: unknown[];
  paymentId: string | null;
}

export interface PageBody<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A provider finance knows of: its `provider.enrolled` event taken by the projections. */
export async function knownProvider(app: FinanceApp, providerId = randomUUID()): Promise<string> {
  await app.publish(
    providerEnrolled,
    fact({ providerId, name: `Provider ${providerId.slice(0, 8)}`, fromInquiryId: null }),
  );
  await app.settled();
  return providerId;
}

/** A provider group finance knows of (PRV-4), for group invoices. */
export async function knownGroup(app: FinanceApp): Promise<string> {
  const groupId = randomUUID();
  await app.publish(providerGroupEnrolled, {
    aggregateId: groupId,
    data: { groupId, name: `Group ${groupId.slice(0, 8)}` },
    actor: RESOURCE_MANAGER,
  });
  await app.settled();
  return groupId;
}

/** `count` line items of March 2026, line i billing i+1 units at 45.00 for its own client. */
export function lineItems(count: number, changes: Partial<LineItemBody> = {}): LineItemBody[] {
  const serviceProductId = changes.serviceProductId ?? randomUUID();
  return Array.from({ length: count }, (_, index) => ({
    serviceProductId,
    clientIds: [randomUUID()],
    period: { from: '2026-03-01', to: '2026-03-31' },
    units: index + 1,
    unitAmount: '45.00',
    ...changes,
  }));
}

/** FIN-3: finance staff enter an invoice from the provider; answers the created invoice. */
export async function enterInvoice(
  app: FinanceApp,
  providerId: string,
  lines: LineItemBody[],
  header: Record<string, unknown> = {},
): Promise<InvoiceBody> {
  const reply = await app.request<InvoiceBody>('POST', '/invoices', {
    user: 'fin.fatima',
    body: { providerId, submitterKind: 'provider', lineItems: lines, ...header },
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

/** The invoice's line items, first page of up to 200. */
export async function lineItemsOf(
  app: FinanceApp,
  invoiceId: string,
  query = '',
  user = 'fin.fatima',
): Promise<PageBody<LineItemReply>> {
  const reply = await app.request<PageBody<LineItemReply>>(
    'GET',
    `/invoices/${invoiceId}/line-items?limit=200${query}`,
    { user },
  );
  expect(reply.status).toBe(200);
  return reply.body;
}

interface Problem {
  rule?: string;
  errors?: { field: string }[];
}

/** A problem+json answer with this status, naming the rule and/or the field. */
export function expectProblem(
  reply: Reply<unknown>,
  status: number,
  { rule, field }: { rule?: string; field?: string } = {},
): void {
  expect({ status: reply.status, body: reply.body }).toMatchObject({ status });
  expect(reply.contentType).toContain('application/problem+json');
  const problem = reply.body as Problem;
  if (rule) expect(problem.rule).toBe(rule);
  if (field) expect(problem.errors?.map((error) => error.field)).toContain(field);
}
