import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Actor, LicenceDecisionInput } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { OutboxMessage } from '@platform/messaging';
import {
  expireLicence,
  getLicenceForRenewal,
  recordLicenceNonCompliance,
  reinstateLicence,
  renewLicence,
  suspendLicence,
} from '../src/activities/licence-renewal.activities.js';
import { licenceCriterion } from '../src/licences/licence.criterion.js';
import { LicenceTypesService } from '../src/licences/licence-types.service.js';
import { LicencePeriodEntry, LicenceStatusChange } from '../src/licences/licence.entities.js';
import { createLicenceTypeBody, recordLicenceBody } from '../src/licences/licence.schemas.js';
import { LicencesService } from '../src/licences/licences.service.js';
import { Member, ProviderMembership } from '../src/provider-members/provider-members.entities.js';
import { ProviderService } from '../src/provider-services/provider-service.entity.js';
import { Provider } from '../src/providers/provider.entity.js';
import { ServiceProductsService } from '../src/service-registry/service-products/service-products.service.js';
import { createServiceProductBody } from '../src/service-registry/service-products/service-product.schemas.js';
import { MemberTraining } from '../src/trainings/training.entities.js';
import {
  outboxEventTypes,
  startProvidersDatabase,
  type ProvidersDatabase,
} from './support/providers-database.js';

/** The WF-2 activities (CRD-2, CRD-3) against the real database: idempotent, refusals final. */

let database: ProvidersDatabase;
let orm: MikroORM;
let licences: LicencesService;
let licenceTypeId: string;
let productId: string;
const RM: Actor = { userId: 'rm.rivera', roles: ['resource-manager'] };
const ADMIN: Actor = { userId: 'admin.ada', roles: ['administrator'] };
const audit = { createdBy: 'test', updatedBy: 'test' };

beforeAll(async () => {
  database = await startProvidersDatabase('providers_licence_activities');
  orm = database.orm;
  licences = new LicencesService(orm);
  const type = await new LicenceTypesService(orm).create(
    createLicenceTypeBody.parse({
      code: 'foster-care',
      name: 'Foster care licence',
      mandatoryCourseCodes: ['FIRST-AID'],
    }),
    ADMIN,
  );
  licenceTypeId = type.id;
  const product = await new ServiceProductsService(orm).create(
    createServiceProductBody.parse({
      name: 'Respite care',
      unitOfMeasure: 'day',
      payBasedOnAttendance: false,
      payBasedOnPlacement: false,
      delivery: { type: 'service-delivery' },
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
    }),
    ADMIN,
  );
  productId = product.id;
});

afterAll(async () => {
  await database?.close();
});

/** A provider with one provider service and one active member who has not taken FIRST-AID. */
async function newProvider(): Promise<{ providerId: string; serviceId: string; memberId: string }> {
  const em = orm.em.fork();
  const provider = em.create(Provider, {
    id: randomUUID(),
    name: `Hilltop ${randomUUID().slice(0, 8)}`,
    status: 'approved',
    enrolledBy: 'test',
  });
  const member = em.create(Member, { id: randomUUID(), name: 'Maria Lopez', ...audit });
  await em.flush();
  const service = em.create(ProviderService, {
    id: randomUUID(),
    providerId: provider.id,
    serviceProductId: productId,
    status: 'approved',
    from: '2026-01-01',
    ...audit,
  });
  em.create(ProviderMembership, {
    id: randomUUID(),
    providerId: provider.id,
    memberId: member.id,
    role: 'foster-parent',
    from: '2020-01-01',
    to: null,
    ...audit,
  });
  await em.flush();
  return { providerId: provider.id, serviceId: service.id, memberId: member.id };
}

/** An approved licence for 2026 of a new provider. */
async function approvedLicence() {
  const provider = await newProvider();
  const licence = await licences.record(
    provider.providerId,
    recordLicenceBody.parse({
      licenceTypeId,
      number: `FC-${randomUUID().slice(0, 6)}`,
      issuingAuthority: 'State Department of Children and Families',
      from: '2026-01-01',
      to: '2026-12-31',
      providerServiceIds: [provider.serviceId],
    }),
    RM,
  );
  await licences.decide(provider.providerId, licence.id, { action: 'approve' }, RM);
  return { ...provider, licenceId: licence.id };
}

