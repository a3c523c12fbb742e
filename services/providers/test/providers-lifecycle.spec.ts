import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { insertDemoProvider, postCreated } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import { RM } from './support/users.js';

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
});
afterAll(() => app?.close());

type ProviderBody = { id: string; status: string; designatedCapacity: number | null };

function enrol(name = 'Hilltop Foster Home'): Promise<ProviderBody> {
  return postCreated<ProviderBody>(app, '/providers', {
    name,
    city: 'Springfield',
    physicalCapacity: 4,
    designatedCapacity: 3,
  });
}

async function lifecycle(id: string, action: string, reason?: string, user = RM) {
  return app.request<{ status: string; rule?: string; errors?: { field: string }[] }>(
    'POST',
    `/providers/${id}/lifecycle`,
    { user, body: { action, ...(reason ? { reason } : {}) } },
  );
}

describe('provider enrolment (PRV-3)', () => {
  it('PRV-3: enrolment stores the details and announces provider.enrolled once', async () => {
    const provider = await enrol();
    expect(provider).toMatchObject({ status: 'enrolled', designatedCapacity: 3 });
    const [enrolled] = await app.expectEvents(provider.id, ['provider.enrolled']);
    expect(enrolled).toMatchObject({
      version: 1,
      actor: { userId: RM },
      data: { providerId: provider.id, name: 'Hilltop Foster Home', fromInquiryId: null },
    });
  });

  it('PRV-3: designated capacity above physical capacity is refused, naming the field, with no event', async () => {
    const before = app.events.messages.length;
    const response = await app.request<{ errors: { field: string; message: string }[] }>(
      'POST',
      '/providers',
      { user: RM, body: { name: 'Too Small', physicalCapacity: 2, designatedCapacity: 5 } },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'designatedCapacity', message: expect.stringContaining('PRV-3') },
    ]);

    const provider = await enrol('Lakeside Group Home');
    const update = await app.request<{ rule: string }>('PATCH', `/providers/${provider.id}`, {
      user: RM,
      body: { designatedCapacity: 9 },
    });
    expect(update).toMatchObject({ status: 422, body: { rule: 'PRV-3' } });
    await app.expectEvents(provider.id, ['provider.enrolled']);
    expect(app.events.messages.slice(before).every((m) => !m.value?.includes('Too Small'))).toBe(
      true,
    );
  });
});

describe('provider lifecycle over HTTP (PRV-1)', () => {
  it('PRV-1: approve, suspend with a reason, reinstate, close, reopen — each move announced once and kept in the history', async () => {
    const { id } = await enrol('Sunrise Day Care');
    expect((await lifecycle(id, 'approve')).body.status).toBe('approved');
    expect((await lifecycle(id, 'suspend', 'Licence under investigation')).body.status).toBe(
      'suspended',
    );
    expect((await lifecycle(id, 'reinstate')).body.status).toBe('approved');
    expect((await lifecycle(id, 'close', 'Retired')).body.status).toBe('closed');
    expect((await lifecycle(id, 'reopen')).body.status).toBe('reopened');

    const events = await app.expectEvents(id, [
      'provider.enrolled',
      'provider.approved',
      'provider.suspended',
      'provider.approved',
      'provider.closed',
      'provider.reopened',
    ]);
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ providerId: id }),
      { providerId: id, previousStatus: 'enrolled', reason: null },
      { providerId: id, previousStatus: 'approved', reason: 'Licence under investigation' },
      { providerId: id, previousStatus: 'suspended', reason: null },
      { providerId: id, previousStatus: 'approved', reason: 'Retired' },
      { providerId: id, previousStatus: 'closed', reason: null },
    ]);

    const history = await app.request<{ action: string; toStatus: string; actor: string }[]>(
      'GET',
      `/providers/${id}/status-history`,
      { user: 'ops.omar' },
    );
    expect(history.body.map((h) => `${h.action}→${h.toStatus}`)).toEqual([
      'enrol→enrolled',
      'approve→approved',
      'suspend→suspended',
      'reinstate→approved',
      'close→closed',
      'reopen→reopened',
    ]);
    expect(new Set(history.body.map((h) => h.actor))).toEqual(new Set([RM]));
  });

  it('PRV-1: an illegal move gets 409 naming the rule, and changes nothing', async () => {
    const { id } = await enrol('Closed Early');
    await lifecycle(id, 'close', 'Duplicate record');
    const refused = await lifecycle(id, 'approve');
    expect(refused).toMatchObject({ status: 409, body: { rule: 'PRV-1' } });
    expect(refused.contentType).toContain('application/problem+json');
    await app.expectEvents(id, ['provider.enrolled', 'provider.closed']);
    const provider = await app.request<{ status: string }>('GET', `/providers/${id}`, { user: RM });
    expect(provider.body.status).toBe('closed');
  });

  it('PRV-1: suspending without a reason is a 400 naming the reason field, with no event', async () => {
    const { id } = await enrol('No Reason Given');
    await lifecycle(id, 'approve');
    const refused = await lifecycle(id, 'suspend');
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.field)).toEqual(['reason']);
    await app.expectEvents(id, ['provider.enrolled', 'provider.approved']);
  });
});

