// FIN-1…FIN-8, WF-4: finance with something in each state — a family of two clients sharing an
// authorization of 12 therapy sessions with Riverside Family Therapy Practice, and Riverside's
// invoice for last month: two line items paid (one billed above the provider's maximum rate, so
// an adjustment is recorded, FIN-8), and two in the finance exception queue (a client nobody
// authorised; more sessions than are left), each with its WF-4 process in the Temporal UI. The
// payments wait for a finance user's approval (ROLE-1).
import { monthStart, waitFor } from './http.mjs';

const lastMonth = (day) => `${monthStart(-1).slice(0, 8)}${String(day).padStart(2, '0')}`;

/** Finance knows of providers only from their events (ADR 0018): wait until it has heard. */
async function financeKnowsApproved(financeUser, providerId, productId) {
  await waitFor('finance to project Riverside’s approved therapy service', async () => {
    const known = await financeUser.finance
      .get(`/projections/providers/${providerId}`)
      .catch(() => null);
    return known?.services.some(
      (service) => service.serviceProductId === productId && service.status === 'approved',
    );
  });
}

export async function loadFinance(users, ctx, progress) {
  const { providerId } = ctx.services.riversideTherapy;
  const therapy = ctx.registry.products.therapy;
  await financeKnowsApproved(users.finance, providerId, therapy);

  const register = (name) =>
    users.caseWorker.finance.post('/participants', { kind: 'client', name });
  const mia = await register('Mia Lopez');
  const noah = await register('Noah Lopez');
  const ava = await register('Ava Patel');
  const family = await users.caseWorker.finance.post('/cases', {
    reference: `FAM-${monthStart(0).slice(0, 7)}-0001`,
    clientIds: [mia.participantId, noah.participantId],
    openedOn: monthStart(-3),
  });
  // FIN-1: the two share 12 sessions (not 12 each).
  await users.caseWorker.finance.post('/service-authorizations', {
    caseId: family.caseId,
    clientIds: [mia.participantId, noah.participantId],
    period: { from: monthStart(-3), to: monthStart(6) },
    lineItems: [{ serviceProductId: therapy, providerId, units: 12 }],
  });

  const familyLine = (day, units, unitAmount) => ({
    serviceProductId: therapy,
    clientIds: [mia.participantId, noah.participantId],
    caseId: family.caseId,
    period: { from: lastMonth(day), to: lastMonth(day) },
    units,
    unitAmount,
  });
  const invoice = await users.finance.finance.post('/invoices', {
    providerId,
    submitterKind: 'provider',
    providerReference: `RFT-${monthStart(-1).slice(0, 7)}`,
    lineItems: [
      familyLine(5, 2, '120.00'),
      familyLine(12, 1, '160.00'),
      { ...familyLine(14, 1, '120.00'), clientIds: [ava.participantId], caseId: null },
      familyLine(19, 20, '120.00'),
    ],
  });
  const processed = await users.finance.finance.post(`/invoices/${invoice.invoiceId}/submit`, {});
  progress(
    `demo data: invoice ${invoice.reference} from Riverside — ${processed.accepted} line items ` +
      `paid (${processed.payments.length} payment awaiting approval), ${processed.exceptions} in ` +
      'the finance exception queue (WF-4)',
  );
}