function decision(licenceId: string, overrides: Partial<LicenceDecisionInput> = {}) {
  return {
    licenceId,
    requestId: randomUUID(),
    decidedBy: 'rm.rivera',
    decidedByRoles: ['resource-manager' as const],
    workflowId: `licence-renewal/${licenceId}`,
    ...overrides,
  };
}

const eventTypesOf = (licenceId: string) => outboxEventTypes(orm, [licenceId]);

async function historyOf(licenceId: string) {
  const em = orm.em.fork();
  const [changes, periods] = await Promise.all([
    em.find(LicenceStatusChange, { licenceId }, { orderBy: { id: 'asc' } }),
    em.find(LicencePeriodEntry, { licenceId }, { orderBy: { sequence: 'asc' } }),
  ]);
  return {
    actions: changes.map((change) => change.action),
    periods: periods.map((period) => `${period.from}..${period.to}`),
  };
}

describe('WF-2 activities: reading a licence for renewal (CRD-2, CRD-3)', () => {
  it('CRD-3: shows status, period, covered services and the training warnings as of the date given', async () => {
    const { licenceId, providerId, serviceId, memberId } = await approvedLicence();
    const before = await getLicenceForRenewal(orm, { licenceId, onDate: '2026-10-02' });
    expect(before).toMatchObject({
      licenceId,
      providerId,
      licenceTypeCode: 'FOSTER-CARE',
      defaultValidityMonths: 12,
      status: 'approved',
      period: { from: '2026-01-01', to: '2026-12-31' },
      periods: [{ from: '2026-01-01', to: '2026-12-31' }],
      providerServiceIds: [serviceId],
      validOnDate: true,
      checkedOn: '2026-10-02',
    });
    expect(before.trainingWarnings).toEqual([
      `CRD-3: Maria Lopez (member ${memberId}) has neither completed nor waived mandatory course FIRST-AID of licence type FOSTER-CARE`,
    ]);

    const em = orm.em.fork();
    em.create(MemberTraining, {
      id: randomUUID(),
      memberId,
      kind: 'unmanaged',
      courseCode: 'FIRST-AID',
      courseName: 'First aid',
      status: 'completed',
      completedOn: '2026-10-10',
      ...audit,
    });
    await em.flush();
    // completed after the first date, before the second
    expect(
      (await getLicenceForRenewal(orm, { licenceId, onDate: '2026-10-02' })).trainingWarnings,
    ).toHaveLength(1);
    const after = await getLicenceForRenewal(orm, { licenceId, onDate: '2026-11-01' });
    expect(after.trainingWarnings).toEqual([]);
    expect((await getLicenceForRenewal(orm, { licenceId, onDate: '2027-01-01' })).validOnDate).toBe(
      false,
    );
  });

  it('an unknown licence is a non-retryable failure', async () => {
    await expect(
      getLicenceForRenewal(orm, { licenceId: randomUUID(), onDate: '2026-10-01' }),
    ).rejects.toMatchObject({ type: 'LicenceNotFound', nonRetryable: true });
  });
});

