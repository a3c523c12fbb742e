import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { expectForbiddenFor, expectProblem } from './support/expectations.js';
import {
  addMember,
  enrolProvider,
  insertDemoProvider,
  postCreated,
  recordCompletedTraining,
  UNKNOWN_ID,
} from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Page, Problem } from './support/types.js';
import {
  ADMIN,
  CASE_WORKER,
  FACILITY_MANAGER,
  FINANCE,
  OPERATOR,
  PROVIDER_USER,
  RM,
} from './support/users.js';

let app: ProvidersApp;

type CertificationType = { id: string; name: string; validityMonths: number };
type Certification = {
  id: string;
  memberId: string;
  certificationTypeId: string;
  issuer: string;
  issuedBy: string;
  issuedOn: string;
  validFrom: string;
  validTo: string;
  creditsEarned: number;
  requiredCredits: number;
  renewalCount: number;
  status: string;
  removedBy: string | null;
  removalReason: string | null;
};

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
});
afterAll(() => app?.close());

/** A foster parent of the provider since 2019, before any training or certification here. */
const member = (providerId: string, name: string) =>
  addMember(app, providerId, name, { role: 'foster-parent', from: '2019-01-01' });

function certificationType(body: Record<string, unknown> = {}): Promise<CertificationType> {
  return postCreated<CertificationType>(
    app,
    '/certification-types',
    {
      name: `Therapeutic foster carer ${randomUUID()}`,
      validityMonths: 12,
      requiredCredits: 0,
      issuer: 'agency',
      ...body,
    },
    ADMIN,
  );
}

/** CRD-4: a free-text training worth `units` credits, completed on the date. */
const training = (memberId: string, units: number, completedOn: string) =>
  recordCompletedTraining(app, memberId, {
    courseName: 'Therapeutic parenting',
    trainingProviderName: 'Open University',
    units,
    completedOn,
  });

function certify(memberId: string, body: Record<string, unknown>, user = RM) {
  return app.request<Certification & Problem>('POST', `/members/${memberId}/certifications`, {
    user,
    body: { issuedBy: 'Springfield Children and Families Agency', ...body },
  });
}

describe('certification types (CRD-5)', () => {
  it('CRD-5: an administrator registers a type with validity, required credits and issuer', async () => {
    const name = `Kinship carer ${randomUUID()}`;
    const created = await app.request<CertificationType & Problem>('POST', '/certification-types', {
      user: ADMIN,
      body: { name, validityMonths: 24, requiredCredits: 7.5, issuer: 'third-party' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name,
      validityMonths: 24,
      requiredCredits: 7.5,
      issuer: 'third-party',
      active: true,
    });
    const duplicate = await app.request<Problem>('POST', '/certification-types', {
      user: ADMIN,
      body: { name: name.toUpperCase(), validityMonths: 12, issuer: 'agency' },
    });
    expect(duplicate.status).toBe(409);

    const changed = await app.request<CertificationType>(
      'PATCH',
      `/certification-types/${created.body.id}`,
      { user: ADMIN, body: { validityMonths: 36 } },
    );
    expect(changed.body.validityMonths).toBe(36);
    const listed = await app.request<Page<CertificationType>>(
      'GET',
      `/certification-types?name=${encodeURIComponent(name.slice(0, 20))}&issuer=third-party`,
      { user: FINANCE },
    );
    expect(listed.body.items.map((type) => type.id)).toContain(created.body.id);
    expect(
      (await app.request('GET', `/certification-types/${UNKNOWN_ID}`, { user: OPERATOR })).status,
    ).toBe(404);
  });

  it('CRD-5: bad types answer 400 naming the field; only administrators configure them', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'No validity', validityMonths: 0, issuer: 'agency' }, 'validityMonths'],
      [{ name: 'Bad issuer', validityMonths: 12, issuer: 'the-moon' }, 'issuer'],
      [
        { name: 'Bad credits', validityMonths: 12, issuer: 'agency', requiredCredits: -1 },
        'requiredCredits',
      ],
    ];
    for (const [body, field] of cases) {
      const reply = await app.request<Problem>('POST', '/certification-types', {
        user: ADMIN,
        body,
      });
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.map((error) => error.field)).toContain(field);
    }
    const body = { name: 'Not mine to add', validityMonths: 12, issuer: 'agency' };
    await expectForbiddenFor([RM, CASE_WORKER, PROVIDER_USER], (user) =>
      app.request('POST', '/certification-types', { user, body }),
    );
  });
});

