import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { expectProblem } from './support/expectations.js';
import {
  addProviderService,
  createServiceProduct,
  enrolProvider,
  insertDemoProvider,
  postCreated,
  UNKNOWN_ID,
} from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Json, Page, Problem } from './support/types.js';
import {
  ADMIN,
  CASE_WORKER,
  FACILITY_MANAGER,
  FINANCE,
  OPERATOR,
  PROVIDER_USER,
  RM,
  SUPERVISOR,
} from './support/users.js';

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);

  // PRV-3 registries used throughout: two categories with their types, a retired one, specialties.
  await postCreated(
    app,
    '/provider-categories',
    { code: 'foster-home', name: 'Foster home' },
    ADMIN,
  );
  for (const [code, name] of [
    ['traditional', 'Traditional foster home'],
    ['therapeutic', 'Therapeutic foster home'],
    ['emergency', 'Emergency foster home'],
  ]) {
    await postCreated(app, '/provider-categories/foster-home/types', { code, name }, ADMIN);
  }
  await postCreated(app, '/provider-categories', { code: 'day-care', name: 'Day care' }, ADMIN);
  await postCreated(
    app,
    '/provider-categories/day-care/types',
    { code: 'centre-based', name: 'Centre' },
    ADMIN,
  );
  await postCreated(app, '/provider-categories', { code: 'group-home', name: 'Group home' }, ADMIN);
  await postCreated(
    app,
    '/provider-categories/group-home/types',
    { code: 'small', name: 'Small' },
    ADMIN,
  );
  await postCreated(
    app,
    '/provider-categories/group-home/types',
    { code: 'large', name: 'Large' },
    ADMIN,
  );
  for (const [code, name] of [
    ['autism-support', 'Autism support'],
    ['spanish', 'Spanish speaking'],
    ['developmental-delay', 'Developmental delay'],
  ]) {
    await postCreated(app, '/specialties', { code, name }, ADMIN);
  }
});
afterAll(() => app?.close());

const classify = (providerId: string, body: Json, user = RM) =>
  app.request<Json & Problem>('PUT', `/providers/${providerId}/classification`, { user, body });

const addCentre = (providerId: string, body: Json, user = RM) =>
  app.request<Json & Problem>('POST', `/providers/${providerId}/service-centres`, { user, body });

const centreBody = {
  name: 'Riverside Clinic',
  addressLine1: '4 River Street',
  city: 'Springfield',
  postalCode: '12346',
  phone: '+1 555 0100',
  from: '2026-01-10',
};

