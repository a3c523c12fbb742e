import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { expectProblem } from './support/expectations.js';
import { enrolProvider, insertDemoProvider, UNKNOWN_ID } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Problem } from './support/types.js';
import { RM, SUPERVISOR } from './support/users.js';

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
});
afterAll(() => app?.close());

type MembershipBody = {
  id: string;
  memberId: string;
  providerId: string;
  name: string;
  role: string;
  from: string;
  to: string | null;
  active: boolean;
  createdBy: string;
};
type MemberBody = {
  id: string;
  name: string;
  unassigned: boolean;
  memberships: { id: string; providerId: string; to: string | null; active: boolean }[];
};

/** PRV-8: the request under test, answered as it is. */
function addMember(providerId: string, body: Record<string, unknown>, user = RM) {
  return app.request<MembershipBody & Problem>('POST', `/providers/${providerId}/members`, {
    user,
    body,
  });
}

/** Every response of the suite: never a server error. */
function expectNo5xx(...statuses: number[]) {
  for (const status of statuses) expect(status).toBeLessThan(500);
}

describe('members of a provider (PRV-8)', () => {
  it('PRV-8: adding a new person as a member stores the membership and announces provider-member.added once', async () => {
    const providerId = await enrolProvider(app, 'Hilltop Foster Home');
    const added = await addMember(providerId, {
      name: 'Maria Lopez',
      dateOfBirth: '1984-03-12',
      role: 'foster-parent',
      from: '2026-01-01',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      providerId,
      name: 'Maria Lopez',
      role: 'foster-parent',
      from: '2026-01-01',
      to: null,
      active: true,
      createdBy: RM,
    });

    const [, event] = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider-member.added',
    ]);
    expect(event).toMatchObject({
      version: 1,
      aggregateType: 'provider',
      aggregateId: providerId,
      actor: { userId: RM },
      data: {
        providerId,
        memberId: added.body.memberId,
        membershipId: added.body.id,
        name: 'Maria Lopez',
        role: 'foster-parent',
        from: '2026-01-01',
        to: null,
      },
    });

    const list = await app.request<{ items: MembershipBody[]; total: number }>(
      'GET',
      `/providers/${providerId}/members?role=foster-parent&activeOn=2026-02-01`,
      { user: 'cw.chen' },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((m) => m.name)).toEqual(['Maria Lopez']);
    const before = await app.request<{ total: number }>(
      'GET',
      `/providers/${providerId}/members?activeOn=2025-12-31`,
      { user: 'ops.omar' },
    );
    expect(before.body.total).toBe(0);

    const one = await app.request<MemberBody>(
      'GET',
      `/providers/${providerId}/members/${added.body.memberId}`,
      { user: RM },
    );
    expect(one).toMatchObject({ status: 200, body: { name: 'Maria Lopez', unassigned: false } });
  });

  it('PRV-8: an overlapping second membership is refused with 409 and no event; a later one is added', async () => {
    const providerId = await enrolProvider(app, 'Overlap Home');
    const first = await addMember(providerId, {
      name: 'Ben Carter',
      role: 'staff',
      from: '2026-01-01',
      to: '2026-03-31',
    });
    const clash = await addMember(providerId, {
      memberId: first.body.memberId,
      role: 'volunteer',
      from: '2026-03-31',
    });
    expect(clash).toMatchObject({ status: 409, body: { rule: 'PRV-8' } });
    expect(clash.contentType).toContain('application/problem+json');
    const later = await addMember(providerId, {
      memberId: first.body.memberId,
      role: 'volunteer',
      from: '2026-04-01',
    });
    expect(later.status).toBe(201);
    await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider-member.added',
      'provider-member.added',
    ]);
  });

  it('PRV-8: ending a membership sets its last day, announces it once, and the member becomes unassigned', async () => {
    const providerId = await enrolProvider(app, 'Ending Home');
    const added = await addMember(providerId, {
      name: 'Chris Ending',
      role: 'household-member',
      from: '2020-01-01',
    });
    const memberId = added.body.memberId;
    const ended = await app.request<MemberBody>(
      'POST',
      `/providers/${providerId}/members/${memberId}/end`,
      { user: SUPERVISOR, body: { to: '2021-06-30', reason: 'Moved out' } },
    );
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ unassigned: true });
    expect(ended.body.memberships).toEqual([
      expect.objectContaining({ to: '2021-06-30', active: false }),
    ]);
    // the same end again changes nothing and announces nothing
    const again = await app.request('POST', `/providers/${providerId}/members/${memberId}/end`, {
      user: RM,
      body: { to: '2021-06-30' },
    });
    expect(again.status).toBe(200);
    // no membership covers this day
    const uncovered = await app.request<Problem>(
      'POST',
      `/providers/${providerId}/members/${memberId}/end`,
      { user: RM, body: { to: '2023-01-01' } },
    );
    expect(uncovered).toMatchObject({ status: 409, body: { rule: 'PRV-8' } });

    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider-member.added',
      'provider-member.membership-ended',
    ]);
    expect(events[2]?.data).toEqual({
      providerId,
      memberId,
      membershipId: added.body.id,
      to: '2021-06-30',
      previousTo: null,
      reason: 'Moved out',
    });

    const unassigned = await app.request<{ items: MemberBody[] }>(
      'GET',
      '/members?unassigned=true&name=chris%20ending',
      { user: RM },
    );
    expect(unassigned.body.items.map((m) => m.id)).toEqual([memberId]);
    const assigned = await app.request<{ total: number }>(
      'GET',
      '/members?unassigned=false&name=chris%20ending',
      { user: RM },
    );
    expect(assigned.body.total).toBe(0);
  });

  it('PRV-8: an unassigned member is created on its own and later added to a provider by id', async () => {
    const created = await app.request<MemberBody>('POST', '/members', {
      user: RM,
      body: { name: 'Dana Unassigned' },
    });
    expect(created).toMatchObject({ status: 201, body: { unassigned: true, memberships: [] } });
    const list = await app.request<{ items: MemberBody[] }>(
      'GET',
      '/members?unassigned=true&name=dana',
      { user: 'ops.omar' },
    );
    expect(list.body.items.map((m) => m.id)).toEqual([created.body.id]);

    const providerId = await enrolProvider(app, 'Adopting Home');
    const added = await addMember(providerId, {
      memberId: created.body.id,
      role: 'staff',
      from: '2026-01-01',
    });
    expect(added).toMatchObject({ status: 201, body: { name: 'Dana Unassigned' } });
    const member = await app.request<MemberBody>('GET', `/members/${created.body.id}`, {
      user: RM,
    });
    expect(member.body.memberships.map((m) => m.providerId)).toEqual([providerId]);
  });

  it('PRV-8: invalid bodies get 400 problem+json naming the field, with no event', async () => {
    const providerId = await enrolProvider(app, 'Validation Home');
    const backwards = await addMember(providerId, {
      name: 'X',
      role: 'staff',
      from: '2026-02-01',
      to: '2026-01-31',
    });
    expectProblem(backwards, 400);
    expect(backwards.body.errors).toEqual([
      { field: 'to', message: expect.stringContaining('PRV-8') },
    ]);
    const noName = await addMember(providerId, { role: 'staff', from: '2026-01-01' });
    expect(noName.body.errors?.map((e) => e.field)).toEqual(['name']);
    const badRole = await addMember(providerId, { name: 'Y', role: 'boss', from: '2026-01-01' });
    expect(badRole.body.errors?.map((e) => e.field)).toEqual(['role']);
    const badDate = await addMember(providerId, { name: 'Z', role: 'staff', from: '2026-02-30' });
    expect(badDate.body.errors?.map((e) => e.field)).toEqual(['from']);
    const badId = await app.request<Problem>('GET', `/providers/${providerId}/members/42`, {
      user: RM,
    });
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.map((e) => e.field)).toEqual(['memberId']);
    await app.expectEvents(providerId, ['provider.enrolled']);
  });

  it('unknown providers and members get 404, with no event', async () => {
    const unknownProvider = await addMember(UNKNOWN_ID, {
      name: 'A',
      role: 'staff',
      from: '2026-01-01',
    });
    expect(unknownProvider.status).toBe(404);
    expect(
      (await app.request('GET', `/providers/${UNKNOWN_ID}/members`, { user: RM })).status,
    ).toBe(404);
    const providerId = await enrolProvider(app, 'Known Home');
    const unknownMember = await addMember(providerId, {
      memberId: UNKNOWN_ID,
      role: 'staff',
      from: '2026-01-01',
    });
    expect(unknownMember.status).toBe(404);
    expect(
      (await app.request('GET', `/providers/${providerId}/members/${UNKNOWN_ID}`, { user: RM }))
        .status,
    ).toBe(404);
    expect(
      (
        await app.request('POST', `/providers/${providerId}/members/${UNKNOWN_ID}/end`, {
          user: RM,
          body: { to: '2026-01-01' },
        })
      ).status,
    ).toBe(404);
    expect((await app.request('GET', `/members/${UNKNOWN_ID}`, { user: RM })).status).toBe(404);
    await app.expectEvents(providerId, ['provider.enrolled']);
    expect(app.eventsOf(UNKNOWN_ID)).toEqual([]);
  });
});

