import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  ConsumerGroups,
  contractAmended,
  contractCancelled,
  contractTerminated,
  deadLetterTopicFor,
  providerApproved,
  providerClosed,
  providerEnrolled,
  providerGroupClosed,
  providerGroupEnrolled,
  providerGroupReopened,
  providerPaymentDirectionChanged,
  providerServiceAdded,
  providerServiceApproved,
  providerServiceEnded,
  providerServicePaymentOptionsChanged,
  providerServiceRateChanged,
  providerSuspended,
  serviceProductPaymentOptionsChanged,
  serviceProductRateChanged,
  type EventData,
  type ProviderServiceSnapshot,
} from '@platform/contracts';
import { eventually, testKafka, TopicProbe } from '@platform/testing';
import { createFinanceActivities } from '../src/activities/finance.activities.js';
import { openFinanceDatabase } from '../src/database.js';
import { startFinanceApp, type FinanceApp } from './support/finance-app.js';
import {
  fact,
  monthlyPayments,
  publishActivation,
  publishProduct,
  RESOURCE_MANAGER,
} from './support/provider-facts.js';

/**
 * Issue 6 "Projections": finance keeps its own copy of the providers service's facts, fed only by
 * their events (ARCHITECTURE rule 1), and rebuilt from the topics into an empty database gives the
 * same rows (last test). Events are published here as the providers service's relay would.
 */
let app: FinanceApp;

beforeAll(async () => {
  app = await startFinanceApp();
});

afterAll(async () => {
  await app?.close();
});

type ProviderFacts = {
  name: string | null;
  status: string | null;
  statusHistory: { status: string; reason: string | null }[];
  services: (Omit<ProviderServiceSnapshot, 'providerId'> & {
    approvedOn: string | null;
  })[];
  paymentDirections: Record<string, unknown>[];
  contracts: {
    contractId: string;
    status: string;
    bindingTo: string;
    unitRates: Record<string, unknown>[];
    fixedFeePeriods: { from: string; to: string; amount: string; status: string }[];
  }[];
};

async function providerFacts(providerId: string): Promise<ProviderFacts> {
  await app.settled();
  const reply = await app.request<ProviderFacts>('GET', `/projections/providers/${providerId}`, {
    user: 'fin.fatima',
  });
  expect(reply.status).toBe(200);
  return reply.body;
}

async function productFacts(productId: string) {
  await app.settled();
  const reply = await app.request<{ paymentOptions: unknown; rates: Record<string, unknown>[] }>(
    'GET',
    `/projections/service-products/${productId}`,
    { user: 'fin.fatima' },
  );
  expect(reply.status).toBe(200);
  return reply.body;
}

async function enrolledProvider(name = 'Sunrise Day Care', occurredAt?: string): Promise<string> {
  const providerId = randomUUID();
  await app.publish(providerEnrolled, fact({ providerId, name, fromInquiryId: null }, occurredAt));
  return providerId;
}

function providerService(providerId: string, productId: string, changes = {}) {
  return {
    providerId,
    providerServiceId: randomUUID(),
    serviceProductId: productId,
    status: 'pending' as const,
    from: '2026-01-01',
    to: null,
    rate: null,
    placeLimit: null,
    paymentOptions: null,
    ...changes,
  };
}