describe('provider categories and types, specialties: the registries (PRV-3)', () => {
  it('PRV-3: administrators configure categories with their types; a type code is unique within its category only', async () => {
    const category = await app.request<Json>('GET', '/provider-categories/foster-home', {
      user: CASE_WORKER,
    });
    expect(category.status).toBe(200);
    expect(category.body).toMatchObject({ code: 'foster-home', name: 'Foster home', active: true });
    expect((category.body['types'] as Json[]).map((t) => t['code'])).toEqual([
      'emergency',
      'therapeutic',
      'traditional',
    ]);

    const duplicateCategory = await app.request<Problem>('POST', '/provider-categories', {
      user: ADMIN,
      body: { code: 'foster-home', name: 'Again' },
    });
    expectProblem(duplicateCategory, 409);
    expect(duplicateCategory.body.errors).toEqual([{ field: 'code', message: 'already in use' }]);

    // "small" exists in group-home; the same code in another category is a different type.
    await postCreated(
      app,
      '/provider-categories/day-care/types',
      { code: 'small', name: 'Small' },
      ADMIN,
    );
    const duplicateType = await app.request<Problem>(
      'POST',
      '/provider-categories/day-care/types',
      { user: ADMIN, body: { code: 'small', name: 'Small again' } },
    );
    expect(duplicateType).toMatchObject({ status: 409, body: { errors: [{ field: 'code' }] } });

    const types = await app.request<Page<Json>>('GET', '/provider-categories/day-care/types', {
      user: OPERATOR,
    });
    expect(types.body.items.map((t) => t['code'])).toEqual(['centre-based', 'small']);
  });

  it('PRV-3: categories are listed by name, filtered by name and active; codes are validated, unknown ones are 404', async () => {
    const active = await app.request<Page<Json>>(
      'GET',
      '/provider-categories?active=true&name=HOME',
      { user: RM },
    );
    expect(active.status).toBe(200);
    expect(active.body.items.map((c) => c['code'])).toEqual(
      expect.arrayContaining(['foster-home']),
    );

    const badCode = await app.request<Problem>('POST', '/provider-categories', {
      user: ADMIN,
      body: { code: 'Foster Home', name: 'Bad' },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors?.map((e) => e.field)).toEqual(['code']);

    for (const path of [
      '/provider-categories/no-such',
      '/provider-categories/no-such/types',
      '/provider-categories/foster-home/types/no-such',
      '/specialties/no-such',
    ]) {
      expect((await app.request('GET', path, { user: RM })).status).toBe(404);
    }
    const typeOfUnknown = await app.request('POST', '/provider-categories/no-such/types', {
      user: ADMIN,
      body: { code: 'x', name: 'X' },
    });
    expect(typeOfUnknown.status).toBe(404);
  });

  it('PRV-3: specialties are a registry of codes and names; administrators rename them', async () => {
    const renamed = await app.request<Json>('PATCH', '/specialties/spanish', {
      user: ADMIN,
      body: { name: 'Spanish-speaking household' },
    });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Spanish-speaking household' } });
    const list = await app.request<Page<Json>>('GET', '/specialties?name=spanish', {
      user: FINANCE,
    });
    expect(list.body.items.map((s) => s['code'])).toEqual(['spanish']);
    const duplicate = await app.request('POST', '/specialties', {
      user: ADMIN,
      body: { code: 'spanish', name: 'Again' },
    });
    expect(duplicate.status).toBe(409);
  });

  it('ROLE: only administrators write the registries; staff and operators read; a provider does not', async () => {
    const writes = await Promise.all([
      app.request('POST', '/provider-categories', { user: RM, body: { code: 'x', name: 'X' } }),
      app.request('PATCH', '/provider-categories/foster-home', {
        user: SUPERVISOR,
        body: { active: false },
      }),
      app.request('POST', '/provider-categories/foster-home/types', {
        user: FACILITY_MANAGER,
        body: { code: 'x', name: 'X' },
      }),
      app.request('POST', '/specialties', { user: OPERATOR, body: { code: 'x', name: 'X' } }),
      app.request('PATCH', '/specialties/spanish', { user: PROVIDER_USER, body: { name: 'X' } }),
    ]);
    expect(writes.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    const providerReads = await Promise.all([
      app.request('GET', '/provider-categories', { user: PROVIDER_USER }),
      app.request('GET', '/specialties', { user: PROVIDER_USER }),
    ]);
    expect(providerReads.map((r) => r.status)).toEqual([403, 403]);
    const staffReads = await Promise.all(
      [OPERATOR, CASE_WORKER, FINANCE].map((user) =>
        app.request('GET', '/provider-categories/foster-home/types', { user }),
      ),
    );
    expect(staffReads.map((r) => r.status)).toEqual([200, 200, 200]);
  });
});

describe("a provider's category and type (PRV-3)", () => {
  it('PRV-3: a provider is given a category and one of its types, shown with their names and announced once', async () => {
    const providerId = await enrolProvider(app, 'Hilltop Foster Home');
    const reply = await classify(providerId, {
      categoryCode: 'foster-home',
      typeCode: 'therapeutic',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      providerId,
      categoryCode: 'foster-home',
      categoryName: 'Foster home',
      typeCode: 'therapeutic',
      typeName: 'Therapeutic foster home',
    });
    const provider = await app.request<Json>('GET', `/providers/${providerId}`, { user: RM });
    expect(provider.body).toMatchObject({ categoryCode: 'foster-home', typeCode: 'therapeutic' });

    // The same classification again changes nothing and announces nothing.
    expect(
      (await classify(providerId, { categoryCode: 'foster-home', typeCode: 'therapeutic' })).status,
    ).toBe(200);
    // Clearing is a change.
    expect((await classify(providerId, { categoryCode: null })).body).toMatchObject({
      categoryCode: null,
      typeCode: null,
    });

    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.classified',
      'provider.classified',
    ]);
    expect(events[1]).toMatchObject({
      aggregateId: providerId,
      version: 1,
      actor: { userId: expect.any(String) },
      data: {
        providerId,
        categoryCode: 'foster-home',
        categoryName: 'Foster home',
        typeCode: 'therapeutic',
        typeName: 'Therapeutic foster home',
        previousCategoryCode: null,
        previousTypeCode: null,
      },
    });
    expect(events[2]?.data).toMatchObject({
      categoryCode: null,
      typeCode: null,
      previousCategoryCode: 'foster-home',
      previousTypeCode: 'therapeutic',
    });
  });

  it('PRV-3: the type must be a sub-classification of the category (422 naming PRV-3); refusals publish nothing', async () => {
    const providerId = await enrolProvider(app, 'Mismatched Home');
    const wrongType = await classify(providerId, {
      categoryCode: 'foster-home',
      typeCode: 'centre-based',
    });
    expectProblem(wrongType, 422, { rule: 'PRV-3' });

    const typeAlone = await classify(providerId, { categoryCode: null, typeCode: 'traditional' });
    expect(typeAlone).toMatchObject({ status: 422, body: { rule: 'PRV-3' } });

    const unknownCategory = await classify(providerId, { categoryCode: 'no-such' });
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.errors?.map((e) => e.field)).toEqual(['categoryCode']);

    const malformed = await classify(providerId, { categoryCode: 'Foster', typeCode: 7 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.field).sort()).toEqual(['categoryCode', 'typeCode']);

    const stored = await app.request<Json>('GET', `/providers/${providerId}/classification`, {
      user: RM,
    });
    expect(stored.body).toMatchObject({ categoryCode: null, typeCode: null });

    // Only now a valid one: the published events are the enrolment and this, nothing between.
    expect(
      (await classify(providerId, { categoryCode: 'day-care', typeCode: 'centre-based' })).status,
    ).toBe(200);
    await app.expectEvents(providerId, ['provider.enrolled', 'provider.classified']);
  });

  it('PRV-3: an inactive category cannot be newly assigned, but a provider that has it keeps it and may change its type', async () => {
    const keeper = await enrolProvider(app, 'Old Group Home');
    expect((await classify(keeper, { categoryCode: 'group-home', typeCode: 'small' })).status).toBe(
      200,
    );
    const deactivated = await app.request<Json>('PATCH', '/provider-categories/group-home', {
      user: ADMIN,
      body: { active: false },
    });
    expect(deactivated).toMatchObject({ status: 200, body: { active: false } });

    const newcomer = await enrolProvider(app, 'New Group Home');
    const refused = await classify(newcomer, { categoryCode: 'group-home', typeCode: 'small' });
    expect(refused).toMatchObject({ status: 422, body: { rule: 'PRV-3' } });

    const retyped = await classify(keeper, { categoryCode: 'group-home', typeCode: 'large' });
    expect(retyped).toMatchObject({ status: 200, body: { typeCode: 'large' } });

    await app.expectEvents(newcomer, ['provider.enrolled']);
    await app.expectEvents(keeper, [
      'provider.enrolled',
      'provider.classified',
      'provider.classified',
    ]);
  });
});