describe('who may see and change providers (ROLE, ROLE-2)', () => {
  it('ROLE: a case worker may read but not enrol or approve providers', async () => {
    const { id } = await enrol('Role Check Home');
    expect((await app.request('GET', `/providers/${id}`, { user: 'cw.chen' })).status).toBe(200);
    expect(
      (await app.request('POST', '/providers', { user: 'cw.chen', body: { name: 'X' } })).status,
    ).toBe(403);
    expect((await lifecycle(id, 'approve', undefined, 'cw.chen')).status).toBe(403);
    expect(
      (await app.request('PATCH', `/providers/${id}`, { user: 'ops.omar', body: { name: 'Y' } }))
        .status,
    ).toBe(403);
  });

  it("ROLE-2: a provider's token sees its own record and gets 404 for anyone else's", async () => {
    await insertDemoProvider(app);
    const other = await enrol('Someone Else');

    const own = await app.request<{ id: string }>('GET', `/providers/${DEMO_PROVIDER_ID}`, {
      user: 'provider.sunrise',
    });
    expect(own).toMatchObject({ status: 200, body: { id: DEMO_PROVIDER_ID } });
    const foreign = await app.request('GET', `/providers/${other.id}`, {
      user: 'provider.sunrise',
    });
    expect(foreign.status).toBe(404);
    const history = await app.request('GET', `/providers/${other.id}/status-history`, {
      user: 'provider.sunrise',
    });
    expect(history.status).toBe(404);
    const list = await app.request<{ items: { id: string }[]; total: number }>(
      'GET',
      '/providers',
      {
        user: 'provider.sunrise',
      },
    );
    expect(list.body.items.map((p) => p.id)).toEqual([DEMO_PROVIDER_ID]);
    expect(list.body.total).toBe(1);
  });
});

describe('provider lists', () => {
  it('filters by a case-insensitive part of the name and by status, with pagination', async () => {
    const a = await enrol('Maple Street Shelter');
    await enrol('Maple Grove Therapy');
    await enrol('Oak Therapy');
    await lifecycle(a.id, 'approve');

    const maple = await app.request<{ items: { name: string }[]; total: number }>(
      'GET',
      '/providers?name=maple&limit=1',
      { user: RM },
    );
    expect(maple.body.total).toBe(2);
    expect(maple.body.items.map((p) => p.name)).toEqual(['Maple Grove Therapy']);
    const approvedMaple = await app.request<{ items: { name: string }[] }>(
      'GET',
      '/providers?name=MAPLE&status=approved',
      { user: RM },
    );
    expect(approvedMaple.body.items.map((p) => p.name)).toEqual(['Maple Street Shelter']);
    const wildcard = await app.request<{ total: number }>('GET', '/providers?name=%25', {
      user: RM,
    });
    expect(wildcard.body.total).toBe(0);
    expect((await app.request('GET', '/providers?status=dormant', { user: RM })).status).toBe(400);
  });

  it('unknown ids get 404, and a malformed id 400 naming the id parameter', async () => {
    expect(
      (await app.request('GET', '/providers/6f1c1f43-0000-4000-8000-000000000000', { user: RM }))
        .status,
    ).toBe(404);
    const malformed = await app.request<{ errors: { field: string }[] }>('GET', '/providers/42', {
      user: RM,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e) => e.field)).toEqual(['id']);
  });
});