describe('provider status (PRV-1, for FIN-4 "provider approved")', () => {
  it('PRV-1: enrolled → approved → suspended leaves the provider suspended, every change kept in order', async () => {
    const providerId = await enrolledProvider();
    await app.publish(
      providerApproved,
      fact({ providerId, previousStatus: 'enrolled', reason: null }),
    );
    await app.publish(
      providerSuspended,
      fact({ providerId, previousStatus: 'approved', reason: 'Licence under investigation' }),
    );

    const facts = await providerFacts(providerId);
    expect(facts).toMatchObject({ name: 'Sunrise Day Care', status: 'suspended' });
    expect(facts.statusHistory).toEqual([
      expect.objectContaining({ status: 'enrolled', reason: null }),
      expect.objectContaining({ status: 'approved', reason: null }),
      expect.objectContaining({ status: 'suspended', reason: 'Licence under investigation' }),
    ]);
  });

  it('ARCHITECTURE rule 2: a redelivered event changes nothing — the provider does not go back to approved', async () => {
    const providerId = await enrolledProvider();
    const approved = await app.publish(
      providerApproved,
      fact({ providerId, previousStatus: 'enrolled', reason: null }),
    );
    await app.publish(
      providerClosed,
      fact({ providerId, previousStatus: 'approved', reason: 'Retired' }),
    );
    await app.settled();

    await app.replay(approved);
    // Same key, same partition: once this later event is in, the redelivery before it was seen.
    await app.publish(
      providerSuspended,
      fact({ providerId, previousStatus: 'closed', reason: 'Audit' }),
    );
    const facts = await providerFacts(providerId);
    expect(facts.status).toBe('suspended');
    expect(facts.statusHistory.map((change) => change.status)).toEqual([
      'enrolled',
      'approved',
      'closed',
      'suspended',
    ]);
  });

  it('order-safe: an event that happened earlier but arrives later never overwrites the newer status', async () => {
    const providerId = await enrolledProvider('Late Mail Care', '2026-02-01T09:00:00Z');
    await app.publish(
      providerSuspended,
      fact({ providerId, previousStatus: 'approved', reason: 'Audit' }, '2026-03-02T09:00:00Z'),
    );
    await app.publish(
      providerApproved,
      fact({ providerId, previousStatus: 'enrolled', reason: null }, '2026-03-01T09:00:00Z'),
    );
    const facts = await providerFacts(providerId);
    expect(facts.status).toBe('suspended');
    expect(facts.statusHistory.map((change) => change.status)).toContain('approved');
  });
});

describe('the finance activities (TaskQueues.financeActivities)', () => {
  it('describeProvider names a provider from the projection, and knows nothing of one never heard of', async () => {
    const providerId = await enrolledProvider('Harbor Family Therapy');
    await app.publish(
      providerApproved,
      fact({ providerId, previousStatus: 'enrolled', reason: null }),
    );
    await app.settled();
    const orm = await openFinanceDatabase(app.bed.database.url);
    try {
      const activities = createFinanceActivities(orm);
      await expect(activities.describeProvider({ providerId })).resolves.toEqual({
        providerId,
        name: 'Harbor Family Therapy',
        status: 'approved',
      });
      await expect(activities.describeProvider({ providerId: randomUUID() })).resolves.toBeNull();
    } finally {
      await orm.close();
    }
  });
});

