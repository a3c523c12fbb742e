import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import {
  Contract,
  ContractDocument,
  type ContractRecord,
} from '../src/contracts/contract.entities.js';
import { openProvidersDatabase } from '../src/database.js';
import {
  partyWithLicence,
  createContractWorld,
  issuedContractRecord,
  type ContractParty,
  type ContractWorld,
} from './support/contract-records.js';
import { expectForbiddenFor, expectProblem, withoutEvents } from './support/expectations.js';
import { insertDemoProvider, UNKNOWN_ID } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import { PROVIDER_USER, RM } from './support/users.js';

/**
 * The HTTP side of WF-3's steps (SS-5, CTR-3, CTR-4): what the API refuses before it hands a step
 * to the contract's process — bad bodies (400 naming the field), contracts the caller may not see
 * (404), contracts not issued (409 CTR-3), roles (403). The steps through a running process are
 * proven end to end with the workflow.
 */

let app: ProvidersApp;
let orm: MikroORM;
let world: ContractWorld;
/** The demo provider (the self-service user's) with its one service and licence. */
let demo: ContractParty;

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
  orm = await openProvidersDatabase(app.databaseUrl);
  world = await createContractWorld(orm);
  demo = await partyWithLicence(orm, world, { providerId: DEMO_PROVIDER_ID });
});

afterAll(async () => {
  await orm?.close();
  await app?.close();
});

/** A contract of the demo provider (the self-service user's), issued unless a draft. */
async function demoContract(options: { draft?: boolean } = {}): Promise<ContractRecord> {
  return issuedContractRecord(orm, world, demo, options);
}

async function withStatus(contract: ContractRecord, status: 'cancelled' | 'active') {
  await orm.em.fork().nativeUpdate(Contract, { id: contract.id }, { status });
  return contract;
}

async function currentSha(contractId: string): Promise<string> {
  const em = orm.em.fork();
  return (await em.findOneOrFail(ContractDocument, { contractId, voidedAt: null })).sha256;
}

const signature = (sha256: string) => ({
  documentSha256: sha256,
  typedName: 'Dana Whitfield',
  consent: true,
});

describe("the provider's electronic signature (SS-5, ROLE-2)", () => {
  it('SS-5: a signature without consent or with a malformed document hash is 400 naming the field', async () => {
    const contract = await demoContract();
    const path = `/self-service/contracts/${contract.id}/signature`;
    const sha256 = await currentSha(contract.id);
    await withoutEvents(app, async () => {
      expectProblem(
        await app.request('POST', path, {
          user: PROVIDER_USER,
          body: { ...signature(sha256), consent: false },
        }),
        400,
        { field: 'consent' },
      );
      expectProblem(
        await app.request('POST', path, { user: PROVIDER_USER, body: signature('ABC123') }),
        400,
        { field: 'documentSha256' },
      );
      expectProblem(
        await app.request('POST', path, {
          user: PROVIDER_USER,
          body: { ...signature(sha256), typedName: ' ' },
        }),
        400,
        { field: 'typedName' },
      );
    });
  });

  it("ROLE-2: another provider's contract, a draft and an unknown id are all 404 to the provider", async () => {
    const other = await issuedContractRecord(orm, world, await partyWithLicence(orm, world));
    const draft = await demoContract({ draft: true });
    const body = signature('0'.repeat(64));
    for (const id of [other.id, draft.id, UNKNOWN_ID]) {
      expectProblem(
        await app.request('POST', `/self-service/contracts/${id}/signature`, {
          user: PROVIDER_USER,
          body,
        }),
        404,
      );
    }
  });

  it('CTR-3: a contract of the provider that is no longer issued (cancelled, active) is 409 naming CTR-3', async () => {
    for (const status of ['cancelled', 'active'] as const) {
      const contract = await withStatus(await demoContract(), status);
      expectProblem(
        await app.request('POST', `/self-service/contracts/${contract.id}/signature`, {
          user: PROVIDER_USER,
          body: signature(await currentSha(contract.id)),
        }),
        409,
        { rule: 'CTR-3' },
      );
    }
  });

  it('WF-3: an issued contract whose process is not running is 409 naming WF-3, and nothing is recorded', async () => {
    const contract = await demoContract();
    const body = signature(await currentSha(contract.id));
    const reply = await withoutEvents(app, () =>
      app.request('POST', `/self-service/contracts/${contract.id}/signature`, {
        user: PROVIDER_USER,
        body,
      }),
    );
    expectProblem(reply, 409, { rule: 'WF-3' });
    const [row] = await app.query<{ n: number }>(
      'select count(*)::int as n from contract_signature where contract_id = $1',
      [contract.id],
    );
    expect(row?.n).toBe(0);
  });

  it('ROLE: staff do not sign through self-service (403)', async () => {
    const contract = await demoContract();
    await expectForbiddenFor([RM, 'admin.ada'], (user) =>
      app.request('POST', `/self-service/contracts/${contract.id}/signature`, {
        user,
        body: signature('0'.repeat(64)),
      }),
    );
  });
});