describe("a provider's specialties (PRV-3)", () => {
  it('PRV-3: specialties from the registry are added, listed and removed, each change announced with the full set', async () => {
    const providerId = await enrolProvider(app, 'Bright Futures Therapy');
    const added = await app.request<Json>('POST', `/providers/${providerId}/specialties`, {
      user: RM,
      body: { specialtyCode: 'autism-support' },
    });
    expect(added).toMatchObject({
      status: 201,
      body: { code: 'autism-support', name: 'Autism support', addedBy: expect.any(String) },
    });
    await postCreated(
      app,
      `/providers/${providerId}/specialties`,
      { specialtyCode: 'developmental-delay' },
      SUPERVISOR,
    );

    const list = await app.request<Page<Json>>('GET', `/providers/${providerId}/specialties`, {
      user: CASE_WORKER,
    });
    expect(list.body.items.map((s) => s['code'])).toEqual([
      'autism-support',
      'developmental-delay',
    ]);
    expect(list.body.total).toBe(2);

    const removed = await app.request(
      'DELETE',
      `/providers/${providerId}/specialties/autism-support`,
      {
        user: FACILITY_MANAGER,
      },
    );
    expect(removed.status).toBe(204);
    const again = await app.request<Problem>(
      'DELETE',
      `/providers/${providerId}/specialties/autism-support`,
      { user: RM },
    );
    expect(again.status).toBe(404);

    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.specialties-changed',
      'provider.specialties-changed',
      'provider.specialties-changed',
    ]);
    expect(events.slice(1).map((e) => e.data)).toEqual([
      { providerId, added: ['autism-support'], removed: [], specialtyCodes: ['autism-support'] },
      {
        providerId,
        added: ['developmental-delay'],
        removed: [],
        specialtyCodes: ['autism-support', 'developmental-delay'],
      },
      {
        providerId,
        added: [],
        removed: ['autism-support'],
        specialtyCodes: ['developmental-delay'],
      },
    ]);
  });

  it('PRV-3: a specialty the provider has already, or one the registry does not know, is refused and announces nothing', async () => {
    const providerId = await enrolProvider(app, 'Careful Carers');
    await postCreated(app, `/providers/${providerId}/specialties`, { specialtyCode: 'spanish' });
    const twice = await app.request<Problem>('POST', `/providers/${providerId}/specialties`, {
      user: RM,
      body: { specialtyCode: 'spanish' },
    });
    expect(twice).toMatchObject({
      status: 409,
      body: { errors: [{ field: 'specialtyCode' }] },
    });
    const unknown = await app.request<Problem>('POST', `/providers/${providerId}/specialties`, {
      user: RM,
      body: { specialtyCode: 'no-such' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((e) => e.field)).toEqual(['specialtyCode']);
    await app.expectEvents(providerId, ['provider.enrolled', 'provider.specialties-changed']);
  });
});

