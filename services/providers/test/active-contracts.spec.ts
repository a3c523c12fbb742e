import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  activeContract,
  approvedService,
  contractParty,
  createContract,
  issueContract,
  fixedFeeContract,
  utilizationContract,
  type ContractBody,
} from './support/contract-fixtures.js';
import { expectProblem, withoutEvents } from './support/expectations.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Page, Problem } from './support/types.js';
import { FINANCE, RM, SUPERVISOR } from './support/users.js';

/** What follows an active contract: termination (CTR-7), amendment (CTR-5), renewal (CTR-6). */

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
});

afterAll(async () => {
  await app?.close();
});

const post = (path: string, body: unknown = {}, user = SUPERVISOR) =>
  app.request<ContractBody & Problem>('POST', path, { user, body });

describe('terminating an active contract (CTR-7)', () => {
  it('CTR-7: termination on 15 March prorates the March payment to 500.00', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const contract = await activeContract(app, fixedFeeContract(providerId, serviceId));
    const bindingOn = async (day: string) =>
      (
        await app.request<Page<{ id: string }>>(
          'GET',
          `/contracts?providerId=${providerId}&activeOn=${day}`,
          { user: FINANCE },
        )
      ).body.items.map((item) => item.id);
    expect(await bindingOn('2026-05-01')).toEqual([contract.id]);
    const terminated = await post(`/contracts/${contract.id}/terminate`, {
      terminatedOn: '2026-03-15',
      reason: 'Breach of contract: unreported incidents',
    });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({
      status: 'terminated',
      terminatedOn: '2026-03-15',
      availableActions: [],
    });
    // binding until the day it was terminated (CTR-7)
    expect(await bindingOn('2026-03-15')).toEqual([contract.id]);
    expect(await bindingOn('2026-05-01')).toEqual([]);
    const events = await app.expectEvents(contract.id, [
      'contract.created',
      'contract.issued',
      'contract.terminated',
    ]);
    expect(events[2]).toMatchObject({
      actor: { userId: SUPERVISOR },
      data: {
        contractId: contract.id,
        terminatedOn: '2026-03-15',
        reason: 'Breach of contract: unreported incidents',
        finalPayment: { from: '2026-03-01', to: '2026-03-15', amount: '500.00' },
      },
    });
  });

  it('CTR-7: a utilization contract ends with no final payment to prorate', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const contract = await activeContract(app, utilizationContract(providerId, serviceId));
    expect(
      (
        await post(`/contracts/${contract.id}/terminate`, {
          terminatedOn: '2026-08-31',
          reason: 'Poor performance',
        })
      ).status,
    ).toBe(200);
    const events = await app.expectEvents(contract.id, [
      'contract.created',
      'contract.issued',
      'contract.terminated',
    ]);
    expect(events[2]?.data).toMatchObject({ finalPayment: null });
  });

  it('CTR-3: only an active contract is terminated (an issued one is 409 naming CTR-3); the day lies within its period (422 naming CTR-7); only supervisors terminate', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const issued = await createContract(app, fixedFeeContract(providerId, serviceId));
    await issueContract(app, issued.id);
    const active = await activeContract(app, fixedFeeContract(providerId, serviceId));
    const body = { terminatedOn: '2026-03-15', reason: 'Breach' };
    await withoutEvents(app, async () => {
      expectProblem(await post(`/contracts/${issued.id}/terminate`, body), 409, { rule: 'CTR-3' });
      expectProblem(
        await post(`/contracts/${active.id}/terminate`, { ...body, terminatedOn: '2027-01-01' }),
        422,
        { rule: 'CTR-7', field: 'terminatedOn' },
      );
      expectProblem(
        await post(`/contracts/${active.id}/terminate`, { terminatedOn: '2026-03-15' }),
        400,
        {
          field: 'reason',
        },
      );
      expect((await post(`/contracts/${active.id}/terminate`, body, RM)).status).toBe(403);
    });
  });
});