describe('FIN-7 rate sources: product, provider-service and utilization-contract rates', () => {
  it('FIN-7: product rates by effective period (SVC-2), without removed ones, amounts exact', async () => {
    const productId = await publishProduct(app);
    const rate = (changes: object) => ({
      rateId: randomUUID(),
      kind: 'fixed' as const,
      amount: '100.00',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-06-30' as string | null,
      ...changes,
    });
    const first = rate({});
    const second = {
      rateId: randomUUID(),
      kind: 'range' as const,
      minimum: '90.00',
      maximum: '120.50',
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
    };
    const mistaken = rate({ amount: '1.00', effectiveFrom: '2027-01-01', effectiveTo: null });
    const product = (data: EventData<typeof serviceProductRateChanged>) => ({
      aggregateId: productId,
      data,
      actor: RESOURCE_MANAGER,
    });
    await app.publish(
      serviceProductRateChanged,
      product({ productId, change: 'added', rate: first }),
    );
    await app.publish(
      serviceProductRateChanged,
      product({ productId, change: 'added', rate: second }),
    );
    await app.publish(
      serviceProductRateChanged,
      product({ productId, change: 'added', rate: mistaken }),
    );
    await app.publish(
      serviceProductRateChanged,
      product({ productId, change: 'removed', rate: mistaken }),
    );
    await app.publish(
      serviceProductRateChanged,
      product({
        productId,
        change: 'ended',
        rate: { ...second, effectiveTo: '2026-12-31' },
        previousEffectiveTo: null,
      }),
    );

    const facts = await productFacts(productId);
    expect(facts.rates).toEqual([{ ...first }, { ...second, effectiveTo: '2026-12-31' }]);
    const stored = await app.query<{ cents: string }>(
      'select amount_cents::text as cents from service_product_rate where rate_id = $1',
      [first.rateId],
    );
    expect(stored).toEqual([{ cents: '10000' }]);
  });

  it('FIN-7: the provider-service rate follows its changes; the service its approval and end (PRV-6)', async () => {
    const productId = await publishProduct(app);
    const providerId = await enrolledProvider();
    const service = providerService(providerId, productId, {
      rate: { kind: 'fixed', amount: '95.00' },
    });
    const ids = {
      providerId,
      providerServiceId: service.providerServiceId,
      serviceProductId: productId,
    };
    await app.publish(providerServiceAdded, fact({ ...service, warnings: [] }));
    await app.publish(
      providerServiceApproved,
      fact({
        ...ids,
        approvalId: randomUUID(),
        approvedOn: '2026-01-05',
        checkedOn: '2026-01-05',
        previousStatus: 'pending',
        warnings: [],
      }),
    );
    await app.publish(
      providerServiceRateChanged,
      fact({
        ...ids,
        rate: { kind: 'range', minimum: '80.00', maximum: null },
        previousRate: { kind: 'fixed', amount: '95.00' },
      }),
    );

    let facts = await providerFacts(providerId);
    expect(facts.services).toEqual([
      expect.objectContaining({
        providerServiceId: service.providerServiceId,
        status: 'approved',
        approvedOn: '2026-01-05',
        from: '2026-01-01',
        to: null,
        rate: { kind: 'range', minimum: '80.00', maximum: null },
      }),
    ]);

    await app.publish(
      providerServiceEnded,
      fact({ ...ids, previousStatus: 'approved', reason: 'Stopped', to: '2026-01-10' }),
    );
    facts = await providerFacts(providerId);
    expect(facts.services[0]).toMatchObject({ status: 'ended', to: '2026-01-10' });
  });

  it('FIN-7: a utilization contract brings its unit rates by sub-period (CTR-5)', async () => {
    const providerId = await enrolledProvider();
    const providerServiceId = randomUUID();
    const contract = await publishActivation(app, providerId, {
      type: 'utilization',
      providerServiceIds: [providerServiceId],
      unitRates: [
        { providerServiceId, from: '2026-01-01', to: '2026-03-31', rate: '90.00' },
        { providerServiceId, from: '2026-04-01', to: '2026-12-31', rate: '92.50' },
      ],
    });
    const facts = await providerFacts(providerId);
    expect(facts.contracts).toEqual([
      expect.objectContaining({
        contractId: contract.contractId,
        status: 'active',
        bindingTo: '2026-12-31',
        fixedFeePeriods: [],
        unitRates: [
          { providerServiceId, from: '2026-01-01', to: '2026-03-31', rate: '90.00' },
          { providerServiceId, from: '2026-04-01', to: '2026-12-31', rate: '92.50' },
        ],
      }),
    ]);
  });
});