describe('participants of a provider (PRV-8)', () => {
  it('PRV-8: external participants are added, listed by name and read one by one', async () => {
    const providerId = await enrolProvider(app, 'Participant Home');
    const added = await app.request<{ id: string; role: string }>(
      'POST',
      `/providers/${providerId}/participants`,
      {
        user: RM,
        body: { name: 'Dr. Amal Haddad', role: 'doctor', email: 'a.haddad@clinic.example' },
      },
    );
    expect(added).toMatchObject({ status: 201, body: { role: 'doctor' } });
    await app.request('POST', `/providers/${providerId}/participants`, {
      user: RM,
      body: { name: 'Lee Lawyer', role: 'lawyer', phone: '+1 555 0100' },
    });
    const list = await app.request<{ items: { name: string }[]; total: number }>(
      'GET',
      `/providers/${providerId}/participants?name=LAWYER`,
      { user: 'cw.chen' },
    );
    expect(list.body.items.map((p) => p.name)).toEqual(['Lee Lawyer']);
    const one = await app.request('GET', `/providers/${providerId}/participants/${added.body.id}`, {
      user: 'ops.omar',
    });
    expect(one.status).toBe(200);
    const badEmail = await app.request<Problem>('POST', `/providers/${providerId}/participants`, {
      user: RM,
      body: { name: 'N', role: 'lawyer', email: 'not-an-email' },
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors?.map((e) => e.field)).toEqual(['email']);
    expect(
      (
        await app.request('GET', `/providers/${providerId}/participants/${UNKNOWN_ID}`, {
          user: RM,
        })
      ).status,
    ).toBe(404);
  });
});

describe('background checks (CRD-6)', () => {
  async function newMember(name: string): Promise<string> {
    const created = await app.request<{ id: string }>('POST', '/members', {
      user: RM,
      body: { name },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('CRD-6: a failed check with its reason is recorded and announced once on the member', async () => {
    const memberId = await newMember('Eve Checked');
    const recorded = await app.request<{ id: string; result: string; valid: boolean }>(
      'POST',
      `/members/${memberId}/background-checks`,
      {
        user: RM,
        body: {
          checkType: 'criminal',
          result: 'failed',
          failureReason: 'Criminal record',
          requestedOn: '2026-01-05',
          completedOn: '2026-01-20',
        },
      },
    );
    expect(recorded).toMatchObject({ status: 201, body: { result: 'failed', valid: false } });
    const [event] = await app.expectEvents(memberId, ['background-check.recorded']);
    expect(event).toMatchObject({
      version: 1,
      aggregateType: 'member',
      aggregateId: memberId,
      data: {
        memberId,
        backgroundCheckId: recorded.body.id,
        checkType: 'criminal',
        result: 'failed',
        failureReason: 'Criminal record',
      },
    });

    const passed = await app.request<{ valid: boolean }>(
      'POST',
      `/members/${memberId}/background-checks`,
      {
        user: SUPERVISOR,
        body: {
          checkType: 'child-protective-services',
          result: 'passed',
          requestedOn: '2026-01-05',
          completedOn: '2026-01-10',
          validFrom: '2026-01-10',
        },
      },
    );
    expect(passed).toMatchObject({ status: 201, body: { valid: true } });
    await app.expectEvents(memberId, ['background-check.recorded', 'background-check.recorded']);

    const failedOnly = await app.request<{ items: { id: string }[]; total: number }>(
      'GET',
      `/members/${memberId}/background-checks?result=failed`,
      { user: 'ops.omar' },
    );
    expect(failedOnly.body.items.map((c) => c.id)).toEqual([recorded.body.id]);
    const one = await app.request(
      'GET',
      `/members/${memberId}/background-checks/${recorded.body.id}`,
      { user: 'cw.chen' },
    );
    expect(one.status).toBe(200);
  });

  it('CRD-6: a failed check without a failure reason is a 400 naming failureReason and CRD-6, with no event', async () => {
    const memberId = await newMember('Frank Unreasoned');
    const refused = await app.request<Problem>('POST', `/members/${memberId}/background-checks`, {
      user: RM,
      body: {
        checkType: 'firearms',
        result: 'failed',
        requestedOn: '2026-01-05',
        completedOn: '2026-01-20',
      },
    });
    expectProblem(refused, 400);
    expect(refused.body.errors).toEqual([
      { field: 'failureReason', message: expect.stringMatching(/^CRD-6: /) },
    ]);
    const badType = await app.request<Problem>('POST', `/members/${memberId}/background-checks`, {
      user: RM,
      body: { checkType: 'astrology', result: 'pending', requestedOn: '2026-01-05' },
    });
    expect(badType.body.errors?.map((e) => e.field)).toEqual(['checkType']);
    const unknown = await app.request('POST', `/members/${UNKNOWN_ID}/background-checks`, {
      user: RM,
      body: { checkType: 'criminal', result: 'pending', requestedOn: '2026-01-05' },
    });
    expect(unknown.status).toBe(404);
    expect(
      (
        await app.request('GET', `/members/${memberId}/background-checks/${UNKNOWN_ID}`, {
          user: RM,
        })
      ).status,
    ).toBe(404);
    // a later valid request shows nothing was published for the refused ones
    await app.request('POST', `/members/${memberId}/background-checks`, {
      user: RM,
      body: { checkType: 'criminal', result: 'pending', requestedOn: '2026-01-05' },
    });
    const [event] = await app.expectEvents(memberId, ['background-check.recorded']);
    expect(event?.data).toMatchObject({ result: 'pending', failureReason: null });
    expect(app.eventsOf(UNKNOWN_ID)).toEqual([]);
  });
});

describe('who may see and change members (ROLE, ROLE-2)', () => {
  it('ROLE: case workers, operators and providers may not write members, participants or checks', async () => {
    const providerId = await enrolProvider(app, 'Role Check Members');
    const added = await addMember(providerId, { name: 'Gail', role: 'staff', from: '2026-01-01' });
    const memberId = added.body.memberId;
    const statuses: number[] = [];
    for (const user of ['cw.chen', 'ops.omar', 'provider.sunrise', 'admin.ada']) {
      const writes = await Promise.all([
        addMember(providerId, { name: 'Nope', role: 'staff', from: '2026-01-01' }, user),
        app.request('POST', `/providers/${providerId}/members/${memberId}/end`, {
          user,
          body: { to: '2026-02-01' },
        }),
        app.request('POST', '/members', { user, body: { name: 'Nope' } }),
        app.request('POST', `/providers/${providerId}/participants`, {
          user,
          body: { name: 'Nope', role: 'lawyer' },
        }),
        app.request('POST', `/members/${memberId}/background-checks`, {
          user,
          body: { checkType: 'criminal', result: 'pending', requestedOn: '2026-01-05' },
        }),
      ]);
      statuses.push(...writes.map((w) => w.status));
      expect(writes.map((w) => w.status)).toEqual([403, 403, 403, 403, 403]);
    }
    expectNo5xx(...statuses);
    await app.expectEvents(providerId, ['provider.enrolled', 'provider-member.added']);
    expect(app.eventsOf(memberId)).toEqual([]);
  });

  it("ROLE-2: a provider's token reads its own members and participants and gets 404 for another provider's", async () => {
    const own = await addMember(DEMO_PROVIDER_ID, {
      name: 'Sunny Staff',
      role: 'staff',
      from: '2026-01-01',
    });
    expect(own.status).toBe(201);
    const otherProvider = await enrolProvider(app, 'Someone Else');
    const foreign = await addMember(otherProvider, {
      name: 'Hidden Person',
      role: 'staff',
      from: '2026-01-01',
    });

    const ownList = await app.request<{ items: { name: string }[] }>(
      'GET',
      `/providers/${DEMO_PROVIDER_ID}/members`,
      { user: 'provider.sunrise' },
    );
    expect(ownList.status).toBe(200);
    expect(ownList.body.items.map((m) => m.name)).toEqual(['Sunny Staff']);
    const ownOne = await app.request(
      'GET',
      `/providers/${DEMO_PROVIDER_ID}/members/${own.body.memberId}`,
      { user: 'provider.sunrise' },
    );
    expect(ownOne.status).toBe(200);
    expect(
      (
        await app.request('GET', `/providers/${DEMO_PROVIDER_ID}/participants`, {
          user: 'provider.sunrise',
        })
      ).status,
    ).toBe(200);

    const responses = await Promise.all([
      app.request('GET', `/providers/${otherProvider}/members`, { user: 'provider.sunrise' }),
      app.request('GET', `/providers/${otherProvider}/members/${foreign.body.memberId}`, {
        user: 'provider.sunrise',
      }),
      app.request('GET', `/providers/${otherProvider}/participants`, {
        user: 'provider.sunrise',
      }),
      // a member of its own provider looked up under another provider is not revealed either
      app.request('GET', `/providers/${otherProvider}/members/${own.body.memberId}`, {
        user: 'provider.sunrise',
      }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    // people across providers and background checks are for agency staff only
    expect((await app.request('GET', '/members', { user: 'provider.sunrise' })).status).toBe(403);
    expect(
      (
        await app.request('GET', `/members/${own.body.memberId}/background-checks`, {
          user: 'provider.sunrise',
        })
      ).status,
    ).toBe(403);
  });
});