describe("a provider's service centres (PRV-3)", () => {
  it('PRV-3: a service centre is added, changed and closed — each announced once; a no-op change announces nothing', async () => {
    const providerId = await enrolProvider(app, 'Riverside Physiotherapy');
    const centre = await addCentre(providerId, centreBody);
    expect(centre.status).toBe(201);
    expect(centre.body).toMatchObject({
      ...centreBody,
      providerId,
      addressLine2: null,
      to: null,
      status: 'open',
    });
    const centreId = centre.body['id'] as string;
    const path = `/providers/${providerId}/service-centres/${centreId}`;

    const changed = await app.request<Json>('PATCH', path, {
      user: FACILITY_MANAGER,
      body: { phone: '+1 555 0199', city: 'Shelbyville' },
    });
    expect(changed).toMatchObject({
      status: 200,
      body: { phone: '+1 555 0199', city: 'Shelbyville' },
    });
    const unchanged = await app.request('PATCH', path, {
      user: RM,
      body: { phone: '+1 555 0199' },
    });
    expect(unchanged.status).toBe(200);

    const closed = await app.request<Json>('POST', `${path}/close`, {
      user: SUPERVISOR,
      body: { to: '2026-06-30', reason: 'Lease ended' },
    });
    expect(closed).toMatchObject({
      status: 200,
      body: { to: '2026-06-30', status: 'closed', closeReason: 'Lease ended' },
    });

    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider-service-centre.added',
      'provider-service-centre.updated',
      'provider-service-centre.closed',
    ]);
    expect(events[1]?.data).toMatchObject({
      serviceCentreId: centreId,
      name: 'Riverside Clinic',
      to: null,
    });
    expect(events[2]?.data).toMatchObject({
      serviceCentreId: centreId,
      phone: '+1 555 0199',
      changedFields: ['city', 'phone'],
    });
    expect(events[3]?.data).toMatchObject({ to: '2026-06-30', reason: 'Lease ended' });
  });

  it('PRV-3: a closed centre is not closed again nor changed (409 naming PRV-3); it cannot close before it opened; refusals publish nothing', async () => {
    const providerId = await enrolProvider(app, 'Eastside Clinics');
    const centreId = (await addCentre(providerId, centreBody)).body['id'] as string;
    const path = `/providers/${providerId}/service-centres/${centreId}`;

    const tooEarly = await app.request<Problem>('POST', `${path}/close`, {
      user: RM,
      body: { to: '2026-01-09' },
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.errors?.map((e) => e.field)).toEqual(['to']);

    expect(
      (await app.request('POST', `${path}/close`, { user: RM, body: { to: '2026-03-31' } })).status,
    ).toBe(200);
    const twice = await app.request<Problem>('POST', `${path}/close`, {
      user: RM,
      body: { to: '2026-04-30' },
    });
    expect(twice).toMatchObject({ status: 409, body: { rule: 'PRV-3' } });
    const change = await app.request<Problem>('PATCH', path, { user: RM, body: { name: 'New' } });
    expect(change).toMatchObject({ status: 409, body: { rule: 'PRV-3' } });

    const bad = await addCentre(providerId, { name: '', from: '2026-02-30', phone: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['from', 'name', 'phone']);

    await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider-service-centre.added',
      'provider-service-centre.closed',
    ]);
  });

  it('PRV-3: centres are listed by name and by the day they are open', async () => {
    const providerId = await enrolProvider(app, 'Multi-site Therapy');
    await addCentre(providerId, { name: 'North Clinic', from: '2026-01-01' });
    const south = await addCentre(providerId, { name: 'South Clinic', from: '2026-03-01' });
    await app.request(
      'POST',
      `/providers/${providerId}/service-centres/${south.body['id']}/close`,
      {
        user: RM,
        body: { to: '2026-05-31' },
      },
    );
    const names = async (query: string) =>
      (
        await app.request<Page<Json>>('GET', `/providers/${providerId}/service-centres${query}`, {
          user: OPERATOR,
        })
      ).body.items.map((c) => c['name']);
    expect(await names('')).toEqual(['North Clinic', 'South Clinic']);
    expect(await names('?activeOn=2026-02-01')).toEqual(['North Clinic']);
    expect(await names('?activeOn=2026-05-31')).toEqual(['North Clinic', 'South Clinic']);
    expect(await names('?activeOn=2026-06-01')).toEqual(['North Clinic']);
    expect(await names('?name=south')).toEqual(['South Clinic']);
  });
});