describe("payment options: the product's (SVC-3) and the provider's override (PRV-7)", () => {
  it("PRV-7: the provider's options for a service override the product's; removing them falls back to the product's", async () => {
    const productId = await publishProduct(app, {
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
    });
    const productOptions = {
      fixed: 'pay-billed',
      minimum: 'pay-minimum',
      maximum: 'pay-nothing',
    } as const;
    await app.publish(serviceProductPaymentOptionsChanged, {
      aggregateId: productId,
      data: {
        productId,
        paymentOptions: productOptions,
        previousPaymentOptions: {
          fixed: 'pay-fixed',
          minimum: 'pay-billed',
          maximum: 'pay-maximum',
        },
      },
      actor: RESOURCE_MANAGER,
    });
    const providerId = await enrolledProvider();
    const service = providerService(providerId, productId);
    const ids = {
      providerId,
      providerServiceId: service.providerServiceId,
      serviceProductId: productId,
    };
    await app.publish(providerServiceAdded, fact({ ...service, warnings: [] }));
    const own = { fixed: 'pay-nothing', minimum: 'pay-nothing', maximum: 'pay-nothing' } as const;
    await app.publish(
      providerServicePaymentOptionsChanged,
      fact({ ...ids, paymentOptions: own, previousPaymentOptions: null }),
    );

    expect((await productFacts(productId)).paymentOptions).toEqual(productOptions);
    expect((await providerFacts(providerId)).services[0]?.paymentOptions).toEqual(own);

    await app.publish(
      providerServicePaymentOptionsChanged,
      fact({ ...ids, paymentOptions: null, previousPaymentOptions: own }),
    );
    expect((await providerFacts(providerId)).services[0]?.paymentOptions).toBeNull();
  });
});

describe('provider groups (PRV-4, for FIN-3 group invoices and FIN-14 group payees)', () => {
  it('PRV-4: a group is known from its enrolment, keeps its name through closing and reopening', async () => {
    const groupId = randomUUID();
    const group = <D extends { groupId: string }>(data: D) => ({
      aggregateId: data.groupId,
      data,
      actor: RESOURCE_MANAGER,
    });
    await app.publish(providerGroupEnrolled, group({ groupId, name: 'Eastside Therapy Network' }));
    await app.publish(providerGroupClosed, group({ groupId, reason: 'Network paused' }));
    await app.settled();
    expect(
      await app.query('select name, status from provider_group where group_id = $1', [groupId]),
    ).toEqual([{ name: 'Eastside Therapy Network', status: 'closed' }]);

    await app.publish(providerGroupReopened, group({ groupId, reason: null }));
    await app.settled();
    expect(
      await app.query('select name, status from provider_group where group_id = $1', [groupId]),
    ).toEqual([{ name: 'Eastside Therapy Network', status: 'reopened' }]);
  });
});

describe('payment direction history (PRV-5, for FIN-14)', () => {
  it('PRV-5: every direction that took effect is kept, so the payee at a past date can be found', async () => {
    const providerId = await enrolledProvider();
    const groupId = randomUUID();
    const affiliation = {
      providerId,
      groupId,
      affiliationId: randomUUID(),
      affiliationStart: '2026-01-01',
      affiliationEnd: null,
    };
    await app.publish(
      providerPaymentDirectionChanged,
      fact({ ...affiliation, effectiveFrom: '2026-01-01', paymentsToGroup: false }),
    );
    await app.publish(
      providerPaymentDirectionChanged,
      fact({ ...affiliation, effectiveFrom: '2026-03-01', paymentsToGroup: true }),
    );
    // The affiliation later got an end date: every row of it carries the latest period.
    await app.publish(
      providerPaymentDirectionChanged,
      fact({
        ...affiliation,
        affiliationEnd: '2026-09-30',
        effectiveFrom: '2026-06-01',
        paymentsToGroup: false,
      }),
    );

    const facts = await providerFacts(providerId);
    expect(facts.paymentDirections).toEqual(
      ['2026-01-01', '2026-03-01', '2026-06-01'].map((effectiveFrom, index) => ({
        affiliationId: affiliation.affiliationId,
        groupId,
        effectiveFrom,
        paymentsToGroup: index === 1,
        affiliationStart: '2026-01-01',
        affiliationEnd: '2026-09-30',
      })),
    );
    const toGroupOn = async (date: string) => {
      const [row] = await app.query<{ to_group: boolean }>(
        `select payments_to_group as to_group from payment_direction
         where provider_id = $1 and effective_from <= $2::date
           and (affiliation_end is null or affiliation_end >= $2::date)
         order by effective_from desc limit 1`,
        [providerId, date],
      );
      return row?.to_group ?? false;
    };
    expect(await toGroupOn('2026-02-28')).toBe(false);
    expect(await toGroupOn('2026-03-01')).toBe(true);
    expect(await toGroupOn('2026-05-31')).toBe(true);
    expect(await toGroupOn('2026-06-01')).toBe(false);
  });
});