describe('WF-2 activities: deciding (CRD-2)', () => {
  it('CRD-2: renewing appends a period with the CRD-3 warnings; a retried request records nothing twice', async () => {
    const { licenceId, memberId } = await approvedLicence();
    const input = { ...decision(licenceId), newTo: '2027-12-31', onDate: '2026-11-15' };
    const first = await renewLicence(orm, input);
    const retried = await renewLicence(orm, input);

    expect(retried).toEqual(first);
    expect(first).toMatchObject({
      licenceId,
      action: 'renew',
      status: 'approved',
      period: { from: '2027-01-01', to: '2027-12-31' },
      decidedBy: 'rm.rivera',
      trainingWarnings: [expect.stringContaining(`member ${memberId}`)],
    });
    expect(await historyOf(licenceId)).toEqual({
      actions: ['record', 'approve', 'renew'],
      periods: ['2026-01-01..2026-12-31', '2027-01-01..2027-12-31'],
    });
    expect(await eventTypesOf(licenceId)).toEqual([
      'licence.recorded',
      'licence.approved',
      'licence.renewed',
    ]);
    // renewed before the old period ended: valid for the rest of it and in the new one
    const read = await getLicenceForRenewal(orm, { licenceId, onDate: '2026-12-01' });
    expect(read.validOnDate).toBe(true);
    expect(read.period).toEqual({ from: '2027-01-01', to: '2027-12-31' });
  });

  it('CRD-2: the outbox event of a renewal carries the workflow as correlation and the decider as actor', async () => {
    const { licenceId } = await approvedLicence();
    const input = { ...decision(licenceId), newTo: '2027-06-30', onDate: '2026-12-01' };
    await renewLicence(orm, input);
    const row = await orm.em
      .fork()
      .findOneOrFail(OutboxMessage, { messageKey: licenceId, eventType: 'licence.renewed' });
    expect(row.envelope).toMatchObject({
      type: 'licence.renewed',
      aggregateType: 'licence',
      aggregateId: licenceId,
      correlationId: input.workflowId,
      actor: { userId: 'rm.rivera', roles: ['resource-manager'] },
      data: { licenceId, previousTo: '2026-12-31', from: '2027-01-01', to: '2027-06-30' },
    });
  });

  it('CRD-2: expiring a renewed licence whose new period covers the date is refused, non-retryably; nothing changes', async () => {
    const { licenceId } = await approvedLicence();
    await renewLicence(orm, { ...decision(licenceId), newTo: '2027-12-31', onDate: '2026-12-01' });
    await expect(
      expireLicence(orm, { licenceId, onDate: '2027-01-01', workflowId: 'wf' }),
    ).rejects.toMatchObject({ type: 'CRD-2', nonRetryable: true });
    expect((await historyOf(licenceId)).actions).toEqual(['record', 'approve', 'renew']);
    expect(await eventTypesOf(licenceId)).not.toContain('licence.expired');
  });

  it('CRD-2: a licence not renewed expires once after its period; expiring it again is a no-op', async () => {
    const { licenceId } = await approvedLicence();
    const input = { licenceId, onDate: '2027-01-01', workflowId: `licence-renewal/${licenceId}` };
    const first = await expireLicence(orm, input);
    const again = await expireLicence(orm, { ...input, onDate: '2027-02-01' });
    expect(first).toMatchObject({
      action: 'expire',
      status: 'expired',
      period: { from: '2026-01-01', to: '2026-12-31' },
      decidedBy: 'system',
    });
    expect(again).toEqual(first);
    expect(await eventTypesOf(licenceId)).toEqual([
      'licence.recorded',
      'licence.approved',
      'licence.expired',
    ]);
    // no longer valid, even on a day of its period
    expect((await getLicenceForRenewal(orm, { licenceId, onDate: '2026-06-01' })).validOnDate).toBe(
      false,
    );
  });

  it('CRD-2: an expired licence cannot be renewed (non-retryable CRD-2)', async () => {
    const { licenceId } = await approvedLicence();
    await expireLicence(orm, { licenceId, onDate: '2027-01-01', workflowId: 'wf' });
    await expect(
      renewLicence(orm, { ...decision(licenceId), newTo: '2027-12-31' }),
    ).rejects.toMatchObject({ type: 'CRD-2', nonRetryable: true });
  });

  it('CRD-2: non-compliance instead of renewal is recorded once with its reason; the licence cannot be renewed after it', async () => {
    const { licenceId } = await approvedLicence();
    const input = { ...decision(licenceId), reason: 'Background check failed' };
    const first = await recordLicenceNonCompliance(orm, input);
    expect(await recordLicenceNonCompliance(orm, input)).toEqual(first);
    expect(first).toMatchObject({
      action: 'record-non-compliance',
      status: 'non-compliant',
      reason: 'Background check failed',
    });
    expect(await eventTypesOf(licenceId)).toEqual([
      'licence.recorded',
      'licence.approved',
      'licence.non-compliance-recorded',
    ]);
    await expect(
      renewLicence(orm, { ...decision(licenceId), newTo: '2027-12-31' }),
    ).rejects.toMatchObject({ type: 'CRD-2', nonRetryable: true });
    await expect(
      recordLicenceNonCompliance(orm, { ...decision(licenceId), reason: '  ' }),
    ).rejects.toMatchObject({ type: 'CRD-2', nonRetryable: true });
  });

  it('CRD-2: suspension and reinstatement are idempotent by request; a suspended licence is not valid', async () => {
    const { licenceId } = await approvedLicence();
    const suspend = { ...decision(licenceId), reason: 'Complaint: safety rules broken' };
    const suspended = await suspendLicence(orm, suspend);
    expect(await suspendLicence(orm, suspend)).toEqual(suspended);
    expect(suspended).toMatchObject({ status: 'suspended', reason: suspend.reason });
    expect((await getLicenceForRenewal(orm, { licenceId, onDate: '2026-06-01' })).validOnDate).toBe(
      false,
    );

    const reinstate = decision(licenceId);
    const reinstated = await reinstateLicence(orm, reinstate);
    expect(await reinstateLicence(orm, reinstate)).toEqual(reinstated);
    expect(reinstated).toMatchObject({ status: 'approved', reason: null });
    // the first suspension's request still answers with its own result
    expect(await suspendLicence(orm, suspend)).toEqual(suspended);
    expect(await eventTypesOf(licenceId)).toEqual([
      'licence.recorded',
      'licence.approved',
      'licence.suspended',
      'licence.reinstated',
    ]);
  });

  it('CRD-2: reusing a request id for another decision is refused', async () => {
    const { licenceId } = await approvedLicence();
    const input = { ...decision(licenceId), reason: 'Safety issue found' };
    await suspendLicence(orm, input);
    await expect(reinstateLicence(orm, { ...input })).rejects.toMatchObject({
      type: 'CRD-2',
      nonRetryable: true,
    });
    expect((await historyOf(licenceId)).actions).toEqual(['record', 'approve', 'suspend']);
  });

  it('ROLE: a decider without a licence-managing role is refused and nothing is recorded', async () => {
    const { licenceId } = await approvedLicence();
    await expect(
      renewLicence(orm, {
        ...decision(licenceId, { decidedBy: 'cw.chen', decidedByRoles: ['case-worker'] }),
        newTo: '2027-12-31',
      }),
    ).rejects.toMatchObject({ type: 'ROLE', nonRetryable: true });
    expect((await historyOf(licenceId)).actions).toEqual(['record', 'approve']);
  });

  it('CRD-2: a renewal ending before the new period can start is refused (non-retryable)', async () => {
    const { licenceId } = await approvedLicence();
    await expect(
      renewLicence(orm, { ...decision(licenceId), newTo: '2026-12-31' as CalendarDate }),
    ).rejects.toMatchObject({ type: 'CRD-2', nonRetryable: true });
    expect((await historyOf(licenceId)).periods).toEqual(['2026-01-01..2026-12-31']);
  });
});

