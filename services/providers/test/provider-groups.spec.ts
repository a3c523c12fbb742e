import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectForbiddenFor } from './support/expectations.js';
import { enrolProvider, postCreated, UNKNOWN_ID } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import { RM } from './support/users.js';

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
});
afterAll(() => app?.close());

const enrolGroup = (name: string) => postCreated<{ id: string }>(app, '/provider-groups', { name });

async function payee(providerId: string, date: string, user = RM) {
  return app.request<{ type: string; groupId?: string }>(
    'GET',
    `/providers/${providerId}/payee?date=${date}`,
    { user },
  );
}

describe('provider groups and affiliations (PRV-4)', () => {
  it('PRV-4: a group is enrolled directly, closed with a reason, reopened — each announced once', async () => {
    const group = await enrolGroup('Northside Foster Care Network');
    const noReason = await app.request('POST', `/provider-groups/${group.id}/lifecycle`, {
      user: RM,
      body: { action: 'close' },
    });
    expect(noReason.status).toBe(400);
    for (const body of [{ action: 'close', reason: 'Merged' }, { action: 'reopen' }]) {
      const response = await app.request('POST', `/provider-groups/${group.id}/lifecycle`, {
        user: RM,
        body,
      });
      expect(response.status).toBe(200);
    }
    const again = await app.request<{ rule: string }>(
      'POST',
      `/provider-groups/${group.id}/lifecycle`,
      { user: RM, body: { action: 'reopen' } },
    );
    expect(again).toMatchObject({ status: 409, body: { rule: 'PRV-4' } });
    await app.expectEvents(group.id, [
      'provider-group.enrolled',
      'provider-group.closed',
      'provider-group.reopened',
    ]);
  });

  it('PRV-4: a closed group takes no new affiliations, and one provider is affiliated once per period', async () => {
    const group = await enrolGroup('Closing Network');
    const providerId = await enrolProvider(app, 'Affiliated Home');
    await postCreated(app, `/provider-groups/${group.id}/affiliations`, {
      providerId,
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      paymentsToGroup: false,
    });
    const overlapping = await app.request<{ rule: string }>(
      'POST',
      `/provider-groups/${group.id}/affiliations`,
      {
        user: RM,
        body: { providerId, startDate: '2026-06-01', paymentsToGroup: false },
      },
    );
    expect(overlapping).toMatchObject({ status: 409, body: { rule: 'PRV-4' } });

    await app.request('POST', `/provider-groups/${group.id}/lifecycle`, {
      user: RM,
      body: { action: 'close', reason: 'Dissolved' },
    });
    const refused = await app.request<{ rule: string }>(
      'POST',
      `/provider-groups/${group.id}/affiliations`,
      {
        user: RM,
        body: { providerId, startDate: '2026-08-01', paymentsToGroup: false },
      },
    );
    expect(refused).toMatchObject({ status: 409, body: { rule: 'PRV-4' } });
  });
});

describe('payment direction history (PRV-5)', () => {
  it('PRV-5: "who is the payee on date D" follows the dated history, and each change is announced on the provider', async () => {
    const group = await enrolGroup('Eastside Therapy Collective');
    const providerId = await enrolProvider(app, 'Eastside Speech Therapy');
    const affiliation = await postCreated<{ id: string }>(
      app,
      `/provider-groups/${group.id}/affiliations`,
      {
        providerId,
        startDate: '2026-01-01',
        paymentsToGroup: false,
      },
    );
    const change = await app.request(
      'POST',
      `/provider-groups/${group.id}/affiliations/${affiliation.id}/payment-direction`,
      { user: RM, body: { effectiveFrom: '2026-03-01', paymentsToGroup: true } },
    );
    expect(change.status).toBe(200);

    expect((await payee(providerId, '2026-02-28')).body).toMatchObject({ type: 'provider' });
    expect((await payee(providerId, '2026-03-01')).body).toMatchObject({
      type: 'group',
      groupId: group.id,
    });
    expect((await payee(providerId, '2025-12-31')).body).toMatchObject({ type: 'provider' });

    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.payment-direction-changed',
      'provider.payment-direction-changed',
    ]);
    expect(events.slice(1).map((e) => e.data)).toEqual([
      expect.objectContaining({ effectiveFrom: '2026-01-01', paymentsToGroup: false }),
      expect.objectContaining({
        effectiveFrom: '2026-03-01',
        paymentsToGroup: true,
        groupId: group.id,
      }),
    ]);
  });

  it("PRV-5: a provider's payments cannot go to two groups on the same day; nothing is recorded", async () => {
    const providerId = await enrolProvider(app, 'Shared Home');
    const first = await enrolGroup('First Network');
    const second = await enrolGroup('Second Network');
    await postCreated(app, `/provider-groups/${first.id}/affiliations`, {
      providerId,
      startDate: '2026-01-01',
      paymentsToGroup: true,
    });
    const conflicting = await app.request<{ rule: string }>(
      'POST',
      `/provider-groups/${second.id}/affiliations`,
      {
        user: RM,
        body: { providerId, startDate: '2026-05-01', paymentsToGroup: true },
      },
    );
    expect(conflicting).toMatchObject({ status: 409, body: { rule: 'PRV-5' } });
    const affiliations = await app.request<unknown[]>(
      'GET',
      `/provider-groups/${second.id}/affiliations`,
      { user: RM },
    );
    expect(affiliations.body).toEqual([]);
    await app.expectEvents(providerId, ['provider.enrolled', 'provider.payment-direction-changed']);
  });

  it('PRV-5: a direction change outside the affiliation period names the field', async () => {
    const group = await enrolGroup('Bounded Network');
    const providerId = await enrolProvider(app, 'Bounded Home');
    const affiliation = await postCreated<{ id: string }>(
      app,
      `/provider-groups/${group.id}/affiliations`,
      {
        providerId,
        startDate: '2026-01-01',
        endDate: '2026-03-31',
        paymentsToGroup: false,
      },
    );
    const response = await app.request<{ errors: { field: string }[] }>(
      'POST',
      `/provider-groups/${group.id}/affiliations/${affiliation.id}/payment-direction`,
      { user: RM, body: { effectiveFrom: '2026-05-01', paymentsToGroup: true } },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.field)).toEqual(['effectiveFrom']);
  });
});

describe('who may manage groups (ROLE)', () => {
  it('ROLE: case workers and operators may read groups but not change them; bad input is a 4xx', async () => {
    const group = await enrolGroup('Role Network');
    expect(
      (await app.request('GET', `/provider-groups/${group.id}`, { user: 'cw.chen' })).status,
    ).toBe(200);
    await expectForbiddenFor(['cw.chen', 'ops.omar', 'provider.sunrise'], (user) =>
      app.request('POST', '/provider-groups', { user, body: { name: 'X' } }),
    );
    expect(
      (
        await app.request('POST', `/provider-groups/${group.id}/affiliations`, {
          user: RM,
          body: { providerId: group.id, startDate: '2026-02-30', paymentsToGroup: 'yes' },
        })
      ).status,
    ).toBe(400);
    expect((await payee(group.id, 'tomorrow')).status).toBe(400);
    expect((await payee(UNKNOWN_ID, '2026-01-01')).status).toBe(404);
  });
});