describe('fixed-fee contract periods (FIN-5, FIN-11) and binding periods (CTR-5, CTR-7)', () => {
  it('FIN-11: a fixed-fee contract of 2,400.00 a year paid monthly brings twelve periods of 200.00', async () => {
    const providerId = await enrolledProvider();
    await publishActivation(app, providerId, {
      type: 'fixed-fee',
      fixedFee: {
        kind: 'total',
        amount: '2400.00',
        frequency: 'monthly',
        payments: monthlyPayments('200.00'),
      },
    });
    const [contract] = (await providerFacts(providerId)).contracts;
    expect(contract?.bindingTo).toBe('2026-12-31');
    expect(contract?.fixedFeePeriods).toHaveLength(12);
    expect(contract?.fixedFeePeriods[1]).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      amount: '200.00',
      status: 'scheduled',
    });
    expect(new Set(contract?.fixedFeePeriods.map((period) => period.amount))).toEqual(
      new Set(['200.00']),
    );
  });

  it('FIN-11 / CTR-7: terminated on 15 March, March is the prorated final payment and later periods stop', async () => {
    const providerId = await enrolledProvider();
    const activation = await publishActivation(app, providerId, {
      type: 'fixed-fee',
      fixedFee: {
        kind: 'total',
        amount: '2400.00',
        frequency: 'monthly',
        payments: monthlyPayments('200.00'),
      },
    });
    await app.publish(contractTerminated, {
      aggregateId: activation.contractId,
      data: {
        contractId: activation.contractId,
        contractNumber: activation.contractNumber,
        version: 1,
        providerId,
        type: 'fixed-fee',
        terminatedOn: '2026-03-15',
        reason: 'Breach of contract',
        finalPayment: { from: '2026-03-01', to: '2026-03-15', amount: '100.00' },
      },
      actor: RESOURCE_MANAGER,
    });
    const [contract] = (await providerFacts(providerId)).contracts;
    expect(contract).toMatchObject({ status: 'terminated', bindingTo: '2026-03-15' });
    expect(contract?.fixedFeePeriods.slice(0, 3)).toEqual([
      { from: '2026-01-01', to: '2026-01-31', amount: '200.00', status: 'scheduled' },
      { from: '2026-02-01', to: '2026-02-28', amount: '200.00', status: 'scheduled' },
      { from: '2026-03-01', to: '2026-03-15', amount: '100.00', status: 'prorated' },
    ]);
    expect(new Set(contract?.fixedFeePeriods.slice(3).map((period) => period.status))).toEqual(
      new Set(['stopped']),
    );
  });

  it('FIN-5 / CTR-5: an amendment from 1 July ends the old version on 30 June; its later periods stop', async () => {
    const providerId = await enrolledProvider();
    const v1 = await publishActivation(app, providerId, {
      type: 'fixed-fee',
      fixedFee: {
        kind: 'periodic',
        amount: '200.00',
        frequency: 'monthly',
        payments: monthlyPayments('200.00'),
      },
    });
    const v2 = await publishActivation(app, providerId, {
      type: 'fixed-fee',
      contractNumber: v1.contractNumber,
      version: 2,
      period: { from: '2026-07-01', to: '2026-12-31' },
      supersedesContractId: v1.contractId,
      fixedFee: {
        kind: 'periodic',
        amount: '250.00',
        frequency: 'monthly',
        payments: monthlyPayments('250.00', 7),
      },
    });
    await app.publish(contractAmended, {
      aggregateId: v1.contractId,
      data: {
        contractId: v1.contractId,
        contractNumber: v1.contractNumber,
        version: 1,
        providerId,
        type: 'fixed-fee',
        amendedByContractId: v2.contractId,
        effectiveFrom: '2026-07-01',
      },
      actor: RESOURCE_MANAGER,
    });
    const [old, amendment] = (await providerFacts(providerId)).contracts;
    expect(old).toMatchObject({
      contractId: v1.contractId,
      status: 'amended',
      bindingTo: '2026-06-30',
    });
    expect(old?.fixedFeePeriods.filter((period) => period.status === 'scheduled')).toHaveLength(6);
    expect(old?.fixedFeePeriods.filter((period) => period.status === 'stopped')).toHaveLength(6);
    expect(amendment).toMatchObject({
      contractId: v2.contractId,
      status: 'active',
      bindingTo: '2026-12-31',
    });
    expect(amendment?.fixedFeePeriods).toHaveLength(6);
  });

  it('CTR-3: a contract cancelled before it was ever active leaves nothing behind', async () => {
    const providerId = randomUUID();
    const contractId = randomUUID();
    await app.publish(contractCancelled, {
      aggregateId: contractId,
      data: {
        contractId,
        contractNumber: 'C-2026-999999',
        version: 1,
        providerId,
        type: 'utilization',
        previousStatus: 'issued',
        reason: 'Provider withdrew',
      },
      actor: RESOURCE_MANAGER,
    });
    await app.settled();
    const reply = await app.request('GET', `/projections/providers/${providerId}`, {
      user: 'fin.fatima',
    });
    expect(reply.status).toBe(404);
  });
});