describe('who may see and change what (ROLE, ROLE-2, SS-3)', () => {
  it("ROLE-2/SS-3: a provider's token reads its own classification, specialties and centres, and gets 404 for another provider's", async () => {
    await classify(DEMO_PROVIDER_ID, { categoryCode: 'day-care', typeCode: 'centre-based' });
    await postCreated(app, `/providers/${DEMO_PROVIDER_ID}/specialties`, {
      specialtyCode: 'spanish',
    });
    const centreId = (await addCentre(DEMO_PROVIDER_ID, centreBody)).body['id'] as string;
    const other = await enrolProvider(app, 'Somebody Else');
    const otherCentre = (await addCentre(other, centreBody)).body['id'] as string;

    const own = await Promise.all(
      ['classification', 'specialties', 'service-centres', `service-centres/${centreId}`].map(
        (tail) =>
          app.request<Json>('GET', `/providers/${DEMO_PROVIDER_ID}/${tail}`, {
            user: PROVIDER_USER,
          }),
      ),
    );
    expect(own.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(own[0]?.body).toMatchObject({ categoryCode: 'day-care' });

    const foreign = await Promise.all(
      ['classification', 'specialties', 'service-centres', `service-centres/${otherCentre}`].map(
        (tail) => app.request('GET', `/providers/${other}/${tail}`, { user: PROVIDER_USER }),
      ),
    );
    expect(foreign.map((r) => r.status)).toEqual([404, 404, 404, 404]);

    // ROLE-2: search shows a provider only itself, whatever it asks for.
    const search = await app.request<Page<Json>>('GET', '/providers?category=day-care', {
      user: PROVIDER_USER,
    });
    expect(search.body.items.map((p) => p['id'])).toEqual([DEMO_PROVIDER_ID]);
  });

  it('ROLE: a provider, case workers, finance users and operators cannot change classification, specialties or centres (403)', async () => {
    const providerId = await enrolProvider(app, 'Guarded Home');
    const centreId = (await addCentre(providerId, centreBody)).body['id'] as string;
    const attempts = [PROVIDER_USER, CASE_WORKER, FINANCE, OPERATOR, ADMIN].flatMap((user) => [
      classify(providerId, { categoryCode: 'foster-home' }, user),
      app.request('POST', `/providers/${providerId}/specialties`, {
        user,
        body: { specialtyCode: 'spanish' },
      }),
      app.request('DELETE', `/providers/${providerId}/specialties/spanish`, { user }),
      addCentre(providerId, centreBody, user),
      app.request('PATCH', `/providers/${providerId}/service-centres/${centreId}`, {
        user,
        body: { name: 'X' },
      }),
      app.request('POST', `/providers/${providerId}/service-centres/${centreId}/close`, {
        user,
        body: { to: '2026-12-31' },
      }),
    ]);
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([403]));
    await app.expectEvents(providerId, ['provider.enrolled', 'provider-service-centre.added']);
  });

  it('unknown providers, centres and specialties are 404; malformed ids are 400 naming the parameter', async () => {
    const providerId = await enrolProvider(app, 'Lookup Home');
    const statuses = await Promise.all([
      classify(UNKNOWN_ID, { categoryCode: 'foster-home' }),
      app.request('GET', `/providers/${UNKNOWN_ID}/classification`, { user: RM }),
      app.request('GET', `/providers/${UNKNOWN_ID}/specialties`, { user: RM }),
      app.request('POST', `/providers/${UNKNOWN_ID}/specialties`, {
        user: RM,
        body: { specialtyCode: 'spanish' },
      }),
      app.request('GET', `/providers/${UNKNOWN_ID}/service-centres`, { user: RM }),
      addCentre(UNKNOWN_ID, centreBody),
      app.request('GET', `/providers/${providerId}/service-centres/${UNKNOWN_ID}`, { user: RM }),
      app.request('PATCH', `/providers/${providerId}/service-centres/${UNKNOWN_ID}`, {
        user: RM,
        body: { name: 'X' },
      }),
      app.request('POST', `/providers/${providerId}/service-centres/${UNKNOWN_ID}/close`, {
        user: RM,
        body: { to: '2026-12-31' },
      }),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);

    const malformed = await app.request<Problem>('GET', '/providers/not-a-uuid/service-centres', {
      user: RM,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.field)).toEqual(['providerId']);
  });
});

describe('provider search (PRV-3)', () => {
  it('PRV-3: providers are found by category, type, specialty and service, combined with name, status, city and pagination', async () => {
    // "Quokka" keeps this test's providers apart from the rest of the suite's.
    const a = await enrolProvider(app, 'Quokka Foster Care North', {
      details: { city: 'Springfield' },
    });
    const b = await enrolProvider(app, 'Quokka Foster Care South', {
      details: { city: 'Shelbyville' },
    });
    const c = await enrolProvider(app, 'Quokka Day Nursery', { details: { city: 'Springfield' } });
    await enrolProvider(app, 'Quokka Unclassified', { details: { city: 'Springfield' } });
    await classify(a, { categoryCode: 'foster-home', typeCode: 'traditional' });
    await classify(b, { categoryCode: 'foster-home', typeCode: 'emergency' });
    await classify(c, { categoryCode: 'day-care', typeCode: 'centre-based' });
    await postCreated(app, `/providers/${a}/specialties`, { specialtyCode: 'autism-support' });
    await postCreated(app, `/providers/${c}/specialties`, { specialtyCode: 'autism-support' });
    await postCreated(app, `/providers/${b}/specialties`, { specialtyCode: 'developmental-delay' });
    await app.request('POST', `/providers/${b}/lifecycle`, {
      user: RM,
      body: { action: 'approve' },
    });

    // PRV-6: services from the registry, added to providers.
    const productId = await createServiceProduct(app, {
      name: 'Quokka respite care',
      unitOfMeasure: 'session',
      attendanceTracking: {},
    });
    for (const providerId of [a, c]) {
      await addProviderService(app, providerId, {
        serviceProductId: productId,
        from: '2026-01-01',
      });
    }

    const search = async (query: string, byName = 'name=quokka&') => {
      const reply = await app.request<Page<Json>>('GET', `/providers?${byName}${query}`, {
        user: CASE_WORKER,
      });
      expect(reply.status).toBe(200);
      return { names: reply.body.items.map((p) => p['name']), total: reply.body.total };
    };
    expect((await search('category=foster-home')).names).toEqual([
      'Quokka Foster Care North',
      'Quokka Foster Care South',
    ]);
    expect((await search('category=foster-home&type=emergency')).names).toEqual([
      'Quokka Foster Care South',
    ]);
    expect((await search('specialty=autism-support')).names).toEqual([
      'Quokka Day Nursery',
      'Quokka Foster Care North',
    ]);
    expect((await search(`serviceProductId=${productId}`)).names).toEqual([
      'Quokka Day Nursery',
      'Quokka Foster Care North',
    ]);
    expect(
      (
        await search(
          `serviceProductId=${productId}&specialty=autism-support&city=SPRING&category=day-care`,
        )
      ).names,
    ).toEqual(['Quokka Day Nursery']);
    expect((await search('status=approved&category=foster-home')).names).toEqual([
      'Quokka Foster Care South',
    ]);
    expect((await search('specialty=spanish')).names).toEqual([]);
    expect(await search('category=foster-home&limit=1&offset=1')).toEqual({
      names: ['Quokka Foster Care South'],
      total: 2,
    });
    // "Contains", case-insensitive; LIKE wildcards are literal.
    expect((await search('name=ARE%20SOU', '')).names).toEqual(['Quokka Foster Care South']);
    expect((await search('name=quokka%25', '')).total).toBe(0);
  });

  it('PRV-3: a type filter needs its category; malformed filters are 400 naming the parameter', async () => {
    const reply = await app.request<Problem>('GET', '/providers?type=emergency', { user: RM });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.map((e) => e.field)).toEqual(['type']);
    const malformed = await app.request<Problem>(
      'GET',
      '/providers?serviceProductId=nope&specialty=Not%20A%20Code',
      { user: RM },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.field).sort()).toEqual([
      'serviceProductId',
      'specialty',
    ]);
  });
});