describe("staff's steps: wet signature, re-issue, activation (SS-5, CTR-3, CTR-4)", () => {
  it('SS-5: a wet signature needs the day the paper arrived, not a future day (400 naming receivedOn)', async () => {
    const contract = await demoContract();
    const path = `/contracts/${contract.id}/wet-signature`;
    const body = { documentSha256: await currentSha(contract.id), typedName: 'Dana Whitfield' };
    expectProblem(await app.request('POST', path, { user: RM, body }), 400, {
      field: 'receivedOn',
    });
    expectProblem(
      await app.request('POST', path, { user: RM, body: { ...body, receivedOn: '2999-01-01' } }),
      400,
      { field: 'receivedOn' },
    );
  });

  it('CTR-3: a re-issue states its reason, and its changes pass the PATCH schema (400 naming changes.<field>)', async () => {
    const contract = await demoContract();
    const path = `/contracts/${contract.id}/reissue`;
    expectProblem(
      await app.request('POST', path, { user: RM, body: { changes: { placeLimit: 10 } } }),
      400,
      { field: 'reason' },
    );
    expectProblem(
      await app.request('POST', path, {
        user: RM,
        body: { reason: 'More places', changes: { placeLimit: -1 } },
      }),
      400,
      { field: 'changes.placeLimit' },
    );
    expectProblem(
      await app.request('POST', path, { user: RM, body: { reason: 'Nothing', changes: {} } }),
      400,
      { field: 'changes' },
    );
  });

  it('CTR-3: re-issuing or activating a contract that is not issued is 409 naming CTR-3; an unknown one 404', async () => {
    const cancelled = await withStatus(await demoContract(), 'cancelled');
    expectProblem(
      await app.request('POST', `/contracts/${cancelled.id}/activate`, { user: RM }),
      409,
      { rule: 'CTR-3' },
    );
    expectProblem(
      await app.request('POST', `/contracts/${cancelled.id}/reissue`, {
        user: RM,
        body: { reason: 'More places', changes: { placeLimit: 10 } },
      }),
      409,
      { rule: 'CTR-3' },
    );
    expectProblem(
      await app.request('POST', `/contracts/${UNKNOWN_ID}/activate`, { user: RM }),
      404,
    );
  });

  it("ROLE: a provider's user may not activate, re-issue or record wet signatures (403)", async () => {
    const contract = await demoContract();
    await expectForbiddenFor([PROVIDER_USER, 'fin.fatima'], async (user) => {
      const activate = await app.request('POST', `/contracts/${contract.id}/activate`, { user });
      expect(activate.status).toBe(403);
      return app.request('POST', `/contracts/${contract.id}/reissue`, {
        user,
        body: { reason: 'More places', changes: { placeLimit: 10 } },
      });
    });
  });
});