describe('a gap in a topic', () => {
  it('a change to a provider service finance never saw goes to the dead-letter topic, not into the projection', async () => {
    const providerId = await enrolledProvider();
    const probe = await TopicProbe.start(testKafka('finance-dlq'), [
      deadLetterTopicFor(`${app.bed.kafkaPrefix}providers.provider`),
    ]);
    try {
      const providerServiceId = randomUUID();
      const orphan = await app.publish(
        providerServiceApproved,
        fact({
          providerId,
          providerServiceId,
          serviceProductId: randomUUID(),
          approvalId: randomUUID(),
          approvedOn: '2026-01-05',
          checkedOn: '2026-01-05',
          previousStatus: 'pending',
          warnings: [],
        }),
        { deadLetter: true },
      );
      const [dead] = await probe.waitFor((message) => message.headers['event-id'] === orphan.id);
      expect(dead?.headers['dlq-consumer']).toBe(
        `${app.bed.kafkaPrefix}${ConsumerGroups.financeProjections}`,
      );
      expect((await providerFacts(providerId)).services).toEqual([]);
    } finally {
      await probe.stop();
    }
  });
});

describe('rebuilt from the topics (issue 6 "Projections")', () => {
  const TABLES = [
    'provider_status',
    'provider_group',
    'provider_status_change',
    'provider_service',
    'service_product',
    'service_product_rate',
    'payment_direction',
    'contract_version',
    'contract_unit_rate',
    'contract_fixed_fee_period',
  ];
  const dump = async () => {
    const tables: Record<string, string[]> = {};
    for (const table of TABLES) {
      const rows = await app.query<{ row: unknown }>(`select to_jsonb(t) as row from ${table} t`);
      tables[table] = rows.map((row) => JSON.stringify(row.row)).sort();
    }
    return tables;
  };

  it('FIN-7, PRV-5, PRV-7, FIN-5/FIN-11: replaying every topic into an empty database gives the same projections', async () => {
    await app.settled();
    const before = await dump();
    // The earlier tests really left facts behind in every table.
    for (const table of TABLES) expect(before[table]?.length).toBeGreaterThan(0);

    await app.rebuildFromScratch();
    await app.settled();
    await eventually(async () => expect(await dump()).toEqual(before));
  });
});
