import { randomUUID } from 'node:crypto';
import { providerEnrolled } from '@platform/contracts';
import type { FinanceApp } from './finance-app.js';
import { fact, publishProduct } from './provider-facts.js';

/** A case worker: registers clients and cases, creates and cancels authorizations. */
export const CASE_WORKER = 'cw.chen';
export const FINANCE_USER = 'fin.fatima';

export interface KnownFacts {
  productId: string;
  otherProductId: string;
  providerId: string;
}

/** Two products and a provider finance's projections know, published as providers would. */
export async function knownFacts(app: FinanceApp): Promise<KnownFacts> {
  const productId = await publishProduct(app);
  const otherProductId = await publishProduct(app);
  const providerId = randomUUID();
  await app.publish(
    providerEnrolled,
    fact({ providerId, name: 'Sunrise Day Care', fromInquiryId: null }),
  );
  await app.settled();
  return { productId, otherProductId, providerId };
}

export async function registerParticipant(
  app: FinanceApp,
  kind: 'client' | 'nominee',
  name = `${kind} ${randomUUID().slice(0, 8)}`,
): Promise<string> {
  const reply = await app.request<{ participantId: string }>('POST', '/participants', {
    user: CASE_WORKER,
    body: { kind, name },
  });
  if (reply.status !== 201) throw new Error(`registering a ${kind}: ${JSON.stringify(reply.body)}`);
  return reply.body.participantId;
}

export async function openCase(
  app: FinanceApp,
  clientIds: string[],
  openedOn = '2026-01-01',
): Promise<string> {
  const reply = await app.request<{ caseId: string }>('POST', '/cases', {
    user: CASE_WORKER,
    body: { reference: `CASE-${randomUUID().slice(0, 12)}`, clientIds, openedOn },
  });
  if (reply.status !== 201) throw new Error(`opening a case: ${JSON.stringify(reply.body)}`);
  return reply.body.caseId;
}

export interface LineItemReply {
  lineItemId: string;
  lineNumber: number;
  serviceProductId: string;
  providerId: string | null;
  units: number | null;
  unitsUsed: number;
  unitsLeft: number | null;
  rate: string | null;
  nomineeId: string | null;
  period: { from: string; to: string };
  status: string;
  cancellation: { cancelledBy: string; reason: string } | null;
}

export interface AuthorizationReply {
  authorizationId: string;
  reference: string;
  case: { caseId: string; reference: string } | null;
  clients: { participantId: string; name: string }[];
  period: { from: string; to: string };
  status: string;
  asOf: string;
  lineItems: LineItemReply[];
  createdBy: string;
  cancellation: { cancelledBy: string; reason: string } | null;
}

/** Creates an authorization over the first half of 2026 and returns it (201 expected). */
export async function createAuthorization(
  app: FinanceApp,
  body: Record<string, unknown>,
): Promise<AuthorizationReply> {
  const reply = await app.request<AuthorizationReply>('POST', '/service-authorizations', {
    user: CASE_WORKER,
    body: { period: { from: '2026-01-01', to: '2026-06-30' }, ...body },
  });
  if (reply.status !== 201) {
    throw new Error(`creating an authorization: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}

/**
 * What invoice processing writes when it accepts a line item matched to an authorization line
 * item (FIN-1): one invoice line for `units`, naming every client in `clientIds`.
 */
export async function acceptedInvoiceLine(
  app: FinanceApp,
  line: {
    authorizationLineItemId: string;
    providerId: string;
    serviceProductId: string;
    clientIds: string[];
    units: number;
    status?: 'accepted' | 'exception';
  },
): Promise<void> {
  const invoiceId = randomUUID();
  const lineItemId = randomUUID();
  await app.query(
    `insert into invoice (invoice_id, reference, provider_id, submitter_kind, origin, status,
                          received_on, created_by, updated_by)
     values ($1, $2, $3, 'provider', 'staff', 'submitted', '2026-02-01', 'fin.fatima', 'fin.fatima')`,
    [invoiceId, `INV-T-${randomUUID().slice(0, 12)}`, line.providerId],
  );
  await app.query(
    `insert into invoice_line_item (line_item_id, invoice_id, line_number, provider_id,
       service_product_id, from_date, to_date, units, status, authorization_line_item_id,
       updated_by)
     values ($1, $2, 1, $3, $4, '2026-02-01', '2026-02-28', $5, $6, $7, 'fin.fatima')`,
    [
      lineItemId,
      invoiceId,
      line.providerId,
      line.serviceProductId,
      line.units,
      line.status ?? 'accepted',
      line.authorizationLineItemId,
    ],
  );
  await app.query(
    'insert into invoice_line_client (line_item_id, client_id) select $1, unnest($2::uuid[])',
    [lineItemId, line.clientIds],
  );
}