describe('amending an active contract (CTR-5)', () => {
  it('CTR-5: an amendment is a new version in editing — same number, version 2, every term copied with the changes; the active version is unchanged', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const extra = await approvedService(app, providerId);
    const active = await activeContract(app, utilizationContract(providerId, serviceId));
    const amended = await post(
      `/contracts/${active.id}/amendments`,
      {
        changes: {
          coveredProviderServiceIds: [serviceId, extra],
          unitRates: [
            { providerServiceId: serviceId, from: '2026-01-01', to: '2026-06-30', rate: '45.50' },
            { providerServiceId: serviceId, from: '2026-07-01', to: '2026-12-31', rate: '49.00' },
            { providerServiceId: extra, from: '2026-07-01', to: '2026-12-31', rate: '20.00' },
          ],
        },
        reason: 'New rate from July',
      },
      RM,
    );
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({
      contractNumber: active.contractNumber,
      version: 2,
      status: 'editing',
      amendsContractId: active.id,
      title: 'Respite 2026',
      period: active.period,
      coveredProviderServiceIds: [serviceId, extra].sort(),
    });
    expect(amended.body.unitRates).toHaveLength(3);
    const original = await app.request<ContractBody>('GET', `/contracts/${active.id}`, {
      user: RM,
    });
    expect(original.body).toMatchObject({
      status: 'active',
      version: 1,
      unitRates: active.unitRates,
    });
    expect(original.body).toMatchObject({ amendedByContractIds: [amended.body.id] });
    const [created] = await app.expectEvents(amended.body.id, ['contract.created']);
    expect(created?.data).toMatchObject({ version: 2, amendsContractId: active.id });

    // one open amendment at a time
    await withoutEvents(app, async () => {
      expectProblem(
        await post(`/contracts/${active.id}/amendments`, { changes: { placeLimit: 2 } }, RM),
        409,
        { rule: 'CTR-5' },
      );
    });
  });

  it('CTR-5: a fixed-fee contract cannot change its amount — refused naming CTR-5; its frequency or place limit may change', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const active = await activeContract(app, fixedFeeContract(providerId, serviceId));
    await withoutEvents(app, async () => {
      expectProblem(
        await post(
          `/contracts/${active.id}/amendments`,
          { changes: { fixedFee: { kind: 'total', amount: '15000.00', frequency: 'monthly' } } },
          RM,
        ),
        422,
        { rule: 'CTR-5', field: 'changes.fixedFee' },
      );
    });
    const allowed = await post(
      `/contracts/${active.id}/amendments`,
      { changes: { placeLimit: 8 } },
      RM,
    );
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({
      placeLimit: 8,
      fixedFee: { kind: 'total', amount: '12000.00', frequency: 'monthly' },
    });
  });

  it('CTR-5: only an active contract is amended; an active one is changed by amendment, not PATCH (409 naming CTR-5)', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const editing = await createContract(app, fixedFeeContract(providerId, serviceId));
    const active = await activeContract(app, fixedFeeContract(providerId, serviceId));
    await withoutEvents(app, async () => {
      expectProblem(
        await post(`/contracts/${editing.id}/amendments`, { changes: { placeLimit: 2 } }, RM),
        409,
        { rule: 'CTR-5' },
      );
      const patched = await app.request<Problem>('PATCH', `/contracts/${active.id}`, {
        user: RM,
        body: { placeLimit: 2 },
      });
      expectProblem(patched, 409, { rule: 'CTR-5' });
      expect(patched.body.detail).toContain('/amendments');
    });
  });
});

describe('renewing an active contract (CTR-6)', () => {
  it('CTR-6: the renewal is a new contract starting the day after the previous end, as long, with the latest unit rate of each service over its whole period', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const active = await activeContract(app, utilizationContract(providerId, serviceId));
    const renewal = await post(`/contracts/${active.id}/renewals`);
    expect(renewal.status).toBe(201);
    expect(renewal.body).toMatchObject({
      version: 1,
      status: 'editing',
      renewsContractId: active.id,
      amendsContractId: null,
      period: { from: '2027-01-01', to: '2027-12-31' },
      coveredProviderServiceIds: [serviceId],
      unitRates: [
        { providerServiceId: serviceId, from: '2027-01-01', to: '2027-12-31', rate: '47.25' },
      ],
    });
    expect(renewal.body.contractNumber).not.toBe(active.contractNumber);
    const [created] = await app.expectEvents(renewal.body.id, ['contract.created']);
    expect(created?.data).toMatchObject({
      renewsContractId: active.id,
      period: renewal.body.period,
    });

    await withoutEvents(app, async () => {
      expectProblem(await post(`/contracts/${active.id}/renewals`), 409, { rule: 'CTR-6' });
    });
  });

  it('CTR-6: a renewal may end on a given day, not before it starts (422 naming CTR-6); only active contracts and supervisors renew', async () => {
    const { providerId, serviceId } = await contractParty(app);
    const active = await activeContract(app, fixedFeeContract(providerId, serviceId));
    const editing = await createContract(app, fixedFeeContract(providerId, serviceId));
    await withoutEvents(app, async () => {
      expectProblem(
        await post(`/contracts/${active.id}/renewals`, { periodTo: '2026-12-31' }),
        422,
        {
          rule: 'CTR-6',
          field: 'periodTo',
        },
      );
      expectProblem(await post(`/contracts/${editing.id}/renewals`), 409, { rule: 'CTR-6' });
      expect((await post(`/contracts/${active.id}/renewals`, {}, RM)).status).toBe(403);
    });
    const sixMonths = await post(`/contracts/${active.id}/renewals`, { periodTo: '2027-06-30' });
    expect(sixMonths.body).toMatchObject({
      period: { from: '2027-01-01', to: '2027-06-30' },
      fixedFee: { kind: 'total', amount: '12000.00', frequency: 'monthly' },
    });
  });
});