describe('the SVC-7 licence criterion on a date (CRD-2)', () => {
  const subject = (providerId: string, providerServiceId: string, onDate: string) => ({
    providerId,
    providerServiceId,
    serviceProductId: productId,
    onDate,
  });
  const warningsOf = (providerId: string, serviceId: string, onDate: string) =>
    licenceCriterion(orm.em.fork(), subject(providerId, serviceId, onDate));

  it('SVC-7: met only while a licence valid on the date covers the provider service', async () => {
    const { providerId, serviceId, licenceId } = await approvedLicence();
    expect(await warningsOf(providerId, serviceId, '2026-01-01')).toEqual([]);
    expect(await warningsOf(providerId, serviceId, '2026-12-31')).toEqual([]);
    expect(await warningsOf(providerId, serviceId, '2025-12-31')).toEqual([
      `Licence: no licence valid on 2025-12-31 covers provider service ${serviceId} (CRD-2)`,
    ]);
    expect(await warningsOf(providerId, serviceId, '2027-01-01')).toHaveLength(1);

    await renewLicence(orm, { ...decision(licenceId), newTo: '2027-12-31', onDate: '2026-12-01' });
    expect(await warningsOf(providerId, serviceId, '2027-06-01')).toEqual([]);
    await suspendLicence(orm, { ...decision(licenceId), reason: 'Complaint' });
    expect(await warningsOf(providerId, serviceId, '2027-06-01')).toHaveLength(1);
  });

  it('SVC-7: a pending licence, or one covering another service, does not meet it', async () => {
    const provider = await newProvider();
    await licences.record(
      provider.providerId,
      recordLicenceBody.parse({
        licenceTypeId,
        number: 'FC-PENDING',
        issuingAuthority: 'State',
        from: '2026-01-01',
        to: '2026-12-31',
        providerServiceIds: [provider.serviceId],
      }),
      RM,
    );
    expect(await warningsOf(provider.providerId, provider.serviceId, '2026-06-01')).toHaveLength(1);
    const other = await approvedLicence();
    expect(await warningsOf(other.providerId, randomUUID(), '2026-06-01')).toHaveLength(1);
  });
});