describe('member certifications (CRD-5)', () => {
  it("CRD-5: a certification is valid for the type's validity, with the credits earned, and announced once", async () => {
    const providerId = await enrolProvider(app, 'Lakeside Foster Home');
    const memberId = await member(providerId, 'Maria Lopez');
    const type = await certificationType({ requiredCredits: 4, validityMonths: 12 });
    await training(memberId, 4.5, '2020-01-05');

    const recorded = await certify(memberId, {
      certificationTypeId: type.id,
      issuedOn: '2020-01-10',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      memberId,
      certificationTypeId: type.id,
      issuer: 'agency',
      issuedBy: 'Springfield Children and Families Agency',
      issuedOn: '2020-01-10',
      validFrom: '2020-01-10',
      validTo: '2021-01-09',
      creditsEarned: 4.5,
      requiredCredits: 4,
      renewalCount: 0,
      status: 'expired',
    });
    const [, event] = await app.expectEvents(memberId, [
      'member-training.completed',
      'member-certification.recorded',
    ]);
    expect(event).toMatchObject({
      aggregateType: 'member',
      actor: { userId: RM },
      data: {
        memberId,
        certificationId: recorded.body.id,
        certificationTypeId: type.id,
        issuer: 'agency',
        validFrom: '2020-01-10',
        validTo: '2021-01-09',
        creditsEarned: 4.5,
        requiredCredits: 4,
      },
    });

    const onDate = await app.request<Page<Certification>>(
      'GET',
      `/members/${memberId}/certifications?onDate=2020-06-01`,
      { user: CASE_WORKER },
    );
    expect(onDate.body.items.map((c) => c.status)).toEqual(['valid']);
    const valid = await app.request<Page<Certification>>(
      'GET',
      `/members/${memberId}/certifications?status=valid`,
      { user: OPERATOR },
    );
    expect(valid.body.total).toBe(0);
    const expired = await app.request<Page<Certification>>(
      'GET',
      `/members/${memberId}/certifications?status=expired`,
      { user: OPERATOR },
    );
    expect(expired.body.items.map((c) => c.id)).toEqual([recorded.body.id]);
    const one = await app.request<Certification>(
      'GET',
      `/members/${memberId}/certifications/${recorded.body.id}?onDate=2021-01-09`,
      { user: RM },
    );
    expect(one.body.status).toBe('valid');
  });

  it('CRD-5: without the required credits by the issue date the certification is refused (422), publishing nothing', async () => {
    const providerId = await enrolProvider(app, 'Riverside Foster Home');
    const memberId = await member(providerId, 'Nia Okoro');
    const type = await certificationType({ requiredCredits: 3 });
    await training(memberId, 3, '2021-02-01');
    await app.expectEvents(memberId, ['member-training.completed']);

    const early = await certify(memberId, { certificationTypeId: type.id, issuedOn: '2021-01-31' });
    expectProblem(early, 422, { rule: 'CRD-5' });

    const bad = await certify(memberId, {
      certificationTypeId: UNKNOWN_ID,
      issuedOn: '2021-03-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe('certificationTypeId');
    const future = await certify(memberId, {
      certificationTypeId: type.id,
      issuedOn: '2099-01-01',
    });
    expect(future.status).toBe(400);
    expect(future.body.errors?.[0]?.field).toBe('issuedOn');
    expect(
      (await certify(UNKNOWN_ID, { certificationTypeId: type.id, issuedOn: '2021-03-01' })).status,
    ).toBe(404);

    const ok = await certify(memberId, { certificationTypeId: type.id, issuedOn: '2021-02-01' });
    expect(ok.status).toBe(201);
    await app.expectEvents(memberId, [
      'member-training.completed',
      'member-certification.recorded',
    ]);
  });

  it('CRD-5: on expiry a certification is modified with a new validity period', async () => {
    const providerId = await enrolProvider(app, 'Hillside Foster Home');
    const memberId = await member(providerId, 'Omar Diaz');
    const type = await certificationType({ validityMonths: 12 });
    const recorded = await certify(memberId, {
      certificationTypeId: type.id,
      issuedOn: '2020-03-01',
    });
    const base = `/members/${memberId}/certifications/${recorded.body.id}`;

    const overlapping = await app.request<Problem>('POST', `${base}/renew`, {
      user: RM,
      body: { validFrom: '2021-02-28' },
    });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.rule).toBe('CRD-5');

    const renewed = await app.request<Certification>('POST', `${base}/renew`, {
      user: FACILITY_MANAGER,
      body: { validFrom: '2021-03-01' },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({
      validFrom: '2021-03-01',
      validTo: '2022-02-28',
      renewalCount: 1,
    });
    const [, event] = await app.expectEvents(memberId, [
      'member-certification.recorded',
      'member-certification.renewed',
    ]);
    expect(event).toMatchObject({
      data: {
        certificationId: recorded.body.id,
        validFrom: '2021-03-01',
        validTo: '2022-02-28',
        previousValidFrom: '2020-03-01',
        previousValidTo: '2021-02-28',
      },
    });

    const badPeriod = await app.request<Problem>('POST', `${base}/renew`, {
      user: RM,
      body: { validFrom: '2023-01-01', validTo: '2022-12-31' },
    });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.errors?.[0]?.field).toBe('validTo');
  });

  it('CRD-5: a certification still valid is not renewed (409), publishing nothing', async () => {
    const providerId = await enrolProvider(app, 'Meadow Foster Home');
    const memberId = await member(providerId, 'Pia Berg');
    const longType = await certificationType({ validityMonths: 600 });
    const recorded = await certify(memberId, {
      certificationTypeId: longType.id,
      issuedOn: '2020-01-01',
    });
    expect(recorded.body.status).toBe('valid');
    const refused = await app.request<Problem>(
      'POST',
      `/members/${memberId}/certifications/${recorded.body.id}/renew`,
      { user: RM, body: { validFrom: '2070-01-01' } },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('CRD-5');
    // CRD-5: another certification of the type for the same days is refused too
    const second = await certify(memberId, {
      certificationTypeId: longType.id,
      issuedOn: '2024-01-01',
    });
    expect(second.status).toBe(409);
    expect(second.body.rule).toBe('CRD-5');
    expect(
      (
        await app.request('POST', `/members/${memberId}/certifications/${UNKNOWN_ID}/renew`, {
          user: RM,
          body: { validFrom: '2070-01-01' },
        })
      ).status,
    ).toBe(404);
    await app.expectEvents(memberId, ['member-certification.recorded']);
  });

  it('CRD-5: on expiry a certification may be deleted (kept, marked removed) and added anew', async () => {
    const providerId = await enrolProvider(app, 'Valley Foster Home');
    const memberId = await member(providerId, 'Quinn Fox');
    const type = await certificationType({ validityMonths: 600 });
    const first = await certify(memberId, { certificationTypeId: type.id, issuedOn: '2020-01-01' });
    const base = `/members/${memberId}/certifications/${first.body.id}`;

    const removed = await app.request<Certification>(
      'DELETE',
      `${base}?reason=${encodeURIComponent('Recorded with the wrong issuer')}`,
      { user: RM },
    );
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({
      status: 'removed',
      removedBy: RM,
      removalReason: 'Recorded with the wrong issuer',
    });
    const again = await app.request<Problem>('DELETE', base, { user: RM });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('CRD-5');

    const anew = await certify(memberId, { certificationTypeId: type.id, issuedOn: '2020-01-01' });
    expect(anew.status).toBe(201);
    const [, event] = await app.expectEvents(memberId, [
      'member-certification.recorded',
      'member-certification.removed',
      'member-certification.recorded',
    ]);
    expect(event).toMatchObject({
      data: { certificationId: first.body.id, reason: 'Recorded with the wrong issuer' },
    });

    const listed = await app.request<Page<Certification>>(
      'GET',
      `/members/${memberId}/certifications`,
      { user: RM },
    );
    expect(listed.body.items.map((c) => c.id)).toEqual([anew.body.id]);
    const all = await app.request<Page<Certification>>(
      'GET',
      `/members/${memberId}/certifications?includeRemoved=true`,
      { user: RM },
    );
    expect(all.body.total).toBe(2);
  });
});

describe('who may see and change certifications (ROLE, SS-3)', () => {
  it('SS-3: a provider user reads certifications of its own members only; writers are managers', async () => {
    const own = await member(DEMO_PROVIDER_ID, 'Rae Sunrise');
    const stranger = await member(await enrolProvider(app, 'Grove Foster Home'), 'Sol Grove');
    const type = await certificationType();
    const mine = await certify(own, { certificationTypeId: type.id, issuedOn: '2022-01-01' });
    await certify(stranger, { certificationTypeId: type.id, issuedOn: '2022-01-01' });

    const read = await app.request<Page<Certification>>('GET', `/members/${own}/certifications`, {
      user: PROVIDER_USER,
    });
    expect(read.status).toBe(200);
    expect(read.body.items.map((c) => c.id)).toEqual([mine.body.id]);
    expect(
      (await app.request('GET', `/members/${stranger}/certifications`, { user: PROVIDER_USER }))
        .status,
    ).toBe(404);

    await expectForbiddenFor([PROVIDER_USER, CASE_WORKER, OPERATOR, ADMIN, FINANCE], (user) =>
      certify(own, { certificationTypeId: type.id, issuedOn: '2023-06-01' }, user),
    );
    expect(
      (
        await app.request('DELETE', `/members/${own}/certifications/${mine.body.id}`, {
          user: PROVIDER_USER,
        })
      ).status,
    ).toBe(403);
  });
});
