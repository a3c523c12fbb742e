import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { eventually } from '@platform/testing';
import { expireLicence } from '../src/activities/licence-renewal.activities.js';
import { openProvidersDatabase } from '../src/database.js';
import {
  activeContract,
  contractParty,
  createContract,
  createLicenceType,
  fixedFeeContract,
  issueContract,
  type ContractBody,
} from './support/contract-fixtures.js';
import { expectProblem, withoutEvents } from './support/expectations.js';
import { postCreated, uniqueName } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Page, Problem } from './support/types.js';
import { FINANCE, RM } from './support/users.js';

/** CTR-2 / WF-2: a licence that expires flags the active contracts requiring its type. */

let app: ProvidersApp;
let orm: MikroORM;

beforeAll(async () => {
  app = await startProvidersApp();
  orm = await openProvidersDatabase(app.databaseUrl);
});

afterAll(async () => {
  await orm?.close();
  await app?.close();
});

const view = async (id: string) =>
  (await app.request<ContractBody>('GET', `/contracts/${id}`, { user: FINANCE })).body;

/** CRD-2: an approved licence of the type for the first half of 2026, covering the service. */
async function approvedLicence(providerId: string, serviceId: string, licenceTypeId: string) {
  const licence = await postCreated<{ id: string }>(app, `/providers/${providerId}/licences`, {
    licenceTypeId,
    number: `FC-${randomUUID().slice(0, 6)}`,
    issuingAuthority: 'State Department of Children and Families',
    from: '2026-01-01',
    to: '2026-06-30',
    providerServiceIds: [serviceId],
  });
  const approved = await app.request(
    'POST',
    `/providers/${providerId}/licences/${licence.id}/approve`,
    {
      user: RM,
      body: {},
    },
  );
  expect(approved.status).toBe(200);
  return licence.id;
}

describe('licence expiry flags contracts (CTR-2, WF-2)', () => {
  it('CTR-2: licence.expired flags only the active contracts of the provider that require its type, once; a resource manager resolves the flag', async () => {
    const required = await createLicenceType(app, 'Foster care licence');
    const unrelated = await createLicenceType(app, 'Respite licence');
    const { providerId, serviceId } = await contractParty(app, 'Expiring Home');
    const other = await contractParty(app, 'Other Home');
    const licenceId = await approvedLicence(providerId, serviceId, required.id);

    const requiring = { requiredLicenceTypeCodes: [required.code] };
    const flagged = await activeContract(app, fixedFeeContract(providerId, serviceId, requiring));
    const otherType = await activeContract(
      app,
      fixedFeeContract(providerId, serviceId, { requiredLicenceTypeCodes: [unrelated.code] }),
    );
    const issued = await createContract(app, fixedFeeContract(providerId, serviceId, requiring));
    await issueContract(app, issued.id);
    const otherProvider = await activeContract(
      app,
      fixedFeeContract(other.providerId, other.serviceId, requiring),
    );

    await expireLicence(orm, { licenceId, onDate: '2026-07-01', workflowId: 'licence/test' });

    const flags = await eventually(async () => {
      const { openFlags } = await view(flagged.id);
      expect(openFlags).toHaveLength(1);
      return openFlags;
    });
    expect(flags[0]).toMatchObject({
      licenceId,
      licenceTypeCode: required.code,
      since: '2026-07-01',
    });
    for (const untouched of [otherType, issued, otherProvider]) {
      expect((await view(untouched.id)).openFlags).toEqual([]);
    }
    const events = await app.expectEvents(flagged.id, [
      'contract.created',
      'contract.issued',
      'contract.flagged',
    ]);
    expect(events[2]?.data).toMatchObject({
      contractId: flagged.id,
      flagId: flags[0]?.id,
      kind: 'licence-expired',
      licenceId,
      licenceTypeCode: required.code,
      since: '2026-07-01',
    });
    const list = await app.request<Page<{ id: string }>>(
      'GET',
      `/contracts?providerId=${providerId}&flagged=true`,
      { user: FINANCE },
    );
    expect(list.body.items.map((item) => item.id)).toEqual([flagged.id]);

    const path = `/contracts/${flagged.id}/flags/${flags[0]?.id}/resolve`;
    expect(
      (await app.request('POST', path, { user: FINANCE, body: { resolution: 'x' } })).status,
    ).toBe(403);
    const resolved = await app.request<ContractBody>('POST', path, {
      user: RM,
      body: { resolution: 'Licence renewed under a new number' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.openFlags).toEqual([]);
    await withoutEvents(app, async () => {
      expectProblem(
        await app.request<Problem>('POST', path, { user: RM, body: { resolution: 'again' } }),
        409,
        { rule: 'CTR-2' },
      );
    });
  });

  it('CTR-2: a group contract binding the provider whose licence expired is flagged as well', async () => {
    const required = await createLicenceType(app, 'Group care licence');
    const lead = await contractParty(app, 'Group Lead');
    const bound = await contractParty(app, 'Group Member');
    const group = await postCreated<{ id: string }>(app, '/provider-groups', {
      name: uniqueName('Care Network'),
    });
    for (const providerId of [lead.providerId, bound.providerId]) {
      await postCreated(app, `/provider-groups/${group.id}/affiliations`, {
        providerId,
        startDate: '2025-01-01',
        paymentsToGroup: false,
      });
    }
    const licenceId = await approvedLicence(bound.providerId, bound.serviceId, required.id);
    const groupContract = await activeContract(
      app,
      fixedFeeContract(lead.providerId, lead.serviceId, {
        providerGroupId: group.id,
        boundProviderIds: [bound.providerId],
        coveredProviderServiceIds: [lead.serviceId, bound.serviceId],
        requiredLicenceTypeCodes: [required.code],
      }),
    );
    await expireLicence(orm, { licenceId, onDate: '2026-07-01', workflowId: 'licence/group' });
    await eventually(async () => {
      expect((await view(groupContract.id)).openFlags).toEqual([
        expect.objectContaining({ licenceId, since: '2026-07-01' }),
      ]);
    });
  });
});
