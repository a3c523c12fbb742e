import { eventually } from '@platform/testing';
import type { Platform } from '../src/index.js';
import { insertDemoProvider } from './demo-provider.js';
import { call } from './http.js';

/** What an invoice of the demo provider (Sunrise, `provider.sunrise`) bills for. */
export interface InvoiceParties {
  providerId: string;
  serviceProductId: string;
  /** A client with an open case and an authorization of 10 sessions for 2026 (FIN-1). */
  authorisedClientId: string;
  caseId: string;
  authorizationId: string;
  /** A registered client nobody authorised any service for. */
  unauthorisedClientId: string;
}

async function created<T extends Record<string, unknown>>(
  url: string,
  token: string,
  body: unknown,
): Promise<T> {
  const response = await call<T>('POST', url, { token, body });
  if (response.status !== 201) {
    throw new Error(`POST ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

async function succeeded(url: string, token: string, body: unknown = {}): Promise<void> {
  const response = await call('POST', url, { token, body });
  if (response.status !== 200) {
    throw new Error(`POST ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/**
 * Through the providers service, as the administrator and a resource manager would: a speech
 * therapy product paid by invoice at 60.00 a session for 2026 (SVC-2, SVC-4), the demo provider
 * approved and approved for it (PRV-1, PRV-6). Finance learns all of it from their events only
 * (ADR 0018), so this waits until its projection shows the approved service. Then in finance, as a
 * case worker: two registered clients, a case, and an authorization of 10 sessions for one.
 */
export async function invoiceParties(
  platform: Platform,
  tokens: { admin: string; manager: string; caseWorker: string; finance: string },
): Promise<InvoiceParties> {
  const providerId = await insertDemoProvider(platform);
  const providers = platform.providersUrl;
  await succeeded(`${providers}/providers/${providerId}/lifecycle`, tokens.manager, {
    action: 'approve',
  });
  const product = await created<{ id: string }>(`${providers}/service-products`, tokens.admin, {
    name: 'Speech therapy session',
    unitOfMeasure: 'session',
    payBasedOnAttendance: false,
    payBasedOnPlacement: false,
    approvalCriteria: [],
    delivery: { type: 'service-delivery' },
    paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
  });
  await created(`${providers}/service-products/${product.id}/rates`, tokens.admin, {
    kind: 'fixed',
    amount: '60.00',
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-12-31',
  });
  const services = `${providers}/providers/${providerId}/services`;
  const service = await created<{ id: string }>(services, tokens.manager, {
    serviceProductId: product.id,
    from: '2026-01-01',
  });
  await succeeded(`${services}/${service.id}/approve`, tokens.manager);
  await eventually(async () => {
    const known = await call<{ services: { serviceProductId: string; status: string }[] }>(
      'GET',
      `${platform.financeUrl}/projections/providers/${providerId}`,
      { token: tokens.finance },
    );
    if (
      !known.body.services?.some(
        (s) => s.serviceProductId === product.id && s.status === 'approved',
      )
    ) {
      throw new Error('finance has not heard of the approved provider service yet');
    }
  });

  const finance = platform.financeUrl;
  const client = (name: string) =>
    created<{ participantId: string }>(`${finance}/participants`, tokens.caseWorker, {
      kind: 'client',
      name,
    });
  const authorised = await client('Mia Lopez');
  const unauthorised = await client('Noah Kim');
  const clientCase = await created<{ caseId: string }>(`${finance}/cases`, tokens.caseWorker, {
    reference: `CASE-${Date.now()}`,
    clientIds: [authorised.participantId],
    openedOn: '2026-01-01',
  });
  const authorization = await created<{ authorizationId: string }>(
    `${finance}/service-authorizations`,
    tokens.caseWorker,
    {
      caseId: clientCase.caseId,
      clientIds: [authorised.participantId],
      period: { from: '2026-01-01', to: '2026-12-31' },
      lineItems: [{ serviceProductId: product.id, units: 10 }],
    },
  );
  return {
    providerId,
    serviceProductId: product.id,
    authorisedClientId: authorised.participantId,
    caseId: clientCase.caseId,
    authorizationId: authorization.authorizationId,
    unauthorisedClientId: unauthorised.participantId,
  };
}
